# int/int true division (correctly rounded even for huge ints), int->float conversion rounding and OverflowError.
pairs = [(1, 3), (2, 3), (-7, 2), (10 ** 30, 3), (2 ** 1000, 2 ** 999), (10 ** 400, 10 ** 399), (1, 10 ** 400), (2 ** 53 + 1, 1), (-(2 ** 63), 7), (7, -(2 ** 63))]
for a, b in pairs:
    print(a / b if abs(a) < 10 ** 50 else "big", b, repr(a / b))
for n in [2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 53 + 3, 2 ** 54 + 2, 2 ** 1023, 2 ** 1024 - 2 ** 971, -(2 ** 1024) + 2 ** 971]:
    print(float(n))
for bad in [lambda: float(2 ** 1024), lambda: 10 ** 400 / 1, lambda: (10 ** 400) * 1.0, lambda: 1 / 0, lambda: 10 ** 400 / 0, lambda: 1.0 + 10 ** 400]:
    try:
        bad()
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(10 ** 400 // 10 ** 399, 10 ** 400 < float("inf"), 10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 == float("inf"))
print((2 ** 1024 - 2 ** 970 - 1) / 1, 1 / 2 ** 1074 if False else 2 ** -1074, 1 / (2 ** 1075) == 0.0)
