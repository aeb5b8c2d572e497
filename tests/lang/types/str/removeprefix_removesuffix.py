# str.removeprefix / str.removesuffix: matching, non-matching, empty arguments, subclasses and errors.
for s, a in [("prefix_body", "prefix_"), ("prefix_body", "body"), ("abc", ""), ("", "a"), ("aaa", "a"), ("abc", "abc"), ("abc", "abcd"), ("ÄÖÜ", "Ä")]:
    print(repr(s), repr(a), repr(s.removeprefix(a)), repr(s.removesuffix(a)))
class S(str):
    pass
r = S("xyz").removeprefix("x")
print(r, type(r).__name__, type(S("xyz").removeprefix("q")).__name__, type(S("xyz").removesuffix("")).__name__)
for bad in [None, 1, ("a",), b"a"]:
    try:
        "abc".removeprefix(bad)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        "abc".removesuffix(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(b"prefix".removeprefix(b"pre"), bytearray(b"suffix").removesuffix(b"fix"), b"x".removeprefix(bytearray(b"x")))
