# bytearray mutators: append/extend/insert/pop/remove/reverse/clear/copy, slice assignment, += and *=.
ba = bytearray(b"hello")
ba.append(33); print(ba)
ba.extend(b" wo"); ba.extend([114, 108]); ba.extend(iter(b"d")); print(ba)
ba.insert(0, 62); ba.insert(-1, 95); ba.insert(100, 46); print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("l")); print(ba)
try:
    ba.remove(0)
except ValueError as e:
    print(type(e).__name__, e)
ba.reverse(); print(ba)
c = ba.copy(); c.clear(); print(c, ba[:3], len(c))
for bad in [256, -1]:
    try:
        ba.append(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    ba.append("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytearray().pop()
except IndexError as e:
    print(type(e).__name__, e)
x = bytearray(b"0123456789")
x[2:5] = b"ab"; print(x)
x[::2] = b"ZZZZZ"; print(x)
x[0] = 0x41; print(x)
del x[::3]; print(x)
del x[0]; print(x)
x[1:1] = [1, 2]; print(x)
y = x
y += b"!!"; print(y is x, x)
y *= 2; print(y is x, len(x))
z = bytearray(b"ab") * 3; print(z, 2 * bytearray(b"-"))
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") == b"x", b"x" + bytearray(b"y"))
print(type(b"x" + bytearray(b"y")).__name__, type(bytearray(b"y") + b"x").__name__)
try:
    x[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
print(bytearray(b"abc")[1], bytearray(b"abc")[1:], bytearray(b"  pad  ").strip(), bytearray(b"a,b").split(b","))
print(bytearray.fromhex("de ad be ef"), bytearray(b"\x00\xff").hex(), bytearray(b"Mixed").swapcase())
