# memoryview over bytes/bytearray: indexing, slicing, tobytes/tolist/hex, cast, write-through, release.
b = bytearray(b"abcdefgh")
m = memoryview(b)
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m.tolist()[:3])
print(m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.contiguous)
m[0] = 65
m[1:3] = b"XY"
print(b, bytes(m[:4]), m.hex(), m.hex(":"), m[:3].hex("-", 1))
try:
    m[0] = 256
except ValueError as e:
    print(type(e).__name__, e)
try:
    m[0:2] = b"abc"
except ValueError as e:
    print(type(e).__name__, e)
ro = memoryview(b"xyz")
print(ro.readonly, ro == b"xyz", ro.tobytes(), list(ro))
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
words = memoryview(bytearray(range(8))).cast("H")
print(words.format, words.itemsize, len(words), words.nbytes, words.tolist() == [0x100, 0x302, 0x504, 0x706] or words.tolist())
print(memoryview(b"ab") == memoryview(b"ab"), memoryview(b"ab") == b"ac", m == m)
print(bytes(memoryview(b"hello")[1:]), bytearray(memoryview(b"hi")), b"-".join([memoryview(b"a"), b"b"]))
with memoryview(b"ctx") as mm:
    print(mm.tobytes())
try:
    mm[0]
except ValueError as e:
    print(type(e).__name__, e)
m2 = memoryview(bytearray(4))
try:
    m2.cast("Q")
except TypeError as e:
    print(type(e).__name__, e)
print(hash(memoryview(b"abc")) == hash(b"abc"))
try:
    hash(memoryview(bytearray(b"a")))
except ValueError as e:
    print(type(e).__name__, e)
print(memoryview(b"abc").obj, m2.toreadonly().readonly, m.tobytes().decode())
try:
    memoryview("str")
except TypeError as e:
    print(type(e).__name__, e)
