# set/frozenset relation methods with arbitrary iterables: issubset, issuperset, isdisjoint, and operator forms requiring sets.
s = {1, 2, 3}
print(s.issubset([1, 2, 3, 4]), s.issubset(range(3)), s.issuperset((1, 2)), s.issuperset("ab"), s.isdisjoint([4, 5]), s.isdisjoint(iter([3])))
print(s <= {1, 2, 3}, s < {1, 2, 3}, s >= {1}, s > {1, 2, 3}, s == frozenset({1, 2, 3}), frozenset() < s, set() <= set())
for bad in [lambda: s <= [1, 2, 3], lambda: s | [4], lambda: s & (1,), lambda: s - "a", lambda: s ^ range(2)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(s.union([4], (5,), range(6, 8)), s.intersection([1, 2], (2, 3, 1)), s.difference([1], {2}), s.symmetric_difference([3, 4]))
print(s.union(), s.intersection(), s.difference(), sorted(frozenset({1}).union({2})), type(frozenset({1}).union({2})).__name__)
for meth in ("issubset", "union", "isdisjoint"):
    try:
        getattr(s, meth)(5)
    except TypeError as e:
        print(meth, type(e).__name__, e)
print({1, 2} == {2, 1}, {1} != {1.0}, {1, 2} < {1, 2, 3}, not ({1, 4} < {1, 2, 3}), not ({1, 4} > {1, 2, 3}))
print(s, sorted({-3, 7, 0, 100, -1000}), {True, 1, 1.0}, {0, False, 0.0, -0.0})
