# Augmented assignment on every target kind, every operator, and their types.
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7; x <<= 4; x >>= 1; x |= 3; x &= 0b11110; x ^= 0xff
print(x)
f = 7.5
f /= 2; f //= 1; f -= 0.5; f **= 0.5
print(f)
s = "ab"
s += "cd"; s *= 2
print(s)
t = (1,)
t += (2,); t *= 2
print(t)
m = [[1, 2]]
m[0] += [3]
m[0][0] *= 10
print(m)
class O: pass
o = O(); o.count = 0
for _ in range(3):
    o.count += 1
print(o.count)
d = {"a": 1}
d["a"] += 1
d.setdefault("b", []).append(1)
d["b"] += [2]
print(d)
st = {1}
st |= {2}; st &= {2, 3}; st ^= {4}; st -= {4}
print(st)
b = bytearray(b"x")
b += b"y"; b *= 2
print(b)
c = 1 + 2j
c *= 1j; c -= 1
print(c)
def f_global():
    global G
    G += 1
G = 0
f_global(); f_global()
print(G)
fs = frozenset({1})
orig = fs
fs |= {2}
print(fs, orig, fs is orig)
mm = [1]
alias = mm
mm *= 3
print(alias, alias is mm)
