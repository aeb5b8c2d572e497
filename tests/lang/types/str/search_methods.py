# find/rfind/index/rindex/count/startswith/endswith with start/end arguments.
s = "the quick brown fox jumps over the lazy dog the end"
print(s.find("the"), s.find("the", 1), s.find("the", 1, 30), s.find("cat"), s.find(""), s.find("", 100), s.find("", 51))
print(s.rfind("the"), s.rfind("the", 0, 40), s.rfind("the", -10), s.rfind(""), s.rfind("x", 5, 2))
print(s.index("fox"), s.rindex("o"), s.count("the"), s.count("o", 20), s.count(""), "aaaa".count("aa"), "".count(""))
for args in [("cat",), ("the", 100), ("quick", 0, 5)]:
    try:
        s.index(*args)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    s.rindex("zzz")
except ValueError as e:
    print(type(e).__name__, e)
print(s.startswith("the"), s.startswith("quick", 4), s.startswith(("a", "t")), s.startswith("the", 0, 2), s.startswith(""))
print(s.endswith("end"), s.endswith("the", 0, 47), s.endswith(("x", "d")), "".endswith(""), "abc".endswith("", 5))
try:
    s.startswith(["t"])
except TypeError as e:
    print(type(e).__name__, e)
print("abc".find("c", -1), "abc".find("a", -100), "abc".find("b", None, None), "a\u00e9b".find("b"))
print("x" in "xyz", "" in "", "yz" in "xyz", "zy" not in "xyz")
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
print("mississippi".count("ss"), "mississippi".count("i", 1, -1), "mississippi".rfind("ss"), "mississippi".find("ssi", 3))
