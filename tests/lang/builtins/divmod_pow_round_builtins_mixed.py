# divmod()/pow()/round()/abs() across int, float, bool, complex, and user types; three-arg pow, negative zero results and error messages.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (7, 2.5), (True, 2), (0, 5), (2 ** 70, 3), (-(2 ** 70), 7)]:
    print(a, b, divmod(a, b), a // b, a % b)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (1j, 1)]:
    try:
        divmod(a, b)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
print(pow(2, 10), pow(2.0, -2), pow(-8, 1 / 3).real > 0, pow(2, 0.5), pow(0, 0), pow(0.0, 0), pow(1j, 2), pow(True, False))
print(abs(-5), abs(-5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-(2 ** 100)), abs(float("-inf")))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(1234, -2), round(1250, -2), round(1350, -2), round(2.675, 2), round(-0.5), round(1e300), round(5, 2))
class Num:
    def __divmod__(self, o): return ("divmod", o)
    def __abs__(self): return "abs!"
    def __round__(self, n=None): return ("round", n)
print(divmod(Num(), 1), abs(Num()), round(Num()), round(Num(), 2))
for f in [lambda: round("1"), lambda: round(1.5, "1"), lambda: divmod("a", "b"), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5)]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
