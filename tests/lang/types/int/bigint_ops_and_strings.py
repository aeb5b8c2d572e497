# big-int arithmetic: multiplication, shifts, bitwise ops on negatives, str/repr round trips, comparisons with floats.
a = 3 ** 200
b = -(7 ** 150)
print(a + b, a * b % 1000003, a // abs(b), a % abs(b), a.bit_length(), len(str(a)))
print(a >> 100, (a >> 300), b >> 1, b >> 1000, 1 << 200, -1 << 70, (a & (2 ** 64 - 1)), b & 0xFFFF, b | 1, b ^ -1, ~a == -a - 1)
print(int(str(b)) == b, hex(a)[:20], oct(b)[:20], bin(2 ** 70 + 1), f"{a:,}"[:30], f"{b:_x}"[:25])
print(2 ** 1000 == 2.0 ** 1000, 2 ** 1000 + 1 > 2.0 ** 1000, 2 ** 1100 > 1e308, -(2 ** 1100) < float("-inf"), 10 ** 400 < float("inf"))
print(float(2 ** 1023) == 2.0 ** 1023)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (2 ** 1024) / 1
except OverflowError as e:
    print(type(e).__name__, e)
print((10 ** 400) / (10 ** 399), (2 ** 2000) // (2 ** 1999), 10 ** 50 / 3 == 10 ** 50 / 3.0)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
f = 1
for i in range(1, 60):
    f *= i
print(f, f % (10 ** 9 + 7), sum(int(d) for d in str(f)))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100) == (2 ** 100) % (2 ** 61 - 1))
print(abs(b) == -b, max(a, float(a)) == a, (a * a) // a == a, -a // 1 == -a, divmod(-a, 10 ** 50)[1] >= 0)
