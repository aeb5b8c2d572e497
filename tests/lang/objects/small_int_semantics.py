# Small-int (tagged) vs big-int semantics that must not differ: equality, hashing, dict keys, type(), methods, and identity-free arithmetic across the boundary.
vals = [0, 1, -1, 255, 256, 257, -5, -6, 2 ** 30, 2 ** 62 - 1, 2 ** 62, 2 ** 63, -(2 ** 62), -(2 ** 62) - 1, -(2 ** 63), 2 ** 64]
for v in vals:
    w = int(str(v))
    print(v, w == v, hash(w) == hash(v), type(w).__name__, w.bit_length(), w.to_bytes(10, "big", signed=True).hex(), (w + 0) == v, {v: "x"}[w], w.__class__ is int)
d = {}
for v in vals:
    d[v] = d.get(v, 0) + 1
    d[int(str(v))] = d.get(int(str(v)), 0) + 1
print(list(d.values()) == [2] * len(vals), len(d))
x = 2 ** 62 - 1
y = x + 1
z = y - 1
print(x == z, hash(x) == hash(z), y - x, type(y - x).__name__, (y * 0) == 0, sorted([y, x, z, -y]))
print(sum(range(2 ** 62 - 5, 2 ** 62 + 5)), max(range(2 ** 63 - 2, 2 ** 63 + 2)), list(range(2 ** 62 - 1, 2 ** 62 + 2)))
big = 10 ** 30
small = big // 10 ** 29
print(small, type(small).__name__, small == 10, small + 1, {10: "ten"}[small], [0] * small == [0] * 10, "ab"[small - 10])
print(int.__new__(int, 5) == 5, int(True) + 0, True + True, (2 ** 64) // (2 ** 62), -(2 ** 63) // 2, (-(2 ** 63)) % 3)
