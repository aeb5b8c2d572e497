# set construction: literals with duplicates of equal numerics, comprehensions, from iterables, frozenset identity and repr.
print({1, 1.0, True}, {0, False, 0.0}, {1.0, 1}, {True, 1}, type({*()}).__name__, {*"aa", *[1]} == {"a", 1})
print(sorted({x % 3 for x in range(10)}), sorted(set("mississippi")), sorted(frozenset(range(5), )), set(), frozenset())
print(sorted(set({"k": 1, "j": 2})), sorted(set(dict.fromkeys([3, 1]).keys())), len(set(range(1000)) & set(range(500, 1500))))
print(repr({(1, 2)}), repr(frozenset({frozenset()})), {None}, sorted({-1, -2, 3}), {2 ** 64, 2.0 ** 64})
for bad in [5, [[1]], None]:
    try:
        set(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    set([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
s = set([3]); s.__init__([4, 5]); print(sorted(s))
class FS(frozenset):
    pass
x = FS([1]); print(type(x).__name__, repr(x), type(x | {2}).__name__, FS() == frozenset(), hash(FS([1])) == hash(frozenset([1])))
