# range index/count/__contains__ including big bounds beyond 64 bits, non-int members, negative steps and errors.
r = range(0, 100, 7)
print(r.index(14), r.count(14), r.count(15), 14 in r, 15 in r, 14.0 in r, True in range(2), "1" in r, None in r)
for v in [15, 100, -7]:
    try:
        r.index(v)
    except ValueError as e:
        print(type(e).__name__, e)
big = range(2 ** 64, 2 ** 65, 3)
print(len(big), big[0], big[-1], big.index(2 ** 64 + 3), 2 ** 64 + 4 in big, big.count(2 ** 64), big[10 ** 5])
huge = range(2 ** 100)
try:
    len(huge)
except OverflowError as e:
    print(type(e).__name__, e)
print(huge[-1], huge[2 ** 99], 2 ** 99 in huge, huge.index(12345), bool(huge), huge[2 ** 90:][:3], list(huge[:3]))
neg = range(10, -10, -3)
print(list(neg), neg.index(-2), -2 in neg, 0 in neg, neg[-1], len(neg), list(reversed(neg)))
class Eq:
    def __eq__(self, other): return other == 3
    __hash__ = None
print(Eq() in range(5), range(5).count(Eq()), range(5).index(Eq()))
try:
    range(5).index(3, 1)
except TypeError as e:
    print(type(e).__name__, e)
for args in [(1.0,), (0, 5, 0), ("1",), ()]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
