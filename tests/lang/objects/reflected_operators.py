# Reflected operators, NotImplemented, and the subclass-first rule.
class R:
    def __init__(self, name): self.name = name
    def __repr__(self): return self.name
    def __radd__(self, o): return f"radd({o!r}, {self!r})"
    def __rsub__(self, o): return f"rsub({o!r}, {self!r})"
    def __rmul__(self, o): return f"rmul({o!r}, {self!r})"
    def __rmatmul__(self, o): return f"rmatmul({o!r}, {self!r})"
    def __rtruediv__(self, o): return f"rtruediv({o!r}, {self!r})"
    def __rfloordiv__(self, o): return f"rfloordiv({o!r}, {self!r})"
    def __rmod__(self, o): return f"rmod({o!r}, {self!r})"
    def __rdivmod__(self, o): return f"rdivmod({o!r}, {self!r})"
    def __rpow__(self, o, mod=None): return f"rpow({o!r}, {self!r})"
    def __rlshift__(self, o): return f"rlshift({o!r}, {self!r})"
    def __rrshift__(self, o): return f"rrshift({o!r}, {self!r})"
    def __rand__(self, o): return f"rand({o!r}, {self!r})"
    def __rxor__(self, o): return f"rxor({o!r}, {self!r})"
    def __ror__(self, o): return f"ror({o!r}, {self!r})"

r = R("r")
print(1 + r); print(1 - r); print(1 * r); print(1 @ r); print(1 / r); print(1 // r)
print(1 % r); print(divmod(1, r)); print(1 ** r); print(1 << r); print(1 >> r)
print(1 & r); print(1 ^ r); print(1 | r)
print("s" + r, [1] * r)
try:
    pow(1, r, 3)  # three-argument pow does not try __rpow__
except TypeError as e:
    print(type(e).__name__, e)

class Base:
    def __init__(self, n): self.n = n
    def __add__(self, o):
        print("Base.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("Base.__radd__")
        return "Base.radd"
    def __repr__(self): return type(self).__name__

class Derived(Base):
    def __radd__(self, o):
        print("Derived.__radd__")
        return "Derived.radd"

print(Base(1) + Derived(2))   # subclass overriding reflected goes first
class DerivedNoOverride(Base): pass
print(Base(1) + DerivedNoOverride(2))

class Refuses:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
try:
    Refuses() + Refuses()
except TypeError as e:
    print(type(e).__name__, e)

# same type: reflected not tried
class Same:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return "radd called"
try:
    Same() + Same()
except TypeError as e:
    print(type(e).__name__, e)
print(1 + Same())

# int + float style fallbacks
print(1 + 2.5, 2.5 + 1, 1 + 2j, True + 1, 3 * "ab", "ab" * 3)
print(int.__add__(1, 2.0), float.__radd__(2.0, 1))
