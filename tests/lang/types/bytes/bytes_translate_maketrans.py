# bytes.maketrans and bytes/bytearray.translate with tables, None table and delete argument.
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], t[:3])
print(b"aabbcc-abc".translate(t), bytearray(b"cab").translate(t), b"abcdef".translate(None, b"bd"), b"abcdef".translate(t, b"a"))
print(b"hello".translate(None), b"hello".translate(None, delete=b"l"), bytearray.maketrans(b"h", b"j") == bytes.maketrans(b"h", b"j"))
for args in [(b"ab", b"x"), ("ab", "xy")]:
    try:
        bytes.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    b"x".translate(b"short")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"x".translate({97: 98})
except TypeError as e:
    print(type(e).__name__, e)
rot = bytes.maketrans(bytes(range(97, 123)), bytes(range(110, 123)) + bytes(range(97, 110)))
print(b"hello, world".translate(rot), b"hello, world".translate(rot).translate(rot))
print(type(b"x".translate(None)).__name__, type(bytearray(b"x").translate(None)).__name__)
