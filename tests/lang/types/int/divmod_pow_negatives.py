# int floor division, modulo and divmod sign rules; pow with negative exponent/modulus and modular inverse.
for a in [7, -7, 0, 13, -13]:
    for b in [3, -3, 1, -1, 5]:
        print(a, b, a // b, a % b, divmod(a, b), -(a // -b) if b else None)
for a, b in [(10 ** 30 + 7, -97), (-(10 ** 30), 7), (2 ** 64, 2 ** 32 + 1), (-(2 ** 65), -(2 ** 33))]:
    q, r = divmod(a, b)
    print(q, r, q * b + r == a)
print(pow(2, 10), pow(2, -1), pow(-2, -3), pow(0, 0), pow(-1, 10 ** 20), pow(10, 20), pow(-3, 3))
print(pow(3, 4, 5), pow(-3, 4, 5), pow(3, 4, -5), pow(3, -1, 7), pow(-3, -1, 7), pow(2, -2, 9), pow(5, 0, 1), pow(7, 10 ** 18, 13))
for args in [(0, -1), (2, -1, 4), (2, 3, 0), (2, 1.5, 3)]:
    try:
        print(pow(*args))
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
for expr in ["1 // 0", "1 % 0", "divmod(1, 0)", "0 ** -1", "(-8) ** (1/3) == (-8) ** (1/3)"]:
    try:
        print(eval(expr))
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
print(-7 // 2.0, -7 % 2.0, 7 % -2.5, divmod(-7, 2.0), 2 ** -1, (-2) ** 2, -2 ** 2, 10 ** -2)
print(-1 % 10 ** 20, -(10 ** 20) // 3, (10 ** 20) % -3, 5 % -(10 ** 20))
