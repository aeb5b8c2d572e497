# bytearray: mutation methods, slicing assignment, and shared bytes methods.
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
ba.extend([65, 66])
print(ba, len(ba), ba[0], ba[-1])
ba.insert(0, 62)
print(ba.pop(), ba.pop(0), ba)
ba.remove(108)
print(ba)
ba[1:3] = b"XYZ"
print(ba)
ba[::2] = b"_" * len(ba[::2])
print(ba)
del ba[0:2]
del ba[-1]
print(ba)
ba.reverse()
print(ba, ba.copy(), ba.copy() is ba)
ba.clear()
print(ba, bool(ba))
for bad in [lambda: bytearray(b"x").__setitem__(0, 256), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(98),
            lambda: bytearray(b"ab").__setitem__(slice(None, None, 2), b"xy"), lambda: bytearray(b"a").append("a")]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
x = bytearray(b"abc")
x += b"def"
x *= 2
print(x, x.upper(), type(x.upper()).__name__, x.find(b"d"), x.replace(b"a", b"A"), x.split(b"d"))
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"ab") == b"ab", b"ab" == bytearray(b"ab"))
print(bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), type(b"ab" + bytearray(b"cd")).__name__)
try:
    hash(bytearray())
except TypeError as e:
    print(type(e).__name__, e)
y = bytearray(b"0123456789")
y[2:8:3] = b"ab"
print(y)
y[5:] = []
print(y, bytearray(b"  x  ").strip(), bytearray.fromhex("41 42"), bytearray(b"a").hex())
z = bytearray(b"abc")
z[1:2] = z
print(z)
