# Unary special methods (__neg__, __pos__, __abs__, __invert__), conversion specials (__int__, __float__, __complex__, __index__, __trunc__) and their result-type checks.
class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __invert__(self): return "invert"
u = U()
print(-u, +u, abs(u), ~u)
class Nothing:
    pass
for op, f in [("-", lambda: -Nothing()), ("+", lambda: +Nothing()), ("abs", lambda: abs(Nothing())), ("~", lambda: ~Nothing())]:
    try:
        f()
    except TypeError as e:
        print(op, type(e).__name__, e)
class Conv:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1 + 2j
    def __index__(self): return 3
print(int(Conv()), float(Conv()), complex(Conv()), bin(Conv()), [0, 1, 2, 3][Conv()], "%d" % Conv() if False else "-")
class OnlyIndex:
    def __index__(self): return 4
print(int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()), hex(OnlyIndex()), range(OnlyIndex())[-1])
class BadInt:
    def __int__(self): return "x"
class BadIndex:
    def __index__(self): return 1.5
class BadComplex:
    def __complex__(self): return 5
for f in [lambda: int(BadInt()), lambda: [1][BadIndex()], lambda: complex(BadComplex()), lambda: float(Nothing()), lambda: int(Nothing()), lambda: complex(Nothing())]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
class FloatOnly:
    def __float__(self): return 4.0
print(complex(FloatOnly()), round(float(FloatOnly())))
try:
    int(FloatOnly())
except TypeError as e:
    print(type(e).__name__, e)
