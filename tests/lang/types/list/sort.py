# list.sort and sorted: stability, key, reverse, errors, mutation during sort.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: t[0], reverse=True))  # stable even with reverse
words = "The quick Brown fox Jumps over the Lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
l = [5, 2, 8, 1, 9, 3]
r = l.sort()
print(r, l)
l.sort(reverse=True)
print(l)
print(sorted("hello"), sorted({3: 'a', 1: 'b'}), sorted((3, 1, 2)), sorted([]), sorted([1]))
recs = [{"n": i % 3, "i": i} for i in range(12)]
print([r["i"] for r in sorted(recs, key=lambda r: r["n"])])
print([r["i"] for r in sorted(recs, key=lambda r: r["n"], reverse=True)])
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print(type(e).__name__, e)
m = [3, 2, 1]
def bad_key(x):
    m.append(x)
    return x
try:
    m.sort(key=bad_key)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted([-1.5, 2, 0.5, -3, True, False]), sorted([[2, 1], [1, 2], [1], []]), sorted([(1, "b"), (1, "a")]))
import functools
print(sorted([5, 3, 9], key=functools.cmp_to_key(lambda a, b: b - a)))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v), min(K(2), K(1)))
big = [(i * 7919) % 1000 for i in range(1000)]
print(sorted(big)[:10], sorted(big)[-5:], sorted(big, reverse=True)[:3])
s = list(range(20))
s.sort(key=lambda x: x % 4)
print(s)
print(sorted("bBaA", key=str.lower), sorted([0.0, -0.0, 0]), sorted(["b", "a"], reverse=False))
