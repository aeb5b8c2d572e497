# str find/rfind/index/rindex/count with start/end (including negative and out of range) and empty needles.
s = "abracadabra"
for sub in ["a", "abra", "cad", "z", "", "ra"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 2), s.rfind(sub, 0, 8), s.count(sub, 1, -1), s.find(sub, -4))
print("".find(""), "".count(""), "abc".find("", 3), "abc".find("", 4), "abc".count("", 1), "abc".rfind(""))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), s.count("a", 100), s.find("a", None, None))
for args in [("z",), ("a", 20), ("abra", 1, 5)]:
    try:
        s.index(*args)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        s.rindex(*args)
    except ValueError as e:
        print(type(e).__name__, e)
print(s.index("c"), s.rindex("a"), s.index("a", -3), s.rindex("b", None, 5))
try:
    s.find(1)
except TypeError as e:
    print(type(e).__name__, e)
print("é日本語".find("本"), "ß".count("s"), "\U0001F600x".find("x"), len("\U0001F600"))
