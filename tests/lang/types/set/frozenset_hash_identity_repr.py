# frozenset hashing (order independent), use as dict key, repr/str of set and frozenset (ints only), subclass behaviour.
a = frozenset([1, 2, 3]); b = frozenset([3, 2, 1])
print(a == b, hash(a) == hash(b), {a: "x"}[b], hash(frozenset()) == hash(frozenset([])), frozenset() == set())
print(repr(frozenset()), repr(set()), repr({1}), repr(frozenset({1})), str(frozenset({2})), repr({(1, 2)}), repr(frozenset({frozenset()})))
class FS(frozenset):
    pass
f = FS([1, 2])
print(repr(f), f == a - {3}, type(f | {3}).__name__, type(f.copy()).__name__, hash(f) == hash(frozenset([1, 2])))
class S(set):
    pass
s = S([1])
print(repr(s), type(s | {2}).__name__, type(s.copy()).__name__, isinstance(s, set))
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(S())
except TypeError as e:
    print(type(e).__name__, e)
print(frozenset("aab") == frozenset("ab"), len(frozenset("mississippi")), frozenset(range(5)) - frozenset(range(2)) == {2, 3, 4})
x = frozenset({1}); print(x.copy() == x, frozenset(x) == x)
r = set(); r.add(r.__class__.__name__); print(r)
