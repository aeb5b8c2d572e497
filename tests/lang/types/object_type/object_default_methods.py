# Methods inherited from object: __eq__/__ne__ defaults, __hash__, __format__ with non-empty spec, __reduce_ex__ presence, __dir__, __init_subclass__, __subclasshook__, __sizeof__ type.
class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a.__eq__(b), a.__ne__(a), object.__eq__(a, a), a.__lt__(b), hash(a) == hash(a), type(a.__hash__()).__name__)
print(format(a, "") == str(a), object.__format__(5, ""))
try:
    format(a, "x")
except TypeError as e:
    print(type(e).__name__, e)
print(type(a.__sizeof__()).__name__, callable(a.__reduce_ex__), type(a.__dir__()).__name__, "__class__" in a.__dir__(), P.__subclasshook__(), P.__init_subclass__())
for args in [(1,), (), ]:
    try:
        object(*args)
        print("object() ok")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    P(1)
except TypeError as e:
    print(type(e).__name__, e)
class WithInit:
    def __init__(self, x): self.x = x
try:
    object.__new__(WithInit, 1).x
except AttributeError as e:
    print(type(e).__name__, e)
class WithNew:
    def __new__(cls, *a): return super().__new__(cls)
try:
    WithNew(1, 2)
    print("WithNew ok")
except TypeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(1, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
print(object.__doc__, object.__bases__, object.__mro__, type(object).__name__, object.__name__, object.__class__ is type)
print(sorted(n for n in dir(object()) if n in ("__class__", "__delattr__", "__doc__", "__init__", "__new__", "__repr__")))
print(P().__class__ is P, type(P().__repr__()).__name__, str(object.__str__(5)), object.__repr__(5).startswith("<int object at"))
