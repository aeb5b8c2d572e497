# cmath and complex edge cases: phase, polar, sqrt of negatives, infinities and signed zeros in repr.
import cmath, math
z = complex(3, 4)
print(abs(z), cmath.phase(z), cmath.polar(z), cmath.rect(2, math.pi / 2).real < 1e-15)
print(cmath.sqrt(-1), cmath.sqrt(-4 + 0j), cmath.exp(1j * math.pi).real, cmath.log(1j), cmath.isclose(cmath.exp(cmath.log(z)), z))
print(complex(1, float("inf")), complex(float("-inf"), float("nan")), complex(-0.0, -0.0), -complex(0, 0))
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(1j * 1j), repr((-1) ** 0.5))
print(cmath.isinf(complex(1, float("inf"))), cmath.isnan(complex(float("nan"), 0)), cmath.isfinite(1 + 1j))
print((1 + 1j) ** 2, (1 + 1j) * (1 - 1j), (2 + 2j) / (1 + 1j), 1 / 1j, 1j ** 1j)
print(complex(2, 3).conjugate(), complex(True, False), complex(" 1e3-2.5e-1j "), complex(10 ** 20))
print(round(abs(cmath.sin(1 + 1j)), 12), round(cmath.cos(0j).real, 12))
print(f"{1 + 2j:.3f}", f"{-1.5j:>12}", f"{complex(1e10, 1e-10):g}", format(1j, "e"))
