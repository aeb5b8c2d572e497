# re: flags — IGNORECASE (ascii/unicode/locale-free), MULTILINE, DOTALL, VERBOSE, ASCII, inline and scoped flags, repr.
import re

cases = [
    ("abc", "ABC", re.I), ("[a-z]+", "HeLLo", re.I), ("[^a-z]+", "HeLLo12", re.I), ("é", "É", re.I),
    ("É+", "ééÉ", re.I), ("[à-ÿ]+", "ÀÉÎ", re.I), ("ǅ", "ǆ", re.I), ("ǅ", "Ǆ", re.I),
    ("s", "ſ", re.I), ("k", "K", re.I), ("K", "k", re.I), ("σ", "ς", re.I), ("Σ", "ς", re.I),
    ("ß", "ẞ", re.I), ("i", "İ", re.I), ("ı", "I", re.I), ("[k]", "K", re.I), ("[s-t]", "ſ", re.I),
    ("s", "ſ", re.I | re.A), ("[a-z]", "K", re.I | re.A), ("x", "X", re.I | re.A), ("µ", "Μ", re.I),
    ("[^x]", "X", re.I), ("[^é]", "É", re.I), ("ω", "Ω", re.I), ("Ω", "ω", re.I), ("[ω]", "Ω", re.I),
    (r"(?i)hello", "HELLO"), (r"(?i:a)b", "Ab"), (r"(?i:a)b", "AB"), (r"a(?-i:b)", "AB", re.I),
    (r"a(?-i:b)", "Ab", re.I), (r"^b$", "a\nb\nc", re.M), (r"^b$", "a\nb\nc"), (r"(?m)c$", "c\n"),
    (r"a.b", "a\nb", re.S), (r"(?s:a.)b", "a\nb"), (r"a.b", "a\nb"),
    (r"a b c # comment", "abc", re.X), (r"(?x) a \  b", "a b"), (r"[ ]a", " a", re.X),
    (r"\w+", "héllo", re.A), (r"(?a)\s+", "\u2003 x"), (r"\s+", "\u2003 x"), (r"\d", "٣", re.A),
    (r"(?u)\w+", "héllo"), (r"\bé", "xé é"), (r"(?a)\bé", "xé é"), (r"[\w]+", "été!", re.A),
    (r"(?i)[^\W]+", "ÉtÉ"), (r"[[:alpha:]]", ":"),
]
for c in cases:
    pattern, text = c[0], c[1]
    flags = c[2] if len(c) > 2 else 0
    try:
        m = re.search(pattern, text, flags)
        print(repr(pattern), repr(text), flags, "->", m and m.group())
    except Exception as e:
        print(repr(pattern), type(e).__name__, e)

for flags in (0, re.I, re.I | re.M, re.S | re.X, re.A, re.U, re.DEBUG * 0 | re.VERBOSE, re.A | re.I, re.T if hasattr(re, "T") else 0):
    p = re.compile("x", flags)
    print(repr(p), p.flags)
print(repr(re.compile(b"x")), repr(re.compile(b"x", re.I | re.L)), re.compile(b"x").flags)
print(repr(re.compile("a" * 300)))
print(repr(re.compile("(?i)x")), re.compile("(?i)x").flags)
print(re.compile("x") == re.compile("x"), re.compile("x") == re.compile("x", re.I), re.compile("x") != re.compile("y"))
print(hash(re.compile("x")) == hash(re.compile("x")), re.compile("x") == "x")
print(re.I, re.IGNORECASE | re.M, int(re.X), re.RegexFlag.DOTALL)
print(re.findall("(?i)[a-c]", "aBcD"), re.findall("[A-Z]", "aBcD", re.I))
print(re.sub("(?i)b+", "-", "abBbc"), re.split("x", "aXbxc", flags=re.I))
print(re.match(r"(?i)(a)\1", "aA"), re.match(r"(a)\1", "aA"), re.match(r"(?i)(é)\1", "éÉ"))
