# re: lookahead, lookbehind, backreferences, conditional groups.
import re

cases = [
    (r"foo(?=bar)", "foobar foobaz"), (r"foo(?!bar)", "foobar foobaz"), (r"(?<=\$)\d+", "cost $42"),
    (r"(?<!\$)\b\d+", "cost $42 or 17"), (r"(?<=ab)c", "abc"), (r"(?<=a|b)c", "bc"), (r"(?<=^)a", "a"),
    (r"(?<!^)a", "aa"), (r"(?=(\w+))\w", "abc"), (r"(?=(a))?a", "a"), (r"(?!(a))b", "b"),
    (r"\w+(?=,)", "x, y,z"), (r"(?<=(a))b", "ab"), (r"(?<=\d{3})x", "12x 123x"),
    (r"(?=a)(?=b)", "ab"), (r"(?!a)(?!b).", "abc"), (r"(?<=a(?=b))b", "ab"), (r"^(?=.*\d)(?=.*[a-z]).{6,}$", "abc123"),
    (r"^(?=.*\d)(?=.*[a-z]).{6,}$", "abcdefg"), (r"(a)(?=\1)", "aa"), (r"(?<=(.))\1", "xaab"),
    (r"(\w)\1", "hello"), (r"(\w+) \1", "the the"), (r"(?P<q>['\"]).*?(?P=q)", "say 'hi' \"x\""),
    (r"(a)|\1", "x"), (r"(a)?\1", "aa"), (r"(a)?b\1", "b"), (r"(a*)\1", "aaaa"), (r"(a*)\1$", "aaa"),
    (r"(?:(a)|b)\1", "ba"), (r"(a)(?(1)b|c)", "ab"), (r"(a)?(?(1)b|c)", "c"), (r"(a)?(?(1)b|c)", "ab"),
    (r"(?P<n><)?\w+(?(n)>)", "<tag>"), (r"(?P<n><)?\w+(?(n)>)", "tag>"), (r"(a)?(?(1)b)c", "c"),
    (r"^(\()?\d+(?(1)\))$", "(12)"), (r"^(\()?\d+(?(1)\))$", "(12"), (r"(?i)(ab)\1", "abAB"),
    (r"(?<=a)", "aaa"), (r"(?<!a)", "aaa"), (r"(?<=\b)x", "x"), (r"x(?=$)", "x\n"),
    (r"(?<=(?<!b)a)c", "ac bac"), (r"((?<=a)b)+", "abb"), (r"(?:(?=(\w))\w)+", "abc"),
]
for pattern, text in cases:
    print(repr(pattern), repr(text), re.findall(pattern, text), [m.span() for m in re.finditer(pattern, text)])
    m = re.search(pattern, text)
    print("   ", m and (m.group(), m.groups(), m.lastindex))
try:
    re.compile(r"(?<=a+)b")
except re.error as e:
    print("error:", e)
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.search(r"(?<=-)\w+", "x-y-z", 2))
