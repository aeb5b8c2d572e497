# numpy's scalar types: construction, the Python types they derive from, arithmetic mixing
# scalar types with each other and with Python numbers, str_/bytes_, the bool singletons.
import math
import operator

import numpy as np

INTS = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
FLOATS = [np.float16, np.float32, np.float64, np.longdouble]
COMPLEX = [np.complex64, np.complex128]


def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:  # noqa: BLE001 -- the exception type is the result
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", type(r).__name__, r)


print("-- types")
for t in INTS + FLOATS + COMPLEX + [np.bool_, np.str_, np.bytes_, np.void, np.object_]:
    print(t.__name__, t.__mro__[1].__name__, np.dtype(t).char, np.dtype(t).itemsize,
          [c.__name__ for c in (int, float, complex, str, bytes) if issubclass(t, c)])
print(np.int_ is np.int64, np.float_ is np.float64, np.intc.__name__, np.uintp.__name__, np.longlong.__name__)
print(issubclass(np.int8, np.signedinteger), issubclass(np.uint8, np.unsignedinteger),
      issubclass(np.float32, np.floating), issubclass(np.complex64, np.complexfloating),
      issubclass(np.bool_, np.generic), issubclass(np.float64, np.inexact), issubclass(np.int64, np.number))

print("-- isinstance")
print(isinstance(np.float64(1), float), isinstance(np.float32(1), float), isinstance(np.int64(1), int),
      isinstance(np.complex128(1), complex), isinstance(np.bool_(1), int), isinstance(np.str_("a"), str),
      isinstance(np.bytes_(b"a"), bytes), isinstance(np.float64(1), np.generic), isinstance(1.0, np.floating))
print(type(np.float64(1.5) + 1).__name__, type(1 + np.float64(1.5)).__name__, np.float64(1.5) == 1.5,
      hash(np.float64(1.5)) == hash(1.5), hash(np.int64(7)) == hash(7), {np.float64(2.0): "x"}[2])
print(float(np.float32(0.1)), int(np.int8(-3)), complex(np.complex64(1 + 2j)), bool(np.float64(0)),
      operator.index(np.uint8(200)), math.floor(np.float64(2.5)), round(np.float64(2.567), 2), abs(np.int8(-5)))
print([1, 2, 3][np.int64(1)], "abc"[np.uint8(2)], range(10)[np.int16(3)], np.int32(5).__index__())

print("-- construction and repr")
print(repr(np.float64(1.5)), repr(np.float32(0.1)), repr(np.int8(-3)), repr(np.uint64(2 ** 64 - 1)),
      repr(np.complex128(1 + 2j)), repr(np.longdouble(1) / 3), repr(np.float16(0.1)))
print(np.float64("1e3"), np.int64("42"), np.float32(np.pi), np.int16(3.9), np.float64(), np.int8(), np.complex64("1+2j"))
print(np.float64(1) / 3, np.float32(1) / 3, str(np.float64(0.1) * 3), np.float64(1e300) * 10, -np.float64(0))
print(np.int8(127).item(), type(np.int8(127).item()).__name__, np.float32(0.5).item(), np.finfo(np.float32).eps,
      np.iinfo(np.int16), np.iinfo(np.uint8).max)
print(np.float64(3).is_integer(), np.float64(0.75).as_integer_ratio(), np.int64(10).conjugate(),
      np.complex128(1 + 2j).conjugate(), np.complex64(3 + 4j).real, np.float64(2).imag)

print("-- mixing scalar types")
show("int8 % int16", lambda: np.int8(7) % np.int16(3))
show("int16 // int32", lambda: np.int16(7) // np.int32(2))
show("int8 + int16", lambda: np.int8(7) + np.int16(3))
show("int8 * int64", lambda: np.int8(7) * np.int64(2))
show("int64 % int8", lambda: np.int64(7) % np.int8(3))
show("7 % int8", lambda: 7 % np.int8(3))
show("uint8 + int8", lambda: np.uint8(200) + np.int8(1))
show("uint64 + int64", lambda: np.uint64(1) + np.int64(1))
show("int32 / int32", lambda: np.int32(7) / np.int32(2))
show("float64 - longdouble", lambda: np.float64(1) - np.longdouble(2))
show("longdouble * arange", lambda: np.longdouble(2) * np.arange(2))
show("float32 + float64", lambda: np.float32(1.5) + np.float64(1))
show("float16 * int8", lambda: np.float16(2) * np.int8(3))
show("complex64 + float64", lambda: np.complex64(1j) + np.float64(1))
show("bool_ + bool_", lambda: np.True_ + np.True_)
show("bool_ & bool_", lambda: np.True_ & np.False_)
show("int8 + 1.5", lambda: np.int8(1) + 1.5)
show("1.5 * int64", lambda: 1.5 * np.int64(2))
show("int64 ** 2", lambda: np.int64(3) ** 2)
show("2 ** float32", lambda: 2 ** np.float32(0.5))
show("int8 < int64", lambda: np.int8(3) < np.int64(4))
show("uint8 == 200", lambda: np.uint8(200) == 200)
show("divmod int16", lambda: divmod(np.int16(-7), np.int16(2)))
show("divmod float64", lambda: divmod(np.float64(-7.5), 2))
show("int64 << int8", lambda: np.int64(1) << np.int8(4))
show("int8 ^ int16", lambda: np.int8(6) ^ np.int16(3))
show("int + Fraction", lambda: np.int64(1) + __import__("fractions").Fraction(1, 3))
show("int64 + str", lambda: np.int64(1) + "a")
with np.errstate(all="raise"):
    show("int8 overflow", lambda: np.int8(127) + np.int8(1))
    show("float64 / 0", lambda: np.float64(1) / 0)
    show("int64 // 0", lambda: np.int64(1) // np.int64(0))
with np.errstate(all="ignore"):
    show("float64 / 0 ignored", lambda: np.float64(1) / 0)
    show("int16 overflow ignored", lambda: np.int16(32767) * np.int16(2))
    show("-int8 min ignored", lambda: -np.int8(-128))
x = np.int32(5)
x += 1
y = np.float32(1)
y *= np.float64(2)
print(type(x).__name__, x, type(y).__name__, y)

print("-- str_ and bytes_")
s = np.str_("abc")
print(s + "d", type(s + "d").__name__, s.upper(), len(s), s[1], type(s[1]).__name__, s == "abc", "b" in s)
print(repr(s), repr(np.str_("é✓")), s.dtype, s.itemsize, np.str_("x") * 3, f"{s:>5}", str(s), hash(s) == hash("abc"))
b = np.bytes_(b"xy")
print(b, repr(b), b + b"z", type(b + b"z").__name__, b.decode(), b[0], b.dtype, len(b), b == b"xy")
print(np.array(["ab", "cde"])[1], type(np.array(["ab", "cde"])[1]).__name__, np.array([b"q"])[0])
print(np.str_(5), np.bytes_(3), np.char.upper(np.array(["a", "bc"])), np.char.add(["a"], ["b"]))

print("-- bool_")
print(np.True_, np.False_, repr(np.True_), type(np.True_).__name__, np.True_ is np.bool_(1), np.bool_(0) is np.False_)
print(bool(np.True_), not np.True_, np.True_ == True, np.True_ is not True, int(np.True_), np.True_ & True)  # noqa: E712
print(~np.True_, np.logical_not(np.True_), np.True_ + 1, np.array([1, 2])[np.array([True, False])], np.bool_("x"))
print(sorted([np.int64(3), 1, np.float32(2.5), np.int8(-1)]), max(np.uint8(3), 2), sum([np.float64(0.1)] * 3))
