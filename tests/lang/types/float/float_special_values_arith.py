# float special values: inf/nan arithmetic, signed zeros, division/modulo by zero errors, overflow to inf.
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf, nan == nan, nan != nan, nan is nan)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, repr(-0.0 * 0), 1e308 * 10, -1e308 * 10, 2.0 ** 1023 * 2, 1e-323 / 10)
for expr in ["1.0 / 0", "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "0.0 ** -1", "2.0 ** 10000", "(-1.0) ** 0.5 == (-1.0) ** 0.5", "10.0 ** 400"]:
    try:
        print(expr, eval(expr))
    except (ZeroDivisionError, OverflowError) as e:
        print(expr, type(e).__name__, e)
print(5.0 % 3, -5.0 % 3, 5.0 % -3, 5.5 // 2, -5.5 // 2, inf % 2 if False else 5 % inf, -5 % inf, divmod(7.0, inf))
print(max(nan, 1.0), min(1.0, nan), sum([inf, -inf]), abs(-inf), int(1e18), float("-0"), 1e16 + 1 == 1e16)
