# tuple: construction, indexing, methods, comparison, immutability, packing.
t = (1, 2, 3, 2)
print(t, t[0], t[-1], t[1:3], t[::-1], len(t), t.count(2), t.index(2), t.index(2, 2), 2 in t)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(t) is t)
print(t + (4,), t * 2, 2 * (0,), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (1,) == (1.0,), (1, 2) != (2, 1))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t + [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
x = 1, 2
y, = (5,)
print(x, y, type(x).__name__, repr((1,)), repr(()), ((1, 2), (3,)))
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
print(max((3, 1), (2, 9)), sorted([(2, "b"), (1, "z"), (2, "a")]), tuple(reversed(t)))
from collections import namedtuple
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._fields, isinstance(p, tuple), p == (1, 2))
class T(tuple):
    pass
print(type(T((1,)) + (2,)).__name__, T([1, 2]), repr(T()))
