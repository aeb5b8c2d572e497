# re: match, fullmatch, search, pos/endpos, anchors, classes, repetition.
import re


def show(pattern, text, flags=0, *args):
    p = re.compile(pattern, flags)
    for name in ("match", "fullmatch", "search"):
        try:
            m = getattr(p, name)(text, *args)
        except Exception as e:
            print(name, pattern, "->", type(e).__name__, e)
            continue
        print(name, repr(pattern), repr(text), args, "->", m and (m.span(), m.group()))


cases = [
    (r"abc", "abc"), (r"abc", "xabc"), (r"a.c", "a\nc"), (r"a.c", "abc"),
    (r"a*", ""), (r"a*", "aaa"), (r"a+", "baaa"), (r"a?b", "ab"), (r"a{2,3}", "aaaa"),
    (r"a{2,}", "a"), (r"a{,2}", "aaa"), (r"a{3}", "aaaa"), (r"a*?b", "aaab"), (r"a+?", "aaa"),
    (r"a??", "a"), (r"a{2,3}?", "aaaa"), (r"(ab)*", "ababab"), (r"(ab)+?", "ababab"),
    (r"(a|b)*c", "abbac"), (r"(?:a|bc)+d", "abcad"), (r"x(a|ab)c", "xabc"),
    (r"^abc$", "abc"), (r"^abc$", "abc\n"), (r"abc\Z", "abc\n"), (r"\Aabc", "abc"),
    (r"^b", "a\nb"), (r"a$", "a\nb"), (r"[abc]+", "cabbage"), (r"[^abc]+", "xyzabc"),
    (r"[a-f0-9]+", "deadBEEF"), (r"[\d\s]+", "12 34x"), (r"\w+", "héllo wörld"),
    (r"\W+", "...abc"), (r"\S+", "  ab"), (r"\D+", "ab12"), (r"[\w.-]+@[\w.-]+", "mail: a.b@c.de!"),
    (r"\bfoo\b", "afoo foo"), (r"\Bo\B", "foo"), (r"\b", ""), (r"\B", ""), (r"", ""),
    (r"[]]", "]"), (r"[^]]", "]a"), (r"[a\-z]", "-"), (r"\x41\u00e9\061", "Aé1"),
    (r"[\u0100-\u017f]+", "ĀāĂ x"), (r"\U0001F600+", "😀😀!"), (r"[😀-😊]", "x😃"),
    (r".*", "line1\nline2"), (r"(?s).*", "line1\nline2"), (r"\d{3}-\d{4}", "call 555-1234 now"),
    (r"(a)(b)?(c)", "ac"), (r"a|b|c", "xyzc"), (r"(?:x|y|)z", "z"),
    (r"[^\W\d_]+", "ab1_c"), (r"[\s\S]", "\n"), (r"\d+", "٣٤5"), (r"(?a)\d+", "٣٤5"),
    (r"(?a)\w+", "héllo"), (r"[.]", "a.b"), (r"\.", "."), (r"\t\n", "\t\n"),
]
for c in cases:
    show(*c)

p = re.compile(r"\w+")
for pos, endpos in [(0, 100), (2, 5), (5, 2), (-3, 4), (3, -1), (10, 20), (0, 0)]:
    print(pos, endpos, p.search("hello world", pos, endpos), p.match("hello world", pos, endpos))
print(re.compile("^a").search("ba", 1), re.compile("a$").search("ab", 0, 1))
print(re.compile(r"\bb").search("ab", 1))
print(re.compile(r"(?<=a)b").search("ab", 1))
print(re.search("a", "ba", pos=1) if False else re.compile("a").search("ba", pos=1))
print(re.compile("b").fullmatch("abc", 1, 2), re.compile("b").fullmatch("abc", 1))
# long inputs do not overflow the C stack
print(len(re.match(r"(?:ab|cd)*", "ab" * 100000).group()))
print(len(re.match(r"(a|b)*?c", "ab" * 50000 + "c").group()))
print(len(re.search(r"x*y", "x" * 20000 + "y").group()))
print(re.match(r"(?:a*)*b", "a" * 12), re.match(r"(a*)+$", "aaa").groups())
print(re.match(r"(a|)*b", "aab").groups(), re.match(r"(|a)*b", "aab").groups())
print(re.match(r"(a*?)*?b", "aab").groups())
