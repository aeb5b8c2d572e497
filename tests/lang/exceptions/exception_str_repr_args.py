# str()/repr() of exceptions with zero, one and several args, non-str args, args reassignment, and KeyError's repr-style str.
for cls in [Exception, ValueError, KeyError, IndexError, OSError, StopIteration, SystemExit, UnicodeError, BaseException]:
    for args in [(), ("msg",), (1,), ("a", 2), (None,), ([1, 2],)]:
        e = cls(*args)
        print(cls.__name__, args, repr(str(e)), repr(e), e.args)
e = ValueError("x")
e.args = ("replaced", 1); print(str(e), repr(e))
e.args = [5]; print(e.args, type(e.args).__name__, str(e))
try:
    e.args = 5
except TypeError as ex:
    print(type(ex).__name__, ex)
print(str(KeyError("k")), str(KeyError("")), str(KeyError()), str(KeyError(1, 2)), repr(KeyError("it's")))
class Custom(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
c = Custom("first", "second")
print(str(c), repr(c), c.args, c.b)
class NoSuper(Exception):
    def __init__(self, x): self.x = x
n = NoSuper(5); print(repr(str(n)), repr(n), n.args)
class StrOverride(Exception):
    def __str__(self): return "custom str"
print(str(StrOverride(1)), repr(StrOverride(1)), f"{StrOverride()}")
print(repr(Exception("a\nb")), str(Exception("é")), repr(ValueError(b"bytes")))
