# range: index/count/contains, slicing ranges, negative steps, equality, big bounds, errors.
r = range(2, 20, 3)
print(list(r), len(r), r[0], r[-1], r[2:5], r[::-1], r[::2], list(r[::-2]))
print(r.index(8), r.count(8), r.count(9), 8 in r, 9 in r, 8.0 in r, "8" in r)
try:
    r.index(9)
except ValueError as e:
    print(type(e).__name__, e)
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2), range(2) != range(3))
print(repr(range(5)), repr(range(1, 5)), repr(range(1, 5, 2)), range(5).start, range(5).stop, range(5).step)
print(list(range(10, 0, -3)), list(range(-5, 5, 4)), list(range(5, -5)), len(range(-10, 10, 7)))
big = range(10 ** 20, 10 ** 20 + 10, 3)
print(len(big), big[-1], 10 ** 20 + 9 in big, big.index(10 ** 20 + 6))
huge = range(10 ** 30)
try:
    len(huge)
except OverflowError as e:
    print(type(e).__name__, e)
print(huge[-1], huge[10 ** 29], huge[::10 ** 29])
for args in [(1, 2, 0), (1.5,), ("a",)]:
    try:
        range(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    range(3)[3]
except IndexError as e:
    print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 4
print(list(range(Idx())), range(10)[Idx()], hash(range(3)) == hash(range(0, 3, 1)), bool(range(0)), bool(range(1)))
print(list(reversed(range(1, 8, 3))), sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(0, 10, 2)[1:4] == range(2, 8, 2), range(5)[10:], range(5)[-100:2])
