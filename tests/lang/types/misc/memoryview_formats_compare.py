# memoryview casts between formats ('B','b','c','h','i','q','d'), element access, tolist, equality across formats and shapes.
data = bytearray(range(16))
m = memoryview(data)
for fmt in ["B", "b", "c", "h", "H", "i", "I", "q", "Q", "d"]:
    c = m.cast(fmt)
    print(fmt, c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist()[:4] if fmt != "d" else len(c.tolist()))
neg = memoryview(bytearray(b"\xff\x80\x7f")).cast("b")
print(neg.tolist(), neg[0], neg[1], list(neg))
ints = memoryview(bytearray(8)).cast("i")
ints[0] = 2 ** 31 - 1
try:
    ints[1] = 2 ** 31
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    ints[1] = "x"
except TypeError as e:
    print(type(e).__name__, e)
print(ints.tolist(), bytes(ints.cast("B"))[:4])
print(memoryview(b"ab") == memoryview(bytearray(b"ab")), memoryview(b"ab") == b"ab", memoryview(b"ab") == "ab", memoryview(b"\x01\x00").cast("h") == memoryview(b"\x01\x00"), memoryview(b"\x01\x00").cast("h") == memoryview(b"\x01\x00\x00\x00").cast("h")[:1])
grid = memoryview(bytearray(range(6))).cast("B", (2, 3))
print(grid.shape, grid.strides, grid.ndim, grid.tolist(), grid[1, 2], grid.tobytes(), len(grid))
try:
    grid[0]
except NotImplementedError as e:
    print(type(e).__name__, e)
for bad in [lambda: m.cast("x"), lambda: memoryview(bytearray(3)).cast("i"), lambda: m.cast("B", (3, 3)), lambda: m[::2].cast("h")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(m.contiguous, m[::2].contiguous, m.c_contiguous, m[::2].c_contiguous, m.suboffsets, m[::-1].strides, m[::3].tolist())
print(memoryview(b"xyz").toreadonly().readonly, memoryview(bytearray(b"q")).toreadonly().tobytes())
