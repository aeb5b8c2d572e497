# float arithmetic special cases: ** with negative base/fractional exponent, overflow to inf vs OverflowError, signed zeros, nan propagation.
inf = float("inf"); nan = float("nan")
for b, e in [(2.0, 1024), (10.0, 308), (10.0, 309), (-8.0, 1 / 3), (-1.0, inf), (0.0, -1.0), (0.0, 0.0), (nan, 0.0), (1.0, nan), (inf, -1), (-inf, 3), (-inf, 2), (-0.0, 3), (-0.0, -3), (2.0, -1075), (-2.0, 0.5)]:
    try:
        r = b ** e
        print(repr(b), repr(e), repr(r) if not isinstance(r, complex) else ("complex", round(r.real, 6), round(r.imag, 6)))
    except (OverflowError, ZeroDivisionError) as ex:
        print(repr(b), repr(e), type(ex).__name__, ex)
print(1e308 * 10, -1e308 * 10, 1e308 + 1e308, inf - inf, inf * 0, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan >= nan, [nan] == [nan], nan is nan, max(nan, 1), max(1, nan), min(nan, 1), sorted([3.0, 1.0, 2.0]))
try:
    pow(2.0, 10000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
print(pow(-8.0, 2), pow(4.0, 0.5), (-8) ** 2.0, 4 ** -0.5, 0.1 * 3, 0.1 + 0.7, 1.1 * 1.1, 1e-320 / 10, 3.0 * 1e-324)
print(abs(-0.0), -(-0.0), +(-0.0), abs(-inf), -nan != -nan, float.__neg__(2.0), (2.5).__pos__(), (-2.5).__abs__())
