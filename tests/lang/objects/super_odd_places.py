# super() in odd places: classmethods, staticmethod errors, nested functions, comprehensions, __init_subclass__, two-arg forms.
class A:
    def who(self):
        return "A.who"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__
    def __init_subclass__(cls, **kw):
        print("A.__init_subclass__", cls.__name__, kw)
        super().__init_subclass__()
class B(A, tag=1):
    def who(self):
        def inner():
            return super(B, self).who()
        return "B>" + inner()
    @classmethod
    def cm(cls):
        return "B>" + super().cm()
    def comp(self):
        return [super().who() for _ in range(1)]
    def lam(self):
        return (lambda: super(B, self).who())()
    @staticmethod
    def st():
        return super().who()
    def noarg_in_nested(self):
        def f():
            return super().who()
        return f()
b = B()
print(b.who(), B.cm(), b.cm(), b.lam())
for call in [B.st, b.noarg_in_nested, b.comp]:
    try:
        print(call())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
print(super(B, b).who(), super(B, B).cm(), super(A, b).__class__.__name__, super(B, b).__self__ is b, super(B, b).__thisclass__.__name__)
try:
    super(B, 5)
except TypeError as e:
    print(type(e).__name__, e)
s = super(B)
print(type(s).__name__, s.__self__)
class C(B):
    def who(self):
        return "C>" + super().who()
    __class__ = "shadowed?"
print(C().who())
class D:
    def m(self):
        return __class__.__name__
print(D().m())
def free():
    return super().x
try:
    free()
except RuntimeError as e:
    print(type(e).__name__, e)
class E(dict):
    def __getitem__(self, k):
        return ("E", super().__getitem__(k))
    def keys(self):
        return sorted(super().keys())
e = E(b=1, a=2)
print(e["a"], e.keys(), super(E, e).get("b"))
