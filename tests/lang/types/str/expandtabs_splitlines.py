# str.expandtabs (column tracking, tabsize 0/negative) and splitlines with every line boundary and keepends.
for s in ["a\tb", "\t", "ab\tc\td", "abcdefgh\tx", "x\ny\tz", "a\r\tb", ""]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)), repr(s.expandtabs(-1)), repr(s.expandtabs(tabsize=3)))
t = "l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x1dl8\x1el9\x85l10\u2028l11\u2029l12"
print(t.splitlines())
print(t.splitlines(True))
for s in ["", "\n", "a\n", "a\n\nb", "\r\n\r", "no newline", "a\n\r\nb\r"]:
    print(repr(s), s.splitlines(), s.splitlines(keepends=True), s.split("\n"))
print(b"a\nb\r\nc\x0bd".splitlines(), b"x\ry\n".splitlines(True))
