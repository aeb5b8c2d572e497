# int.to_bytes/from_bytes: byteorder, signed, default arguments (3.11), overflow errors and round trips.
for n in [0, 1, 255, 256, 65535, 2 ** 64 - 1, 2 ** 100]:
    print(n, n.to_bytes((n.bit_length() + 7) // 8 or 1, "big"), n.to_bytes(16, "little")[:4])
for n in [-1, -128, -129, 127, 128, -2 ** 63]:
    try:
        print(n, n.to_bytes(1, "big", signed=True), (n).to_bytes(9, "little", signed=True))
    except OverflowError as e:
        print(n, type(e).__name__, e)
print((5).to_bytes(), (5).to_bytes(2), int.from_bytes(b"\x01\x00"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"), int.from_bytes(b"", "big"), int.from_bytes([1, 2, 3], "big"))
print(int.from_bytes(bytearray(b"\x80"), "little", signed=True), int.from_bytes(memoryview(b"\x00\x01"), byteorder="big"))
for call in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big"), lambda: int.from_bytes("ab", "big"), lambda: int.from_bytes(b"a", "huge")]:
    try:
        print(call())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
for n in range(-300, 300, 37):
    b = n.to_bytes(2, "little", signed=True)
    assert int.from_bytes(b, "little", signed=True) == n
print((0).to_bytes(0, "big"), bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x07", "big")
print(type(r).__name__, r)
