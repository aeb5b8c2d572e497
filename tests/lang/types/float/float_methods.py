# float methods and math: hex round-trip, as_integer_ratio exactness, is_integer, fromhex parsing, math rounding.
import math
for v in [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 123.456, float("inf")]:
    if math.isfinite(v):
        print(v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio(), v.is_integer())
    else:
        print(v.hex(), v.is_integer())
for s in ["0x1p0", "0X1.8P+1", "-0x.8p1", "0x1.fffffffffffffp+1023", "0x1p-1074", "  0x10  ", "inf", "-nan"]:
    print(s.strip(), float.fromhex(s))
for bad in ["0x", "1p", "0x1p99999"]:
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print(type(e).__name__, e)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.0000001), type(math.floor(2.5)).__name__)
print(math.fmod(-7, 3), -7 % 3, math.remainder(7, 4), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isclose(0.1 + 0.2, 0.3), math.sqrt(2), math.hypot(3, 4), math.copysign(3, -0.0), math.nextafter(1.0, 2.0))
print(math.ulp(1.0), math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.log(math.e), math.log2(1024), math.log10(0.001), math.exp(0), math.pow(2, 0.5), math.inf, -math.inf, math.nan)
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.log(0)
except ValueError as e:
    print(type(e).__name__, e)
print(float.__dict__["hex"].__name__, (0.5).__round__(), (2.5).__round__(0), (1.23456).__round__(2))
