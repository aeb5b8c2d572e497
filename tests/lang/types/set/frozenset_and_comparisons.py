# frozenset construction/identity, set comparisons and operators with mixed set/frozenset, in-place ops returning self.
e1, e2 = frozenset(), frozenset([])
print(e1 == e2, type(e1).__name__, frozenset(range(3)), frozenset("aab") == frozenset({"a", "b"}), len(frozenset("aab")))
f = frozenset([1, 2, 3])
print(frozenset(f) == f, f.copy() == f, f | {9}, f & frozenset({2, 3, 4}), f - {1}, f ^ {3, 4})
print(type(f | {9}).__name__, type({9} | f).__name__, type(f.union({1})).__name__, type(set(f).union(f)).__name__)
print({1, 2} == frozenset({1, 2}), {1, 2} <= f, f >= {1}, f > f, f < f | {4}, {1} < {1}, set() < {0})
print({1, 2}.issubset([1, 2, 3]), f.issuperset(range(2)), f.isdisjoint([7, 8]), {1}.isdisjoint(f))
try:
    {1} < [1]
except TypeError as e:
    print(type(e).__name__, e)
print({1} == [1], {1} != (1,))
s = {1, 2}
t = s
s |= {3}
s -= {1}
s &= {2, 3, 4}
s ^= {9}
print(s is t, sorted(t))
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(nested), frozenset() in nested)
print(sorted(set.__dict__.keys() - frozenset.__dict__.keys())[:8])
print(sorted(x for x in frozenset(range(10)) if x % 3 == 0), sum(frozenset({1, 2, 3})), max(f), min(f))
big = frozenset(range(1000))
print(len(big & frozenset(range(500, 1500))), len(big | frozenset(range(500, 1500))), 999 in big, 1000 in big)
