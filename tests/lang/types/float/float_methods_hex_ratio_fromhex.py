# float.hex/fromhex, as_integer_ratio, conjugate, real/imag, float.__getformat__, and errors for non-finite values.
for v in [0.0, -0.0, 1.0, 0.1, -2.5, 1e-310, 5e-324, 1.7976931348623157e308, 3.0, 1 / 3]:
    print(repr(v), v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio(), v.conjugate(), v.real, v.imag, type(v.imag).__name__)
for s in ["0x1p0", "0x1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.fffffffffffff8p1023" if False else "0x1.fffffffffffffp1023", "0X1P+2", "  0x1.0p0  ", "0x.8", "0x1", "inf", "-nan", "0x1.00000000000008p0", "0x1.00000000000018p0"]:
    try:
        print(repr(s), repr(float.fromhex(s)))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for s in ["0x1p1024", "0x", "1p1", "0x1g", ""]:
    try:
        float.fromhex(s)
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
for v in [float("inf"), float("nan")]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    print(v.hex())
print(float.__getformat__("double"), float.__getformat__("float"))
class Sub(float):
    pass
print(type(Sub.fromhex("0x1p1")).__name__, Sub.fromhex("0x1p1"))
