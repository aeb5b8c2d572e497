# pow() with ints: 3-argument modular exponentiation, negative exponents (modular inverse), zero/negative modulus, big results.
for b, e, m in [(2, 10, 1000), (3, 200, 13), (-2, 3, 5), (2, -1, 5), (3, -2, 7), (-3, -1, 7), (5, 0, 1), (5, 0, -3), (0, 0, 7), (7, 3, -5), (-7, 3, -5), (2 ** 100, 2 ** 50, 10 ** 9 + 7), (10, -3, 2 ** 61 - 1), (12345678901234567890, -1, 98765432109876543211)]:
    try:
        print(b, e, m, pow(b, e, m))
    except ValueError as ex:
        print(b, e, m, type(ex).__name__, ex)
for b, e, m in [(2, 3, 0), (2, -1, 4), (0, -1, 5), (6, -1, 9)]:
    try:
        pow(b, e, m)
    except ValueError as ex:
        print(type(ex).__name__, ex)
for args in [(2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), (2, "3", 5)]:
    try:
        pow(*args)
    except TypeError as ex:
        print(type(ex).__name__, ex)
print(pow(2, -1), pow(-2, -2), pow(0, 0), pow(-1, 10 ** 20), pow(-1, 10 ** 20 + 1), 2 ** -3, (-8) ** (1 / 3) if False else (-2) ** 3)
try:
    pow(0, -1)
except ZeroDivisionError as ex:
    print(type(ex).__name__, ex)
try:
    0 ** -2
except ZeroDivisionError as ex:
    print(type(ex).__name__, ex)
print(len(str(3 ** 1000)), 3 ** 1000 % 1000007, pow(3, 1000, 1000007), pow(base=2, exp=5, mod=3), pow(2, 5, None))
print(pow(True, 5), pow(2, True, 3), pow(-5, 3, 7) == (-5) ** 3 % 7, pow(5, -1, 7) * 5 % 7)
