# str.count/find/rfind/index/rindex with start/end bounds, None bounds, negative and empty substrings.
s = "abracadabra"
for sub in ["a", "bra", "", "z", "abracadabra", "abracadabrax"]:
    for start, end in [(None, None), (1, None), (None, -1), (3, 8), (-4, None), (20, None), (5, 2), (0, 0), (11, 11), (12, 12)]:
        print(repr(sub), start, end, s.count(sub, start, end), s.find(sub, start, end), s.rfind(sub, start, end))
for meth in (s.index, s.rindex):
    try:
        meth("z")
    except ValueError as e:
        print(meth.__name__, type(e).__name__, e)
print(s.index("a", 1), s.rindex("a", 0, -1), "".count(""), "abc".count(""), "aaaa".count("aa"))
try:
    s.find("a", "1")
except TypeError as e:
    print(type(e).__name__, e)
class I:
    def __index__(self):
        return 3
print(s.find("a", I()), s.count("a", I(), None), s.find("a", True))
