# Rich comparisons: reflection, NotImplemented, identity fallback for ==, errors for <.
class C:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"C{self.v}"
    def __eq__(self, o):
        print(f"{self}.__eq__({o})")
        return NotImplemented if not isinstance(o, C) else self.v == o.v
    def __lt__(self, o):
        print(f"{self}.__lt__({o})")
        return NotImplemented if not isinstance(o, C) else self.v < o.v
    def __gt__(self, o):
        print(f"{self}.__gt__({o})")
        return NotImplemented if not isinstance(o, C) else self.v > o.v

print(C(1) == C(1))
print(C(1) != C(2))   # __ne__ defaults to inverting __eq__
print(C(1) < C(2))
print(C(1) > C(2))
print(C(1) == 1)      # both NotImplemented -> identity
c = C(3)
print(c == c if False else c != 5)
try:
    C(1) < 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    C(1) <= C(2)
except TypeError as e:
    print(type(e).__name__, e)

class D(C):
    def __lt__(self, o):
        print(f"D{self.v}.__lt__({o})")
        return "D.lt"
    def __gt__(self, o):
        print(f"D{self.v}.__gt__({o})")
        return "D.gt"
print(C(1) < D(2))   # reflected __gt__ of subclass tried first
print(D(1) < C(2))

class Weird:
    def __eq__(self, o): return "truthy"
    def __ne__(self, o): return 0
print(Weird() == 1, Weird() != 1)
print([Weird()] == [1])   # list compares use bool()

print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True)
try:
    1 < "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None < None
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", b"a" < b"b")
print({1} < {1, 2}, {1} <= {1}, {1, 2} > {3})
print(object() == object(), None == None, NotImplemented == NotImplemented)

import functools
@functools.total_ordering
class T:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(T(1) <= T(1), T(2) >= T(3), T(2) > T(1))

# comparisons of nan and identity shortcuts in containers
nan = float('nan')
print(nan == nan, [nan] == [nan], nan in [nan], (nan,) == (nan,))
