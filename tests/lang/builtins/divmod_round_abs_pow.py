# divmod/round/abs/pow across int, float and bool, plus user types via __divmod__/__round__/__abs__/__pow__.
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2), divmod(True, 2), divmod(7, -2.0))
print(round(2.5), round(-2.5), round(3.14159, 3), round(10, -1), round(True), abs(-0.0), abs(-5), abs(True), abs(-2 ** 65))
print(pow(2, 0.5), pow(2.0, 3), pow(-8, 1 / 3).real > 0, pow(4, -0.5), pow(0.0, 0), pow(2, 10, 1000))
class N:
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
    def __round__(self, nd=None):
        return ("round", nd)
    def __abs__(self):
        return "abs"
    def __pow__(self, e, mod=None):
        return ("pow", e, mod)
    def __rpow__(self, b):
        return ("rpow", b)
n = N()
print(divmod(n, 1), divmod(1, n), round(n), round(n, 2), abs(n), pow(n, 2), pow(n, 2, 5), pow(3, n), n ** 3, 2 ** n)
class Plain:
    pass
for call in [lambda: round(Plain()), lambda: abs(Plain()), lambda: divmod(Plain(), 1), lambda: pow(Plain(), 2), lambda: round(1.5, 1.5), lambda: pow(3, n, 5)]:
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
try:
    divmod(1, 0.0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
