# str.rsplit: default whitespace splitting from the right, explicit separators, maxsplit values and errors.
cases = ["  a  b  c  ", "a,b,,c,", ",", "", "abc", "a\tb\nc\x0bd\x0ce\rf\x1cg", "one two three four"]
for s in cases:
    print(repr(s), s.rsplit(), s.rsplit(None, 1), s.rsplit(","), s.rsplit(",", 1), s.rsplit(maxsplit=2), s.rsplit(",", -1), s.rsplit(",", 0))
print("a--b--c".rsplit("--", 1), "aaaa".rsplit("aa"), "aaa".rsplit("aa"), "aaa".split("aa"))
print("a b c".rsplit(sep=" ", maxsplit=1), "x\u3000y\u2003z".rsplit(), "x\u3000y".rsplit(" "))
for args in [("",), (1,), (",", "1"), (",", 1.5)]:
    try:
        print("a,b".rsplit(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class S(str):
    pass
print([type(p).__name__ for p in S("a b").rsplit()], [type(p).__name__ for p in S("ab").rsplit()])
