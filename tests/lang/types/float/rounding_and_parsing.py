# float rounding (round-half-even, ndigits, negative ndigits), int/floor/ceil conversions and float() parsing.
import math
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 1e16 + 1, -0.0]:
    print(repr(x), round(x), round(x, 2), round(x, -1), repr(round(x, 0)), math.floor(x), math.ceil(x), math.trunc(x), int(x))
print(round(123.456, -2), round(-123.456, -1), round(5e-324, 400), round(1e300, -300), round(0.1 + 0.2, 15), round(1.23456789, 30))
for v in [float("inf"), float("nan")]:
    for fn in (round, int, math.floor):
        try:
            fn(v)
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)
    print(round(v, 2))
for s in ["1_000.5", " -1.5e3 ", "+.5", "5.", "1e-400", "1e400", "-iNF", "nAn", "infinity", "\u0661.\u0662"]:
    print(repr(s), repr(float(s)))
for s in ["", "1__0", "_1", "1e", "0x10", "1.2.3", "inf inity", "- 1"]:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
print(repr(0.1 + 0.2), repr(1e22), repr(1e16), repr(1.0e-5), repr(123456789012345678.0), str(1e-4), repr(-1e-7), 1 / 3)
print(float(10 ** 20), float("1" * 30), 2.0 ** 0.5, (-8.0) ** 2, 0.0 == -0.0, math.copysign(1, -0.0))
