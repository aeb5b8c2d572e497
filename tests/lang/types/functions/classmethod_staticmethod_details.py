# classmethod/staticmethod objects: __func__, __wrapped__, callable staticmethod (3.10+), descriptors called on instances and subclasses.
class A:
    @classmethod
    def cm(cls, x=0): return (cls.__name__, x)
    @staticmethod
    def sm(x=0): return ("sm", x)
class B(A):
    pass
print(A.cm(), B.cm(1), B().cm(2), A.sm(3), B().sm(4))
cm = A.__dict__["cm"]; sm = A.__dict__["sm"]
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__.__name__, cm.__wrapped__ is cm.__func__, sm.__wrapped__ is sm.__func__)
print(sm(5), callable(sm), callable(cm), cm.__get__(None, B)(), sm.__get__(None, A)(), cm.__get__(B())(), cm.__isabstractmethod__)
try:
    cm()
except TypeError as e:
    print(type(e).__name__, e)
print(cm.__name__, sm.__qualname__, sm.__doc__, cm.__module__ == __name__)
def plain(*args): return args
s2 = staticmethod(plain); c2 = classmethod(plain)
class C:
    s = s2
    c = c2
print(C.s(1), C().s(1), C.c(1)[0].__name__, C().c(1)[1])
try:
    staticmethod()
except TypeError as e:
    print(type(e).__name__, e)
print(staticmethod(5).__func__, classmethod(5).__func__)
try:
    class D:
        c = classmethod(5)
    D.c()
except TypeError as e:
    print(type(e).__name__, e)
class Meta(type):
    @classmethod
    def mcm(mcls): return mcls.__name__
class E(metaclass=Meta):
    pass
print(E.mcm(), Meta.mcm())
def f(): "doc of f"
sf = staticmethod(f)
print(sf.__doc__, sf.__name__, classmethod(f).__doc__)
