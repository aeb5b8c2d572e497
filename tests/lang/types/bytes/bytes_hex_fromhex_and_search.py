# bytes hex()/fromhex() with separators, count/find/index with int needles, replace, and bytes() constructor forms.
b = b"\x01\xab\xff\x00"
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex(" ", -3), bytes.fromhex("01 ab ff"), bytes.fromhex(""), b"".hex())
for s in ["0", "zz", "01 2", "0x01"]:
    try:
        bytes.fromhex(s)
    except ValueError as e:
        print(type(e).__name__, e)
h = b"hello world"
print(h.find(111), h.count(108), h.index(b"wor"), h.rfind(b"o"), h.find(b"o", 5), h.count(b""), 111 in h, b"lo w" in h)
try:
    h.find(256)
except ValueError as e:
    print(type(e).__name__, e)
try:
    "x" in h
except TypeError as e:
    print(type(e).__name__, e)
print(h.replace(b"o", b"0"), h.replace(b"l", b"L", 2), h.replace(b"", b"."), h.upper(), h.title(), h.split(), h.partition(b" "))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(b"x"), bytes(range(3)), bytes(memoryview(b"mv")), bytes())
for args in [(-1,), ("s",), ([256],), ("s", "nope-codec")]:
    try:
        bytes(*args)
    except (ValueError, TypeError, LookupError) as e:
        print(type(e).__name__, e)
print(h[0], h[-1:], h[::-2], list(b"ab"), b"a" * 3, b"ab" < b"b", b"ab" == bytearray(b"ab"), b"%b" % b"fmt")
print(b"abc".center(7, b"*"), b"1".zfill(3), b"a\tb".expandtabs(4), b" x ".strip(), b"xxa".lstrip(b"x"), b"A".isupper())
