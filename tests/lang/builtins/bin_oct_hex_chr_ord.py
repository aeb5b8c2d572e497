# bin/oct/hex with negatives, big ints, bools and __index__; chr/ord ranges and errors including surrogates and multi-char strings.
for v in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 64) + 1, True, False]:
    print(v, bin(v), oct(v), hex(v))
class I:
    def __index__(self): return 42
print(bin(I()), oct(I()), hex(I()), chr(I()))
for bad in [1.5, "1", None, [1]]:
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for c in [0, 65, 127, 128, 255, 0x20AC, 0xD800, 0xDFFF, 0x10FFFF, 0x1F600]:
    s = chr(c)
    print(c, ascii(s), ord(s), len(s))
for bad in [-1, 0x110000, 2 ** 70]:
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in ["", "ab", b"", b"ab", 5, bytearray(b"xy")]:
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(ord(b"a"), ord(bytearray(b"\xff")), ord("€"), ord("\U0010ffff"), [ord(ch) for ch in "Añ😀"])
try:
    chr(1.0)
except TypeError as e:
    print(type(e).__name__, e)
print(int(bin(-37), 2), int(oct(-37), 8), int(hex(-37), 16), int(hex(2 ** 100), 0) == 2 ** 100)
