# Numeric hashing as CPython: modulus 2**61-1, equal numbers hash equal, -1 maps to -2.
M = 2 ** 61 - 1
import sys
print(sys.hash_info.modulus == M, sys.hash_info.width, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag)
for v in [0, 1, -1, -2, 2, 100, M - 1, M, M + 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30, -(10 ** 30), 2 ** 1000]:
    print(v if abs(v) < 2 ** 70 else "big", hash(v))
for v in [0.0, -0.0, 0.5, 1.5, -1.5, 1e100, 1e-100, 2.0 ** 61, float("inf"), float("-inf"), 3.14159]:
    print(v, hash(v))
for v in [1j, 1 + 1j, -1j, 2.5 - 3j, complex(0, 0)]:
    print(v, hash(v))
print(hash(True), hash(False), hash(1) == hash(1.0) == hash(True) == hash(1 + 0j))
from fractions import Fraction
from decimal import Decimal
print(hash(Fraction(1, 2)) == hash(0.5), hash(Decimal("2.5")) == hash(2.5), hash(Fraction(1, 3)))
print(hash(()), hash((1,)), hash((1, 2, 3)), hash((1, (2, 3))), hash(((),)))
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({-1})))
print(hash(None) == hash(None), hash(Ellipsis) == hash(...))
nan = float("nan")
print(hash(nan) == hash(nan), hash(nan) == object.__hash__(nan))
print(hash(range(3)) == hash(range(3)), hash(range(0)) == hash(range(5, 5)))
class I(int): pass
print(hash(I(12345678901234567890)) == hash(12345678901234567890))
