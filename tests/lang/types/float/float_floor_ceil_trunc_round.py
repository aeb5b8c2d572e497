# float __floor__/__ceil__/__trunc__/__round__, is_integer, int() truncation of huge/special floats and round() ndigits.
for v in [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 2.675, 1e16 + 1, 1e300, -1e300, 123.456, 4.9999999999999999, 5e-324]:
    print(repr(v), v.__floor__(), v.__ceil__(), v.__trunc__(), round(v), round(v, 1), round(v, 2), round(v, -1), round(v, -2), v.is_integer(), int(v) if abs(v) < 1e20 else "big")
for v in [float("inf"), float("-inf"), float("nan")]:
    for f in (int, round, float.__floor__, float.__ceil__):
        try:
            f(v)
        except (OverflowError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
    print(round(v, 2), v.is_integer())
print(int(1e300) == 10 ** 300, int(1e300) % 10 ** 20, int(-1.9), int(2.0 ** 63), round(1e300, -299), round(0.5, 400), round(1.5, -400), round(123.0, -308), round(5e-324, 323), round(5e-324, 324))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__, round(-0.0, 1), round(-0.4), round(0.49999999999999994))
