# int methods: bit_length, bit_count, as_integer_ratio, conjugate, numerator/denominator, real/imag, __index__.
for n in [0, 1, -1, 7, -8, 255, 256, 2 ** 100, -(2 ** 100) + 1]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.numerator, n.denominator, n.real, n.imag, n.conjugate())
print(int.bit_length(True), type(True.as_integer_ratio()[0]).__name__, (10).__index__(), int.__index__(5))
print(abs(-(2 ** 70)).bit_length(), (2 ** 70 - 1).bit_count(), (-(2 ** 70)).bit_count())
print((5).__trunc__(), (5).__floor__(), (5).__ceil__(), (5).__round__(), (1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2), (-1250).__round__(-2))
print(round(15, -1), round(25, -1), round(-35, -1), round(123456789, -10), round(7, 2), type(round(7, 2)).__name__)
print(int.__new__(int, 5), int("0b101", 0), int("0o17", 0), int("0x_ff", 0), int(" 12 "), int("١٢"), int("z", 36), int("-1_000"))
for args in [("08", 0), ("1__0",), ("12", 1), ("12", 37), ("_1",), ("0x",), (1.5, 10)]:
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(int(3.99), int(-3.99), int(1e20), int(True), int(b"42"), int(bytearray(b"-7")))
