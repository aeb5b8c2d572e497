# int() constructor forms, bases and int methods.
print(int(), int(5), int(-5.9), int(5.9), int(True), int("42"), int(" -7 "), int("+3"))
for s, base in [("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("777", 8), ("0o777", 0), ("z", 36),
                ("101", 2), ("0b101", 0), ("1_0", 0), ("10", 3), ("00", 0), ("0", 0)]:
    print(s, base, int(s, base))
for s, base in [("08", 0), ("9", 8), ("0x", 16), ("", 10), ("1", 1), ("1", 37), ("12", 2)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
print(int(b"12"), int(bytearray(b"-3")), int("١٢٣"), int("\u0661\u0662"))
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("5", base=None)
except TypeError as e:
    print(type(e).__name__, e)
print(int(x="7") if False else int("7", base=10))
class MyInt(int): pass
m = MyInt(5)
print(type(m).__name__, m + 1, type(m + 1).__name__, int(m), type(int(m)).__name__, repr(m))
print((255).__format__("x"), (5).__sizeof__() > 0, (5).__index__(), (5).__int__(), (5).__float__())
print((5).__trunc__(), (5).__floor__(), (5).__ceil__(), (5).__round__(), (15).__round__(-1))
print((5).__bool__(), (0).__bool__(), (5).__neg__(), (5).__pos__(), (5).__invert__())
print(int.__name__, int.__qualname__, int.__module__ if hasattr(int, '__module__') else None)
print((12).__divmod__(5), (12).__rdivmod__(5), (2).__pow__(10), (2).__rpow__(10), (2).__pow__(10, 7))
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (6).__lshift__(2), (6).__rshift__(1))
print((3).__hash__(), (-1).__hash__(), (3).__ne__(3), (3).__ge__(3), (3).__add__("x"))
print(sorted([3, -1, 10, 0, -7]), max(3, 9, -2), min([4, 2, 8]))
