# Class vs instance attributes: shadowing, mutation through instances, inheritance of class attributes, class-level mutables.
class A:
    counter = 0
    shared = []
    def __init__(self):
        A.counter += 1
        self.shared.append(A.counter)
a1, a2 = A(), A()
print(A.counter, a1.counter, A.shared, a1.shared is a2.shared)
a1.counter = 100
print(a1.counter, a2.counter, A.counter, "counter" in vars(a1))
del a1.counter
print(a1.counter)
class B(A): pass
print(B.counter, B.shared is A.shared)
B.counter = 50
print(B.counter, A.counter)
del B.counter
print(B.counter)
try:
    del B.counter
except AttributeError as e:
    print(type(e).__name__, e)
class M:
    def method(self): return "method"
m = M()
m.method = lambda: "instance override"
print(m.method(), M().method(), M.method(m))
del m.method
print(m.method())
class WithProp:
    @property
    def value(self): return "prop"
w = WithProp()
try:
    w.value = 1
except AttributeError as e:
    print(type(e).__name__, e)
w.__dict__["value"] = "in dict"
print(w.value)
class Cls:
    x = 1
    @classmethod
    def set_x(cls, v): cls.x = v
class Sub(Cls): pass
Sub.set_x(5)
print(Cls.x, Sub.x)
print(getattr(Sub, "x"), Sub.__dict__.get("x"), Cls.__dict__.get("x"))
class Late: pass
Late.added = "added later"
print(Late().added, hasattr(Late(), "added"))
