# complex(): construction from numbers and strings, parsing edge cases and errors.
cases = ["1+2j", " 3-4j ", "(5+6j)", "j", "-j", "+j", "2j", "1e3+1e-3j", "inf+nanj", "-1.5", "1_0+2_0j"]
for s in cases:
    print(repr(s), complex(s))
for bad in ["1+", "j1", "1+2i", "(1+2j", "", "1 + 2j", "1+2j+3j"]:
    try:
        complex(bad)
    except ValueError as e:
        print(type(e).__name__, repr(bad), e)
print(complex(), complex(1), complex(1.5, -2), complex(1j, 1j), complex(True, False))
print(complex(real=3, imag=4), complex(imag=2))
try:
    complex("1", 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    complex(None)
except TypeError as e:
    print(type(e).__name__, e)
class C:
    def __complex__(self):
        return 7 + 8j
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 9
print(complex(C()), complex(F()), complex(I()), complex(F(), F()))
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(-0j), repr(0j), repr(complex(1e20, 1e-20)))
