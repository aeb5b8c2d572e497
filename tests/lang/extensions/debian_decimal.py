# Debian's _decimal binary through cpyext: it builds ints from 30-bit digits
# itself (_PyLong_New, a proxy C fills before it crosses into the runtime) and
# finds float.as_integer_ratio / int.bit_length in the types' tp_methods.
import decimal
import _decimal
from decimal import Decimal as D, localcontext, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING
print(decimal.Decimal is _decimal.Decimal, decimal.getcontext().prec)
a, b = D("1.1"), D("2.20")
print(a + b, a * b, b / a, a - b, -a, abs(-a), a ** 2, D(10) / D(3))
with localcontext() as ctx:
    ctx.prec = 50
    print(D(1) / D(7))
with localcontext(rounding=ROUND_DOWN, prec=5) as ctx:
    print(D(2).sqrt(), ctx.rounding)
print(D("3.14159").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_EVEN),
      D("2.671").quantize(D("0.1"), rounding=ROUND_CEILING))
# Conversions to int: one digit (PyLong_FromLong), several (_PyLong_New).
for text in ["0", "7", "-7", "1073741823", "1073741824", "-1073741824", "9223372036854775807",
             "9223372036854775808", "-9223372036854775809", "1e30", "-12345678901234567890123456789.9",
             "123456789012345678901234567890123456789012345678901234567890"]:
    n = int(D(text))
    print(text, n, type(n).__name__, n == int(float(text)) if abs(float(text)) < 2**53 else n % 1000003)
with localcontext() as ctx:
    ctx.prec = 200
    big = D(2) ** 400
    print(int(big) == 2**400, int(-big) == -2**400, int(big).bit_length())
print(D(2**100), D(-2**100), D(0.1), float(D("0.1")), D.from_float(1.5), D(2**64 + 1))
print(hash(D(2**100)) == hash(2**100), hash(D(5)) == hash(5), hash(D("-1")) == hash(-1), hash(D("1.5")) == hash(1.5))
print(D("1.5").as_integer_ratio(), D("-0.75").as_integer_ratio(), D(7).to_integral_value(),
      round(D("2.5")), round(D("3.14159"), 2), D(10**20 + 7) % 97, (10**20 + 7) % 97)
n255, n0, nm5 = 255, 0, -5
print(int(D(255)) is n255, int(D(0)) is n0, int(D(-5)) is nm5)
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", type(e).__mro__[1].__name__)
try:
    D(1) / 0
except decimal.DivisionByZero as e:
    print("DivisionByZero", isinstance(e, ZeroDivisionError))
print(D(1) < D(2), D("1.0") == D(1), D(1) == 1, D("0.5") == 0.5, sorted([D(3), D(1), D(2)]))
print(format(D("1234.5678"), ",.2f"), str(D("1E+3")), repr(D("-0")), D("1E+3").to_eng_string())
print(D(10**40).sqrt(), D(2).ln().quantize(D("1e-10")), D("1.23456789").normalize(), D("100").normalize())
c = decimal.Context(prec=3, traps=[decimal.Inexact])
try:
    c.divide(D(1), D(3))
except decimal.Inexact:
    print("Inexact trapped")
print(c.create_decimal("1.25"), decimal.Context(prec=3).create_decimal("1.23456"))
print(sum(D(i) / 7 for i in range(20)).quantize(D("0.0001")), int(D("1e27") // 3) % 10**9)
# A single-phase module with its state in C globals is initialised once: a
# fresh import copies the first module's dict (test_decimal imports so).
import sys
del sys.modules["_decimal"]
import _decimal as again
print(again is _decimal, again.Decimal is _decimal.Decimal, again.Inexact is _decimal.Inexact,
      again.__file__ == _decimal.__file__, sorted(set(dir(again)) ^ set(dir(_decimal))))
ctx = again.Context(prec=5)
print(ctx.divide(again.Decimal(1), 7), ctx.flags[again.Inexact], ctx.flags[_decimal.Inexact])
# _decimal calls float.as_integer_ratio through PyFloat_Type.tp_methods: the
# float's own, never a subclass's override.
class X(float):
    def as_integer_ratio(self):
        return 1
class I(int):
    def bit_length(self):
        return [1] * 200
class Z(float):
    def as_integer_ratio(self):
        return (I(1), I(1))
print([D.from_float(cls(101.1)) == D.from_float(101.1) for cls in (X, Z)], D(I(2**70)), D(X(0.5)))
# float's and int's own slots, whatever a subclass overrides (CPython's
# float_abs, which _decimal calls through PyFloat_Type).
class A(float):
    def __abs__(self):
        return "not a float"
print(D.from_float(A(-2.5)), D(A(-0.75)), D.from_float(A(3.0)))
# A NaN hashes as object.__hash__ hashes it.
nan = D("nan")
print(hash(nan) == object.__hash__(nan), hash(nan) == hash(nan), hash(D(5)) == hash(5))
