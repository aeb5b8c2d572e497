# int arithmetic: floor division and modulo signs, true division, pow, shifts, bit ops.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (1, 7)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
for a, b in [(2, 10), (-2, 3), (3, 0), (0, 0), (10, -1), (-3, -2), (2, 0.5)]:
    print(a, b, a ** b)
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(2, 100, 10**9 + 7), pow(5, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
for exc_case in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1 / 0]:
    try:
        exc_case()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(1 << 10, 1 << 0, -1 << 3, 1024 >> 3, -1024 >> 3, -1 >> 100, 5 >> 1000)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
print(12 & 10, 12 | 10, 12 ^ 10, ~12, -12 & 10, -12 | 10, -12 ^ 10, -12 & -10)
print(abs(-5), -(-5), +5, (-5).__abs__())
print(7 .bit_length(), (-8).bit_length(), 0 .bit_length(), (255).bit_count(), (-255).bit_count())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes([1, 2], 'little'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print(type(e).__name__, e)
print((10).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.__add__(3, 4), (3).__mul__(4), (3).__rsub__(10), (3).__truediv__(2), (7).__floordiv__(2))
print((3).__add__(1.0), (3).__eq__("3"), (3).__lt__(4))
print(1_000_000, 0x_ff, 0o17, 0b1010, 0XAB, 0O7, 0B1)
print(True + True, True * 10, False - 1, True / 2, True // 1, -True)
print(10 / 4, 10 / 5, type(10 / 5).__name__, 2 ** -1, (-8) ** (1/3) == complex(-8) ** (1/3))
