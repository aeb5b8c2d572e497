# __repr__ and __str__: defaults, fallback of str to repr, recursion guards, errors.
class Both:
    def __repr__(self): return "Both-repr"
    def __str__(self): return "Both-str"
class ReprOnly:
    def __repr__(self): return "ReprOnly-repr"
class StrOnly:
    def __str__(self): return "StrOnly-str"
b = Both()
print(b, str(b), repr(b), [b], (b,), {'k': b}, f"{b} {b!r}")
print(ReprOnly(), str(ReprOnly()))
print(StrOnly(), repr(StrOnly()).startswith("<__main__.StrOnly object at "))
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class StrSub(str): pass
class ReturnsSub:
    def __str__(self): return StrSub("sub")
print(type(str(ReturnsSub())).__name__)
l = [1]
l.append(l)
print(l, repr(l))
d = {}
d['self'] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
print(repr("quote'"), repr('dq"'), repr('both\'"'), repr("\n\t\x00\x7f\u00e9\U0001f600"), ascii("é😀"))
print(repr(1.0), repr(1e16), repr(None), repr(...), repr(NotImplemented), repr(int), repr(len))
print(repr(b"\x00a'"), repr(bytearray(b"x")), repr(range(3)), repr(slice(1, 2)), repr(frozenset()), repr(set()))
print(str(b"abc"), str(1.5), str(True), str(-0.0), str(10**20))
print(repr(object)[:7], repr(type(None)), repr(print))
class Meta(type):
    def __repr__(cls): return f"<custom {cls.__name__}>"
class K(metaclass=Meta): pass
print(K, [K])
print(str(Exception("a", "b")), repr(Exception("a", "b")), repr(ValueError()), str(KeyError("k")))
