# Debian's _ctypes binary through cpyext: the classes its metaclasses make.
# Each class's namespace is the StgDict C put in tp_dict, which the runtime
# type adopted: attributes set from Python and from C (through setattr or
# straight into the dict) land in that one dict, and the classes die as other
# classes do.
import ctypes
import gc
import weakref
from ctypes import POINTER, Structure, Union, c_char, c_double, c_int, c_short, c_wchar, sizeof


class Point(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]

    def norm2(self):
        return self.x * self.x + self.y * self.y

    @property
    def pair(self):
        return (self.x, self.y)


p = Point(3, 4)
print(p.norm2(), p.pair, type(vars(Point)).__name__, sorted(k for k in vars(Point) if not k.startswith("__")))
Point.origin = classmethod(lambda cls: cls(0, 0))
Point.scale = 2
print(Point.origin().pair, Point.scale, "scale" in vars(Point), p.scale)
del Point.scale
print(hasattr(Point, "scale"), hasattr(p, "scale"))
Point.__repr__ = lambda self: "Point(%d, %d)" % (self.x, self.y)
print(repr(p), str(Point(1, 1)))


class Point3(Point):
    _fields_ = [("z", c_int)]


q = Point3(1, 2, 3)
print(q.pair, q.z, q.norm2(), repr(q), sizeof(Point3), Point3.__mro__[1] is Point)

# The char-array getsets and the from_param classmethods C adds to the new
# class's dict.
chars = (c_char * 4)(b"a", b"b")
wide = (c_wchar * 3)("x", "y")
print(chars.value, chars.raw, wide.value, "value" in vars(type(chars)), "raw" in vars(type(chars)))
print(ctypes.c_char_p.from_param(b"x").__class__.__name__, "from_param" in vars(ctypes.c_char_p))

# The array types are cached (weakly) by C, and stay usable across
# collections.
A = c_int * 3
print(A is c_int * 3, (c_int * 3)(1, 2, 3)[2])
gc.collect()
print(c_int * 3 is A, (c_short * 2 * 2)()[1][1])
del A
gc.collect()
print((c_int * 3)(4, 5, 6)[:])

# A pointer type made without its _type_ gets it from C (set_type writes the
# class dict directly).
LP = type(POINTER(c_int))("LP_later", (ctypes._Pointer,), {})
print(LP.__name__, "_type_" in vars(LP))
LP.set_type(c_double)
print(LP._type_ is c_double, LP(c_double(2.5)).contents.value)

# Unions and structures made by calling the metaclasses.
U = type(Union)("U", (Union,), {"_fields_": [("i", c_int), ("s", c_short * 2)]})
u = U(0x00020001)
print(u.s[0], u.s[1], type(U).__name__)
S = type(Structure)("S", (Structure,), {"_fields_": [("a", c_double)], "extra": 5})
print(S(1.5).a, S.extra, S.__name__, S.__module__)

# A metaclass deriving from _ctypes's: its __new__ reaches the C one, which
# makes the class with type.__new__.


class Meta(type(Structure)):
    def __new__(mcls, name, bases, ns):
        ns.setdefault("tag", name.lower())
        return super().__new__(mcls, name, bases, ns)


class Tagged(Structure, metaclass=Meta):
    _fields_ = [("a", c_int)]


class Tagged2(Tagged):
    _fields_ = [("b", c_short)]


print(Tagged.tag, Tagged(3).a, type(Tagged).__name__, Tagged2.tag, Tagged2(1, 2).b, sizeof(Tagged2))

# Classes nothing refers to are collected.
refs = []
for k in range(20):
    T = type(Structure)("T%d" % k, (Structure,), {"_fields_": [("v", c_int)]})
    refs.append(weakref.ref(T))
    T(k).v
del T
for _ in range(3):
    gc.collect()
print(sum(r() is None for r in refs) >= 19)
