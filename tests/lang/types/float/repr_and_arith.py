# float repr (shortest round-trip), arithmetic, special values and errors.
vals = [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234, 1e22, 1e23,
        5e-324, 1.7976931348623157e308, 2.0 ** 0.5, 100.0, -0.0, 1.5e300 * 1.5e300, 9007199254740993.0, 0.3]
for v in vals:
    print(repr(v), str(v))
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf - inf, inf * 0, -inf < 0 < inf, nan != nan, inf == inf)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2), 5.0 % inf, -5.0 % inf)
print(2.0 ** 10, 2.0 ** -1, (-8.0) ** 2, 0.0 ** 0, 4 ** 0.5, pow(2.0, 3))
for f in [lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: divmod(1.0, 0.0), lambda: 0.0 ** -1]:
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
print(type((-8.0) ** 0.5).__name__, (-1.0) ** 0.5)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(round(0.5), round(1.5), round(2.675, 2), round(-2.5), round(1e300), round(1.23456, 3), round(123.456, -1))
try:
    round(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(nan)
except ValueError as e:
    print(type(e).__name__, e)
print(round(inf, 2), round(nan, 1))
print((3.5).is_integer(), (3.0).is_integer(), (0.1).as_integer_ratio(), (-2.5).as_integer_ratio())
print((1.5).hex(), (-0.1).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("inf"))
print((2.5).conjugate(), (2.5).real, (2.5).imag, float.__trunc__(-2.7), int(-2.7), int(2.7))
print(float("1_000.5"), float("  .5"), float("5."), float("-1E-2"), float("infinity"), float("-Inf"), float("+nan"))
try:
    float("1__0")
except ValueError as e:
    print(type(e).__name__, e)
print(1.0 == 1, 0.1 + 0.2 == 0.3, 1e16 + 1 == 1e16, 2 ** 53 == 2.0 ** 53, 10 ** 20 == 1e20, 10 ** 23 == 1e23)
print(0.1 < 1/10 + 1e-17, 1 < 1.0000000000000002, (2**53 + 1) > 2.0 ** 53)
print(float.__getformat__("double"), (1.0).__hash__(), max(1.0, 1), min(1, 1.0), sorted([2, 1.5, -0.0, 0]))
import math
print(math.isnan(nan), math.isinf(-inf), math.copysign(1, -0.0), math.fsum([0.1] * 10), sum([0.1] * 10))
