# Specified numeric hashes: floats equal to ints hash the same, fractional floats (mod 2**61-1 reduction), inf/-inf, negatives, complex combination, and -1 -> -2.
for v in [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 0.1, 1e100, -1e100, 2.0 ** 61, 2.0 ** 61 - 1, 1e-300, 5e-324, float("inf"), float("-inf"), 123.456, -2.0, 3.0 ** 40]:
    print(repr(v), hash(v))
for v in [1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 64, 10 ** 30, -(10 ** 30)]:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2 ** 1000 else "-")
for c in [0j, 1j, 1 + 1j, -1 - 1j, 2.5 - 3j, complex(1e100, -1e100), complex(float("inf"), 0)]:
    print(repr(c), hash(c))
print(hash(1.0) == hash(1) == hash(1 + 0j) == hash(True), hash(0.5) == hash(complex(0.5, 0)), hash(-1.0), hash(-1 + 0j))
n = float("nan")
print(hash(n) == hash(n), {n: 1}[n])
