# bytearray item and slice assignment/deletion: resizing, extended slices, iterables of ints, errors.
ba = bytearray(b"abcdef")
ba[0] = 65; print(ba)
ba[1:3] = b"XYZW"; print(ba)
ba[::2] = b"123" + b"4"[:0] if len(ba[::2]) == 3 else ba[::2]; print(ba, len(ba[::2]))
ba = bytearray(b"abcdef")
ba[::2] = [49, 50, 51]; print(ba)
ba[-1:] = range(65, 68); print(ba)
ba[2:2] = b"__"; print(ba)
del ba[0]; print(ba)
del ba[::3]; print(ba)
del ba[1:3]; print(ba)
ba[:] = b""; print(ba, len(ba))
ba = bytearray(b"0123456789")
ba[8:2:-2] = b"abc"; print(ba)
ba[1:4] = bytearray(b"!"); print(ba)
ba[5:] = memoryview(b"mv"); print(ba)
for idx, val in [(0, 256), (0, -1), (0, b"x"), (20, 1), (slice(None, None, 2), b"x"), (slice(0, 2), 5), (slice(0, 2), "ab"), ("0", 1)]:
    try:
        ba[idx] = val
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
b2 = bytearray(b"self")
b2[1:3] = b2; print(b2)
try:
    del ba[100]
except IndexError as e:
    print(type(e).__name__, e)
