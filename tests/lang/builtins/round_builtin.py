# round() in all its forms, and banker's rounding corner cases.
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994, 2.675, 1e16, -0.0, 3]:
    print(repr(v), round(v), repr(round(v, 0)), repr(round(v, 2)), repr(round(v, -1)))
for v in [12345, -12345, 15, 25, -25, 10 ** 20 + 5]:
    print(v, round(v, -1), round(v, -2), round(v, 2), round(v, None))
class R:
    def __round__(self, n=None): return ("round", n)
print(round(R()), round(R(), 3))
try:
    round("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(round(5e-324, 400), round(1.5e300, -299), round(0.1 + 0.2, 15))
try:
    round(1.7976931348623157e308, -308)
except OverflowError as e:
    print(type(e).__name__, e)
