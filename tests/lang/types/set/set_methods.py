# set and frozenset: every method and operator. Integer elements only so order is deterministic.
s = {3, 1, 2}
s.add(4); s.add(1); s.discard(10); s.remove(2)
print(s, len(s), 3 in s, 2 not in s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference([5, 6]))
print(a <= b, {3} <= a, {3} < a, a < a, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}))
c = set(a); c |= {10}; c &= {1, 10, 3}; c -= {3}; c ^= {1, 7}; print(c)
c.update([20], (21,)); c.intersection_update(range(15, 30)); print(c)
c.difference_update([20]); c.symmetric_difference_update({21, 22}); print(c)
print(c.pop() in {22}, c)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
d = {1, 2}; e = d.copy(); e.clear(); print(d, e, set(), repr(set()))
f = frozenset([1, 2, 2, 3])
print(f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__, f & {2}, f.union([7]), frozenset(), hash(f) == hash(frozenset({3, 2, 1})))
try:
    f.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
print({frozenset({1}): "key"}[frozenset([1])], {1, 2} == frozenset({1, 2}), set() == frozenset())
try:
    {1} | [2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print(type(e).__name__, e)
print({1, 1.0, True}, {0, False, 0.0}, len({(1, 2), (1, 2)}), sorted({5, -1, 3}))
print({x % 3 for x in range(10)}, set(range(5)), set([5, 4, 5]), set("aaa"), set({1: 2}))
print(set.__name__, frozenset.__name__, isinstance(f, frozenset), issubclass(frozenset, set))
s2 = {1, 2, 3}
print(s2.__contains__(2), s2.__len__(), s2.__or__({4}), s2.__and__([1]) if False else s2.__and__({1}), s2.__sub__(1))
big = set(range(100))
for i in range(0, 100, 3):
    big.discard(i)
print(len(big), sum(big), min(big), max(big))
print({1, 2} - {2} == {1}, frozenset([1]) in {frozenset([1])}, {1} in [{1}], set([1]) in {frozenset([1])})
