# type(name, bases, dict): dynamic classes, methods in the dict, __qualname__/__module__/__doc__ handling, and argument errors.
A = type("A", (), {"x": 1, "m": lambda self: "m of " + type(self).__name__})
print(A.__name__, A.__qualname__, A.__bases__, A.x, A().m(), A.__module__, A.__doc__)
B = type("B", (A,), {"__doc__": "bdoc", "__qualname__": "Outer.B", "y": 2})
print(B.__name__, B.__qualname__, B.__doc__, B.y, B.x, B().m(), [c.__name__ for c in B.__mro__], "__qualname__" in B.__dict__)
C = type("C", (B, ), dict(__slots__=("s",)))
c = C(); c.s = 5; print(c.s, hasattr(c, "__dict__"), C.__slots__)
for args in [("N", "not-a-tuple", {}), ("N", (), []), (1, (), {}), ("N", (5,), {}), ("N", (bool,), {}), ("N",) * 2]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(type(1) is int, type("N", (), {})().__class__.__name__, type.__call__(type, 5) is int)
try:
    type("Q", (), {"__qualname__": 5})
except TypeError as e:
    print(type(e).__name__, e)
D = type("D", (dict,), {"extra": property(lambda self: len(self))})
d = D(a=1); print(d, d.extra, isinstance(d, dict))
class Meta(type):
    pass
E = Meta("E", (), {})
print(type(E).__name__, type(type("F", (E,), {})).__name__)
try:
    type("G", (), {}, extra=1)
except TypeError as e:
    print(type(e).__name__, e)
print(type("Unicode\u00e9", (), {}).__name__, type("", (), {}).__name__ == "")
