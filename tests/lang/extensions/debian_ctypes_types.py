# Debian's _ctypes binary through cpyext: its metaclasses give each class a
# StgDict (a C type deriving from dict with fields of its own) as the class
# dict, which the runtime type adopts; structures, unions, bitfields, arrays,
# pointers and casts read and write C memory through it.
import ctypes
import gc
import struct
from ctypes import (POINTER, Structure, Union, addressof, alignment, byref, c_byte, c_char, c_char_p,
                    c_double, c_float, c_int, c_int8, c_int16, c_int64, c_long, c_short, c_ubyte, c_uint,
                    c_uint32, c_void_p, cast, pointer, sizeof)

# Simple types.
for t in (c_byte, c_short, c_int, c_long, c_int64, c_float, c_double, c_void_p, c_char_p, ctypes.c_bool,
          ctypes.c_longdouble, ctypes.c_wchar):
    print(t.__name__, sizeof(t), alignment(t), t._type_)
i = c_int(41)
i.value += 1
print(i, i.value, repr(c_double(1.5)), c_ubyte(300).value, c_int8(-129).value)
print(type(c_int).__name__, type(c_int.__dict__).__name__, "_type_" in c_int.__dict__)
print(c_int.from_param(5).__class__.__name__, c_int.__ctype_be__.__name__, c_int.__ctype_le__ is c_int)


class Point(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]


class Rect(Structure):
    _fields_ = [("a", Point), ("b", Point), ("name", c_char * 8)]


p = Point(3, 4)
print(p.x, p.y, sizeof(Point), alignment(Point), Point.x, Point.y.offset, Point.y.size)
p.x = 10
r = Rect(p, Point(5, 6), b"box")
print(r.a.x, r.b.y, r.name, sizeof(Rect))
r.a.y = 99
print(p.y, r.a.y, bytes(r)[:8] == struct.pack("ii", 10, 99))
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
print(Point(y=7).y, Point._fields_ is Point.__dict__["_fields_"])


class Mixed(Structure):
    _fields_ = [("c", c_char), ("d", c_double), ("s", c_short)]


class Packed(Structure):
    _pack_ = 1
    _fields_ = [("c", c_char), ("d", c_double), ("s", c_short)]


print(sizeof(Mixed), alignment(Mixed), Mixed.d.offset, sizeof(Packed), Packed.d.offset, Packed.s.offset)


class Bits(Structure):
    _fields_ = [("a", c_uint, 3), ("b", c_uint, 5), ("c", c_int, 4), ("rest", c_uint32, 20)]


bits = Bits(5, 17, -3, 1000)
print(bits.a, bits.b, bits.c, bits.rest, sizeof(Bits), Bits.a, Bits.c)
bits.a = 9
print(bits.a, bytes(bits).hex())


class IntOrFloat(Union):
    _fields_ = [("i", c_uint32), ("f", c_float)]


u = IntOrFloat()
u.f = 1.0
print(hex(u.i), sizeof(IntOrFloat))


class Derived(Point):
    _fields_ = [("z", c_int)]


d = Derived(1, 2, 3)
print(d.x, d.y, d.z, sizeof(Derived))


class Final(Structure):
    _fields_ = [("v", c_int)]


class UsesFinal(Structure):
    _fields_ = [("f", Final)]


try:
    Final._fields_ = [("q", c_int)]
except AttributeError as e:
    print("AttributeError", e)


class Anon(Structure):
    _anonymous_ = ("pt",)
    _fields_ = [("pt", Point), ("tag", c_int)]


an = Anon(Point(1, 2), 3)
print(an.x, an.y, an.tag)

# Arrays.
IntArray5 = c_int * 5
arr = IntArray5(1, 2, 3)
print(list(arr), len(arr), sizeof(arr), arr[-1], arr[1:3], IntArray5._length_, IntArray5._type_ is c_int)
arr[4] = 42
print(arr[4], sum(arr))
try:
    arr[5]
except IndexError as e:
    print("IndexError", e)
grid = ((c_int * 3) * 2)((1, 2, 3), (4, 5, 6))
print([list(row) for row in grid], sizeof(grid))
chars = (c_char * 6)()
chars.value = b"hey"
print(chars.value, chars.raw)

# Pointers, byref, cast.
n = c_int(7)
pn = pointer(n)
print(pn.contents.value, pn[0], type(pn).__name__, POINTER(c_int) is type(pn))
pn[0] = 8
print(n.value, bool(POINTER(c_int)()), cast(pn, c_void_p).value == addressof(n))
pp = cast(addressof(n), POINTER(c_int))
print(pp.contents.value, byref(n).__class__.__name__)
pa = cast(arr, POINTER(c_int))
print(pa[0], pa[4], [pa[i] for i in range(5)])
as_bytes = cast(pointer(c_uint32(0x01020304)), POINTER(c_ubyte * 4)).contents
print(list(as_bytes))
cp = cast(c_char_p(b"pointer text"), c_void_p)
print(cast(cp, c_char_p).value)


class Node(Structure):
    pass


Node._fields_ = [("value", c_int), ("next", POINTER(Node))]
n2 = Node(2, None)
n1 = Node(1, pointer(n2))
print(n1.next.contents.value, bool(n2.next), sizeof(Node))
LP_Point = POINTER(Point)
print(POINTER(Point) is LP_Point, LP_Point._type_ is Point, LP_Point(Point(5, 6)).contents.y)

# Buffers.
ba = bytearray(8)
view = (c_int * 2).from_buffer(ba)
view[1] = 0x11223344
print(ba.hex(), view[1])
copy = Point.from_buffer_copy(struct.pack("ii", 7, 8))
print(copy.x, copy.y)
try:
    Point.from_buffer(b"12345678")
except TypeError as e:
    print("TypeError", e)
try:
    Point.from_buffer_copy(b"123")
except ValueError as e:
    print("ValueError", e)
# multiprocessing's shared values: ctypes objects over an mmap'd heap.
from multiprocessing import sharedctypes

shared = sharedctypes.Value("i", 5)
shared.value += 10
shared_arr = sharedctypes.RawArray(c_double, [1.0, 2.0])
shared_arr[1] = 9.5
print(shared.value, shared_arr[:], sharedctypes.RawArray("c", b"xyz").raw)
mv = memoryview(Point(1, 2))
print(mv.format, mv.itemsize, mv.nbytes, bytes(mv) == struct.pack("ii", 1, 2))
print(memoryview(arr).format, memoryview(arr).shape)

# Classes and their instances are collected as usual.
for k in range(50):
    T = type("T%d" % k, (Structure,), {"_fields_": [("v", c_int)]})
    T(k).v
gc.collect()
print(Point(5, 6).y, type(Point).__name__, isinstance(Point.__dict__, type(Point.__dict__)))

# array.buffer_info()'s address stays valid until the array is resized, also
# while the heap allocates (Tern moves the storage where it stays put).
import array
arr = array.array("i", range(100))
address, count = arr.buffer_info()
churn = [[i] for i in range(20000)]
print(count, ctypes.c_int.from_address(address + 4 * 37).value, sum((ctypes.c_int * 100).from_address(address)))
