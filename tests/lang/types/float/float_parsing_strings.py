# float() parsing of strings: whitespace, underscores, exponents, inf/nan spellings, hex-looking inputs, Unicode digits and errors.
for s in ["1", " 1.5 ", "-2.5e-3", "+.5", "5.", ".5e1", "1_000.000_1", "1e1_0", "inf", "-Inf", "+INFINITY", "nan", "-NaN", "1E308", "1e309", "-1e309", "1e-400", "4.9e-324", "2.4703282292062328e-324", "0x10" if False else "10", "١٫٥" if False else "١٢.٥", "\u00a01.0\u2003", "0e0", "-0", "00012.50"]:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(type(e).__name__, e)
for s in ["", " ", "1_", "_1", "1__0", "1.2.3", "0x10", "e5", "1e", "infinit", "nanx", "1 2", "--1", "1,5", "in f", "1e+", ".", "1_.5", "1._5"]:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
print(float(b"2.5"), float(bytearray(b" 3 ")), float(memoryview(b"4.5")) if False else "mv", float(), float(-0.0), float(True), float(10 ** 20))
for bad in [None, [1], "1j", 1j]:
    try:
        float(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class Bad:
    def __float__(self): return "no"
print(float(F()), float(I()))
try:
    float(Bad())
except TypeError as e:
    print(type(e).__name__, e)
class Sub(float):
    pass
print(type(float(Sub(1.5))).__name__, repr(Sub("2.5")), type(Sub("2.5") + 1).__name__)
