# memoryview basics: slicing without copy, tobytes/tolist, writes, release, cast.
b = bytearray(b"abcdef")
m = memoryview(b)
print(m[0], m[-1], bytes(m[1:4]), m.tobytes(), m.tolist(), len(m), m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes)
m[0] = 65
m[1:3] = b"BC"
print(b)
sub = m[2:5]
sub[0] = ord("z")
print(b, sub.tobytes(), bytes(m[::2]), m[::-1].tobytes())
r = memoryview(b"readonly")
print(r.readonly)
try:
    r[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    m[0:2] = b"xyz"
except ValueError as e:
    print(type(e).__name__, e)
print(m == b"AzCdef" if False else m.tobytes() == bytes(b), m == memoryview(bytearray(b)), r == b"readonly")
print(m.hex(), memoryview(b"\x01\x02").hex(":"))
ints = memoryview(bytearray(8)).cast("i")
ints[1] = -2
print(ints.tolist(), ints.format, ints.itemsize, len(ints), ints.nbytes)
print(memoryview(b"abcd").cast("B", (2, 2)).tolist())
with memoryview(b"ctx") as cm:
    print(cm.tobytes())
try:
    cm.tobytes()
except ValueError as e:
    print(type(e).__name__, e)
m2 = memoryview(bytearray(b"xy"))
m2.release()
print(m2.__repr__().startswith("<released memory"))
try:
    b.append(1)
except BufferError as e:
    print(type(e).__name__, e)
m.release(); sub.release()
b.append(33)
print(b, bytes(memoryview(b)[-1:]), memoryview(b).obj is b)
try:
    memoryview("str")
except TypeError as e:
    print(type(e).__name__, e)
print(list(memoryview(b"hi")), memoryview(b"abc")[1], bytearray(memoryview(b"copy")))
try:
    hash(memoryview(bytearray(b"x")))
except ValueError as e:
    print(type(e).__name__, e)
print(hash(memoryview(b"x")) == hash(b"x"))
