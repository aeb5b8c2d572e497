# round/trunc/floor/ceil protocols on int: round(n, negative ndigits) half-to-even, big ints, and __round__ called directly.
for n in [0, 5, 15, 25, 35, 45, -15, -25, 1234567, -1234567, 10 ** 20 + 5 * 10 ** 10, 2 ** 70]:
    print(n, round(n), round(n, 0), round(n, 1), round(n, -1), round(n, -2), round(n, -10), round(n, -100))
print(type(round(5, -1)).__name__, type(round(5)).__name__, (7).__round__(), (7).__round__(-1), (7).__trunc__(), (7).__floor__(), (-7).__ceil__())
print(round(True), type(round(True)).__name__, round(True, -1), round(False, 2))
try:
    round(5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(5, None)
    print("None ok", round(5, None))
except TypeError as e:
    print(type(e).__name__, e)
class N:
    def __round__(self, nd=None):
        return ("rounded", nd)
print(round(N()), round(N(), 3), round(N(), None))
class NoRound:
    pass
try:
    round(NoRound())
except TypeError as e:
    print(type(e).__name__, e)
print(int.__round__(25, -1), int.__round__(35, -1), int.__round__(-25, -1), round(2 ** 63 + 5, -1), round(-(2 ** 63) - 5, -1))
