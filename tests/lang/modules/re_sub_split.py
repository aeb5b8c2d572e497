# re: sub, subn, split, findall, finditer, escape.
import re

print(re.sub(r"\d", "#", "a1b22c333"), re.sub(r"\d", "#", "a1b22c333", 2), re.sub(r"\d", "#", "a1b2", count=1))
print(re.subn(r"\d+", "N", "1 22 333"), re.subn("x", "y", "abc"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"), re.sub(r"(\w)", r"\g<1>\g<0>", "ab"))
print(re.sub(r"a", r"\n\t\\", "xay"), repr(re.sub("a", "\\\\", "a")))
print(re.sub(r"\w+", lambda m: m.group().upper(), "make me loud"))
print(re.sub(r"\w+", lambda m: str(len(m.group())), "a bb ccc"))
print(re.sub("x*", "-", "abxd"), re.sub("x*", "-", ""), re.sub("", "-", "abc"), re.sub("a|", "-", "bab"))
print(re.sub("(?:)", "/", "ab"), re.sub(r"\b", "|", "ab cd"), re.sub("$", "!", "a\nb\n"))
print(re.sub(r"(a)|b", r"[\1]", "ab"), re.subn(r"(a)|b", lambda m: str(m.lastindex), "abab"))
print(re.sub(r"a", "b", "aaa", count=0), re.sub(r"(?m)^", "> ", "l1\nl2"))
try:
    print(re.sub("a", lambda m: 1, "a"))
except TypeError as e:
    print("TypeError", e)
print(re.sub("a", lambda m: None if m.start() else "X", "aa"))

for pattern, text, maxsplit in [
    (r",", "a,b,,c", 0), (r",", "a,b,,c", 2), (r"(,)", "a,b", 0), (r"(,)|(;)", "a,b;c", 0),
    (r"\s*", "a b  c", 0), (r"x*", "axbc", 0), (r"", "abc", 0), (r"\b", "ab cd", 0),
    (r"\W+", "Words, words, words.", 1), (r"(\W+)", "Words, words, words.", 0),
    (r"[a-f]+", "0a3B9", 0), (r"(?i)[a-f]+", "0a3B9", 0), (r",", "", 0), (r"^", "a\nb", 0),
    (r"(?m)^", "a\nb\nc", 0), (r",", "a,b,c", -1),
]:
    print(pattern, repr(text), re.split(pattern, text, maxsplit=maxsplit))

for pattern, text in [
    (r"\d+", "a1b22c333"), (r"(\d)(\w)", "1a2b3"), (r"(a)|(b)", "ab"), (r"", "ab"),
    (r"a*", "baaac"), (r"(a*)", "baa"), (r"\w+@\w+", "x@y z@w"), (r"(?:ab)+", "ababxab"),
    (r"((a)b)", "abab"), (r"\b\w", "hi there"), (r"$", "a\n"), (r"(?m)$", "a\nb"),
]:
    print(pattern, repr(text), re.findall(pattern, text), [m.span() for m in re.finditer(pattern, text)])
p = re.compile(r"\w")
print(p.findall("abcdef", 2, 4), [m.group() for m in p.finditer("abcdef", 3)], p.findall("ab", 5))
print(re.escape("a.b*c?d+e(f)[g]{h}|i^j$k\\l m\tn-#&~é"), re.escape(b"a.b\x00"))
it = re.finditer("a", "aXa")
print(next(it).span(), next(it).span(), next(it, None))
print(re.compile("b").sub("x", "abc"), re.compile("b").subn("x", "abcb", 1))
print(re.sub("(b)", r"\1\1", "abc", flags=re.I))
