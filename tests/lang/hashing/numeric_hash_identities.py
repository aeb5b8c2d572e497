# numeric hashes: hash(1) == hash(1.0) == hash(True) == hash(1+0j), -1 maps to -2, modulus 2**61-1, fractions-like floats, inf/nan.
M = 2 ** 61 - 1
print(hash(1), hash(1.0), hash(True), hash(1 + 0j), hash(-1), hash(-1.0), hash(-2), hash(0), hash(-0.0), hash(False))
print(hash(M), hash(M + 1), hash(-M), hash(-M - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 64)), hash(10 ** 30))
print(hash(0.5), hash(1.5), hash(-0.5), hash(0.25), hash(0.1), hash(1e100), hash(2.0 ** 61), hash(2.0 ** -61), hash(1 / 3))
print(hash(float("inf")), hash(float("-inf")), hash(1j), hash(2 + 3j), hash(complex(0, -1)), hash(complex(-1, 0)))
for x in [0.5, 1.25, -3.75, 1e20, 2.0 ** 80, 123456.789]:
    n, d = x.as_integer_ratio()
    print(x, hash(x) == (n * pow(d, -1, M)) % M if n >= 0 else hash(x) == -((-n * pow(d, -1, M)) % M))
print(len({1, 1.0, True, 1 + 0j}), len({0, 0.0, -0.0, False, 0j}), {1: "a", 1.0: "b"}, {2 ** 61 - 1: 0}.get(0) if hash(M) == 0 else "-")
class H:
    def __hash__(self):
        return -1
class Big:
    def __hash__(self):
        return 2 ** 70
print(hash(H()), hash(Big()) == hash(2 ** 70), hash(Big()))
class Bad:
    def __hash__(self):
        return 1.5
try:
    hash(Bad())
except TypeError as e:
    print(type(e).__name__, e)
import sys
print(sys.hash_info.modulus == M, sys.hash_info.inf, sys.hash_info.width, hash(-M - 2) == hash(-1 - 2) or hash(-M - 2))
