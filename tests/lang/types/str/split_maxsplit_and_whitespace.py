# str.split/rsplit: default whitespace splitting, maxsplit, explicit separators, empty strings and errors.
for s in ["a b  c", "  lead and trail  ", "", "   ", "a\tb\nc\x0bd\x0ce\rf\x1cg\u2003h", "one"]:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1))
for s, sep in [("a,b,,c,", ","), (",", ","), ("", ","), ("abcabc", "bc"), ("aaaa", "aa"), ("x--y--z", "--")]:
    print(repr(s), repr(sep), s.split(sep), s.rsplit(sep), s.split(sep, 1), s.rsplit(sep, 1), s.split(sep, 0), s.split(sep, -1))
print("a b c d".split(maxsplit=2), "a b c d".rsplit(maxsplit=2), "1.2.3".split(sep=".", maxsplit=1))
for sep in ["", 5]:
    try:
        "abc".split(sep)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("aXbXc".split("X", maxsplit=10 ** 3), "k=v=w".partition("="), "k=v=w".rpartition("="))
print("no sep".partition("="), "no sep".rpartition("="), "=".partition("="))
try:
    "x".partition("")
except ValueError as e:
    print(type(e).__name__, e)
