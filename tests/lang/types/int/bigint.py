# Arbitrary-precision integers: arithmetic, conversion, bit ops, division and formatting.
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a + b)
print(a - b)
print(a * b)
print(a // b, a % b)
print(b // 12345678901234567890, b % 12345678901234567890)
print(-a // 7, -a % 7, divmod(-b, 10**20))
print(a ** 3)
print(a >> 100, a << 100, -a >> 199, -a >> 300)
print(a & b, a | (b >> 50), a ^ b)
print(~a, -a & 0xffff, (-a) | 1)
print(a.bit_length(), b.bit_length(), (a - 1).bit_count())
print(hex(a), oct(b)[:20], bin(a - 1)[:10], len(bin(a - 1)))
print(str(-b), len(str(b)))
print(a / b, b / 3, float(a), float(-b))
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print((10 ** 400) // (10 ** 399), (10 ** 400) / (10 ** 399))
print(int("9" * 50) + 1)
print(int("-" + "1" * 40, 2), int("z" * 20, 36))
print(a == 2 ** 200, a < b, b > a, -a < -b, a == float(a), 2**53 + 1 == float(2**53 + 1))
print(pow(a, b, 10**9 + 9), pow(b, -1, 2**61 - 1))
fact = 1
for i in range(1, 60):
    fact *= i
print(fact)
print(fact // (2 ** 50), fact % 1000003)
print(sum(range(10 ** 10, 10 ** 10 + 1000)))
print((-2) ** 127, (-2) ** 128)
print(abs(-a) == a, -(-a) == a, a * 0, a * -1 == -a, a - a)
print((2 ** 64).to_bytes(9, 'big'), int.from_bytes(b'\xff' * 16, 'little'))
print(round(123456789123456789123456789, -10), round(5 * 10 ** 30, -31), round(15 * 10 ** 30, -31))
print(f"{a:,}", f"{b:_x}"[:30], f"{a:e}", f"{-b:.3e}", format(a, "50")[-10:])
print(int(1e20), int(-1.5e30), int(2.0 ** 100) == 2 ** 100)
print(9 ** 9 ** 2 % 1000, (10 ** 30 + 7) % -13, -(10 ** 30 + 7) % 13)
print(divmod(10 ** 30, -(10 ** 15 + 1)), divmod(-(10 ** 30), 10 ** 15 + 1))
