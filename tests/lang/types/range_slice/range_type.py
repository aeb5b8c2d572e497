# range: length, indexing, slicing, containment, equality, errors.
for r in [range(5), range(2, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(0, -10, -3), range(-5, 5)]:
    print(r, list(r), len(r), r.start, r.stop, r.step, bool(r))
r = range(0, 100, 7)
print(r[0], r[-1], r[3], r[2:5], r[::-1], r[::2][1], r[-3:], 21 in r, 22 in r, 21.0 in r, r.index(21), r.count(21))
try:
    r[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r.index(22)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 4, 2) == range(0, 3, 2), range(1) != range(2))
big = range(10 ** 20, 10 ** 20 + 10 ** 30, 10 ** 18)
print(len(big) if len(big) < 2 ** 62 else "huge", big[5], 10 ** 20 + 2 * 10 ** 18 in big, big[-1])
try:
    len(range(2 ** 64))
except OverflowError as e:
    print(type(e).__name__, e)
print(range(2 ** 64)[-1], range(2 ** 64).__len__ is not None)
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(5)), range(3).__reversed__().__class__.__name__)
print(hash(range(3)) == hash(range(0, 3)), repr(range(1, 5, 2)), repr(range(3)))
it = iter(range(3))
print(next(it), list(it), list(it))
