# str() constructor: __str__ vs __repr__ fallback, non-str results, bytes with/without encoding, keywords.
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class Both:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
class BadStr:
    def __str__(self):
        return 42
class SubStr(str):
    pass
class ReturnsSub:
    def __str__(self):
        return SubStr("sub")
print(str(OnlyRepr()), str(Both()), repr(Both()), str(), repr(str()), str("x"), str(object="kw"))
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
r = str(ReturnsSub())
print(r, type(r).__name__)
print(str(b"abc"), str(bytearray(b"x")), str(b"abc", "ascii"), str(b"abc", encoding="ascii"), str(memoryview(b"mv"), "utf-8"))
for args in [(1, "utf-8"), ("abc", "utf-8"), (b"a", 1)]:
    try:
        str(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(str(1.5), str(-0.0), str(1e100), str(True), str(None), str([1, "a"]), str((1,)), str({1: "a"}), str(3 + 0j))
print(type(str(SubStr("q"))).__name__, SubStr("q") == "q", str(SubStr("q")) == "q")
