# int subclasses: arithmetic returns plain int, overrides are respected, repr/str/format, bool cannot be subclassed.
class Money(int):
    def __repr__(self): return f"Money({int(self)})"
    def __add__(self, o): return Money(int(self) + int(o))
m = Money(5)
print(m, repr(m), m + 1, type(m + 1).__name__, 1 + m, type(1 + m).__name__, type(m * 2).__name__, type(-m).__name__)
print(str(m), f"{m}", f"{m:04d}", "%d" % m, int(m), type(int(m)).__name__, hash(m) == hash(5), m == 5)
class Flag(int):
    def __new__(cls, v, label):
        obj = super().__new__(cls, v)
        obj.label = label
        return obj
f = Flag(3, "three")
print(f, f.label, f + 0, type(abs(f)).__name__, [10, 20, 30, 40][f], bin(f), f.bit_length(), f.to_bytes(1, "big"))
class Strict(int):
    def __eq__(self, o): return type(o) is Strict and int(self) == int(o)
    __hash__ = int.__hash__
print(Strict(1) == 1, 1 == Strict(1), Strict(1) == Strict(1), {Strict(1): "a"}.get(1))
print(isinstance(True, int), int.__subclasscheck__(bool), issubclass(Money, int), Money.__mro__[-2].__name__)
print(sorted([Money(3), 1, Money(2)]), max(Money(1), 0), sum([Money(1), Money(2)]), type(sum([Money(1), Money(2)])).__name__)
