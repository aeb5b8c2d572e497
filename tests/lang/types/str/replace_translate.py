# replace, translate/maketrans, encode and misc str methods.
s = "aaa bbb aaa"
print(s.replace("aaa", "x"), s.replace("aaa", "x", 1), s.replace("", "-"), s.replace("", "-", 3), s.replace("zz", "y"))
print("abc".replace("", ""), "".replace("", "x"), "aaaa".replace("aa", "b"), s.replace("a", "", -1))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc".translate(t))
t2 = str.maketrans({"a": "1", "b": None, ord("c"): "33"})
print(sorted(t2.items()), "abcabc".translate(t2))
t3 = str.maketrans("ab", "cd", "xy")
print("abxyz".translate(t3))
print("hello".translate({ord("l"): ord("L")}), "hello".translate([]), "abc".translate({97: None}))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(type(e).__name__, e)
try:
    str.maketrans({"ab": 1})
except ValueError as e:
    print(type(e).__name__, e)
class Table:
    def __getitem__(self, k):
        if k == ord("q"):
            raise LookupError
        return k + 1
print("apq".translate(Table()))
print("héllo".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"), "日".encode("utf-16-le"), "x".encode("utf-32-be"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print("é€".encode("ascii", "replace"), "é€".encode("ascii", "ignore"), "é".encode("ascii", "xmlcharrefreplace"),
      "é".encode("ascii", "backslashreplace"))
print("\ud800".encode("utf-8", "surrogatepass"), "\ud800".encode("utf-8", "replace"))
try:
    "\ud800".encode()
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(len("héllo"), len("😀"), "😀"[0], ord("😀"), chr(128512), "abc"[::-1], "日本語"[1:])
print(str(b"x", "ascii"), str(b"\xc3\xa9", encoding="utf-8"), str(b"\xff", "utf-8", "replace"), str(b"\xff", errors="ignore"))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    "abc".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
print("abc" * 3, 3 * "ab", "ab" * 0, "ab" * -1, "a" + "b", "Ab" < "ab", "a" < "aa", "b" > "abc", max("abc"), min("cab"))
