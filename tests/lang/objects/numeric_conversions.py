# Unary operators and numeric conversion special methods.
class N:
    def __init__(self, v): self.v = v
    def __neg__(self): return f"neg {self.v}"
    def __pos__(self): return f"pos {self.v}"
    def __abs__(self): return f"abs {self.v}"
    def __invert__(self): return f"invert {self.v}"
    def __int__(self): return 42
    def __float__(self): return 4.5
    def __complex__(self): return 1 + 2j
    def __round__(self, nd=None): return f"round {nd}"
    def __trunc__(self): return 7
    def __floor__(self): return 8
    def __ceil__(self): return 9
import math
n = N(1)
print(-n, +n, abs(n), ~n)
print(int(n), float(n), complex(n), round(n), round(n, 2))
print(math.trunc(n), math.floor(n), math.ceil(n))
class BadInt:
    def __int__(self): return "x"
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
class BadFloat:
    def __float__(self): return 1
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
class IndexOnly:
    def __index__(self): return 6
print(int(IndexOnly()), float(IndexOnly()), complex(IndexOnly()))
class Nothing: pass
for f in (lambda x: -x, lambda x: +x, lambda x: ~x, abs, int, float, complex, round):
    try:
        f(Nothing())
    except TypeError as e:
        print(type(e).__name__, e)
print(-(-5), +True, ~5, ~-1, abs(-3.5), abs(3 - 4j), -0.0, ~True)
print(int("  12  "), int("-0x1f", 16), int("0b101", 0), int("1_000"), float(" -1.5e3 "), float("inf"), float("-nan"))
print(complex("1+2j"), complex(" 3j "), complex(1, 2), complex("-1.5"))
for bad in ["", "1.5", "0x", "1__0", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float("abc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    complex("1+2j", 1)
except TypeError as e:
    print(type(e).__name__, e)
print(round(2.5), round(3.5), round(-0.5), round(1.25, 1), round(12345, -2), round(15, -1), round(25, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
