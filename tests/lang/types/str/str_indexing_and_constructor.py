# str indexing/slicing (including non-ASCII), str() constructor, comparisons, iteration, immutability.
s = "héllo wörld 😀!"
print(len(s), s[0], s[1], s[-1], s[-2], s[2:5], s[::-1], s[::3], s[100:], s[-100:3])
print(list("a😀b"), [c for c in "日本"], "😀" * 3, "é" in s, s.index("ö"), s.count("l"))
try:
    s[0] = "H"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[50]
except IndexError as e:
    print(type(e).__name__, e)
print(str(), str(5), str(-0.0), str([1, "a"]), str(None), str(str), str(b"b"), str(1e100))
print(str("already"), str(object="kw"), str(b"\xc3\xa9", "utf-8"), str(bytearray(b"ab"), "ascii"))
try:
    str(5, "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
print("a" < "b", "a" < "B", "Z" < "a", "abc" < "abd", "ab" < "abc", "é" > "z", "😀" > "é", "" < "a")
print("abc" == "abc", s is not None, "a" * 0 == "", max("hello"), min("hello"), sorted("dcba"))
print(ord(min("日本語")), "".join(sorted("hello", reverse=True)), "x".join("abc"), hash("") == hash(""))
t = "abc"
u = t
t += "d"
print(t, u)
print("%s" % "é", "{:^7}".format("日本"), f"{'ß':*>4}", "ǅ".isupper(), len("e\u0301"), "e\u0301" == "é")
class MyStr(str):
    def shout(self): return self.upper() + "!"
m = MyStr("hey")
print(m.shout(), type(m + "x").__name__, type(m[0]).__name__, isinstance(m, str), m == "hey", repr(m))
print(str.__len__("abc"), str.__getitem__("abc", 1), str.__contains__("abc", "b"), str.__add__("a", "b"), str.__mul__("ab", 2))
print("abc".__eq__(1), "abc".__lt__("abd"), "abc".__hash__() == hash("abc"), "a".__mod__(()), "%d".__mod__(5))
