# Hash/equality consistency across int, float, complex, bool, Fraction, Decimal when used as dict keys and set members.
from fractions import Fraction
from decimal import Decimal
keys = [1, 1.0, True, 1 + 0j, Fraction(1), Decimal(1)]
d = {}
for k in keys:
    d[k] = type(k).__name__
print(d, len(set(keys)))
print(len({0, 0.0, -0.0, False, 0j, Fraction(0), Decimal(0), Decimal("-0")}))
print({0.5: "half"}[Fraction(1, 2)], {2.5: "x"}.get(Decimal("2.5")), Fraction(1, 3) in {1 / 3})
big = 2 ** 70
print(hash(big) == hash(float(big)), {float(big): "f"}[big], big + 1 in {float(big)})
M = 2 ** 61 - 1
print(hash(M) == hash(0), {0: "zero"}.get(M), hash(M + 5) == hash(5), {5: "five"}.get(M + 5))
print(hash(-1) == hash(-2), {-1: "m1", -2: "m2"})
inf = float("inf")
print(hash(inf), hash(-inf), {inf: 1}[float("inf")], hash(complex(inf, 0)) == hash(inf))
print(sorted({3, 1.5, 2, Fraction(1, 2)}), frozenset({1, 1.0}), {1.0, 1})
print(hash(0.1) == hash(Fraction(0.1)), Fraction(0.1) == 0.1, Decimal(0.1) == 0.1, hash(Decimal(0.1)) == hash(0.1))
