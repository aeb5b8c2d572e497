# Tuples: empty tuple identity, packing in returns and loops, comparisons with mixed types, tuple() of iterables, sizes.
def pair(): return 1, "two"
a, b = pair()
print(a, b, pair(), type(pair()).__name__)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x + y)
print(tuple() == (), tuple([]) == (), len(()), () + () == ())
print((1, "a") < (1, "b"), (1, 2) == (1, 2.0), (0, 0) < (0, 0, 0), ((1, 2), 3) > ((1, 1), 9))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(tuple(range(5))[::2], tuple("abc")[1:], tuple({1: 0, 2: 0}), tuple(x * 2 for x in (1, 2)))
t = (1, [2, 3])
t[1].append(4)
print(t)
print(((),) * 3, (1,) * 0, len((1,) * 1000), (1, 2, 3).__len__(), (1, 2).__contains__(2))
print(max((1, 9), (2, 0)), sorted([(2, 1), (1, 2), (1, 1)]), min([(3, "c"), (3, "a")]))
nested = ((1, 2), (3, (4, 5)))
(p, q), (r, (s, u)) = nested
print(p, q, r, s, u)
print(hash((1, 2, 3)) == hash(tuple([1, 2, 3])), (1, 2).index(2), (1, 1, 1).count(1))
print(repr((1,)), repr((1, 2)), repr(((1,),)), str(("a", 1)))
