# Exact int/float comparisons near 2**53 and huge magnitudes, mixed min/max, and int equality with bool/complex.
n = 2 ** 53
for a, b in [(n + 1, float(n)), (n + 1, float(n + 2)), (n, float(n)), (10 ** 400, 1e308), (-(10 ** 400), -1e308), (2 ** 1023 * 3, float("inf")), (0, -0.0), (1, 1.0000000000000002)]:
    print(a == b, a != b, a < b, a <= b, a > b, a >= b, b < a, b == a)
nan = float("nan")
print(1 == nan, 1 < nan, 1 > nan, 10 ** 400 < nan, 10 ** 400 != nan)
print(1 == 1 + 0j, 1 == 1 + 1j, True == 1, False == 0.0, 2 ** 64 == complex(2 ** 64), 3 == 3.0 + 0j)
try:
    1 < 1j
except TypeError as e:
    print(type(e).__name__, e)
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), max(True, 1), sorted([3, 2.5, True, -1, 2 ** 70, 1e20]))
print(n + 1 > float(n + 1), n + 1 < float(n + 1) or n + 1 > float(n + 1), float(n + 1) == n)
