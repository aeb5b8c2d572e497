# set/frozenset operators, in-place operators, result types, and comparisons (subset/superset).
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), sorted(b - a))
fa, fb = frozenset(a), frozenset(b)
print(type(fa | b).__name__, type(a | fb).__name__, type(fa & fb).__name__, type(fa.union([9])).__name__)
print(a <= a, a < a, {3} < a, a > {1}, a >= b, {1, 2}.isdisjoint({3}), a == fa, fa == a)
s = {1, 2}
s |= {3}; print(sorted(s))
s &= {2, 3, 4}; print(sorted(s))
s -= {2}; print(sorted(s))
s ^= {3, 7}; print(sorted(s))
f = frozenset({1})
g = f
f |= {2}
print(sorted(f), sorted(g), f is g)
try:
    {1} | [2]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted({1}.union([2], (3,), range(4, 6))), sorted({1, 2, 3}.intersection([2, 3], {3})), sorted({1, 2}.difference()))
print(sorted({1, 2, 3}.symmetric_difference([3, 4])), {1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset(range(2)))
try:
    {1} < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
print({1, 2} == {2, 1}, {1} != frozenset({1}), set() == frozenset(), hash(frozenset()) == hash(frozenset([])))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), frozenset({1, 2}) in {frozenset({1, 2}): 0})
print({frozenset({1})} == {frozenset([1])}, {1, 2} in [{2, 1}], set() in [frozenset()])
x = {1, 2, 3}
print({1, 2}.__contains__(1), set.__sub__(x, {1}) == {2, 3}, x.__and__([1]))
print(sorted(x.copy()), x.copy() is x, frozenset(x).copy() == x)
fz = frozenset([1, 2]); print(fz.copy() is fz, frozenset(fz) is fz)
