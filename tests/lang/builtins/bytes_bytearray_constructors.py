# bytes()/bytearray() constructors from every source kind, and related builtins bytes.fromhex / int.to_bytes round trips.
class Idx:
    def __index__(self): return 3
class Buf:
    def __bytes__(self): return b"from __bytes__"
class IterInts:
    def __iter__(self): return iter([104, 105])
for src in [b"", b"ab", bytearray(b"cd"), memoryview(b"ef"), [1, 2], (3,), range(3), Idx(), 2, Buf(), IterInts(), iter([65])]:
    print(type(src).__name__, bytes(src), bytearray(src) if not isinstance(src, Buf) else "n/a")
print(bytes("text", "utf-8"), bytes("é", "latin-1"), bytearray("é", "utf-16-le"), bytes("x", encoding="ascii", errors="strict"))
for args in [("s",), (1.5,), ([1, "a"],), ([300],), (-1,), (b"x", "utf-8"), ("é", "ascii")]:
    try:
        print(bytes(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(bytes.fromhex("00ff10"), bytearray.fromhex(" 0A 0b "), (0x1234).to_bytes(2, "big").hex(), int.from_bytes(bytes.fromhex("ff00"), "little"))
try:
    bytes.fromhex("0g")
except ValueError as e:
    print(type(e).__name__, e)
