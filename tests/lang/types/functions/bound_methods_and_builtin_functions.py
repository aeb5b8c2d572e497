# Bound method objects (__self__, __func__, __name__, equality, rebinding) and builtin function/method attributes.
class A:
    def m(self, x): return (type(self).__name__, x)
    @classmethod
    def cm(cls): return cls.__name__
    @staticmethod
    def sm(): return "static"
a = A(); b = A()
bm = a.m
print(bm(1), bm.__self__ is a, bm.__func__ is A.m, bm.__name__, bm.__qualname__, bm.__doc__, type(bm).__name__)
print(a.m == a.m, a.m is a.m, a.m == b.m, a.m != A.m, hash(a.m) == hash(a.m))
print(A.cm.__self__ is A, A.cm(), a.cm(), type(A.sm).__name__, A.sm(), a.sm(), A.__dict__["sm"].__func__ is A.sm)
MethodType = type(bm)
bound = MethodType(lambda self, y: ("lambda", self, y), 42)
print(bound(7), bound.__self__)
try:
    bm.__self__ = b
except AttributeError as e:
    print(type(e).__name__, e)
try:
    bm.new_attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
A.m.tag = "tagged"
print(bm.tag)
print(len.__name__, len.__qualname__, len.__module__, len.__self__.__name__, type(len).__name__, len.__doc__.splitlines()[0])
s = "abc"
up = s.upper
print(up(), up.__self__, up.__name__, up.__qualname__, type(up).__name__, [].append.__qualname__, type([].append).__name__)
print(type(str.upper).__name__, str.upper("x"), type(dict.fromkeys).__name__, type(str.__dict__["maketrans"]).__name__, type(int.__add__).__name__, type((1).__add__).__name__)
print(callable(bm), callable(len), callable(up), "m" in dir(a), getattr(a, "m").__func__ is A.m)
print(list(map(str.strip, [" a ", "b "])), sorted(["b", "A", "c"], key=str.lower))
