# float.hex/fromhex round trips, as_integer_ratio, is_integer, and special values.
for x in [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 2.0 ** -1022, 1 / 3, 1024.0]:
    h = x.hex()
    print(repr(x), h, float.fromhex(h) == x, x.as_integer_ratio(), x.is_integer())
for s in ["0x1p0", "0x1.8p1", "-0X.8P-1", "0x10", "inf", "-Infinity", "nan", "  0x1p-1074  ", "0x1.fffffffffffffp1023", "0x1p-1075", "0x3p-1076"]:
    print(repr(s), repr(float.fromhex(s)))
for s in ["0x1p2000", "0x", "1.5", "0xg"]:
    try:
        print(float.fromhex(s))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for v in [float("inf"), float("nan")]:
    print(v.hex(), v.is_integer())
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(float.fromhex("0x1p3") == 8, (0.5).hex(), (3.0).as_integer_ratio(), (-0.75).as_integer_ratio(), (1e16).is_integer())
print((2.5).real, (2.5).imag, (2.5).conjugate(), float.__trunc__(2.7), float.__floor__(-2.5), float.__ceil__(-2.5))
