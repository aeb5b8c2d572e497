# Builtin wrappers used as functions: classmethod/staticmethod/property called directly, super() object attributes.
def f(*a): return a
cm = classmethod(f)
sm = staticmethod(f)
pr = property(lambda self: "p")
class C:
    c = cm
    s = sm
    p = pr
print(C.c(1), C().c(2), C.s(3), C().s(4), C().p, type(C.__dict__["p"]).__name__)
print(cm.__func__ is f, sm.__func__ is f, pr.fget(None), callable(sm), sm(5))
print(classmethod.__name__, staticmethod.__name__, property.__name__, super.__name__)
b = cm.__get__(None, int)
print(b(), b.__self__ is int)
s = super(C, C())
print(type(s).__name__, s.__thisclass__ is C, type(s.__self__).__name__)
print(isinstance(C.__dict__["c"], classmethod), isinstance(C.__dict__["s"], staticmethod))
print(pr.__get__(C(), C), pr.__get__(None, C) is pr)
try:
    pr.__set__(C(), 1)
except AttributeError as e:
    print(type(e).__name__, e)
p2 = pr.setter(lambda self, v: print("setting", v))
p2.__set__(C(), 9)
print(p2.fget is pr.fget, p2 is not pr)
