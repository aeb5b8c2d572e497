# Structural hashes that CPython specifies independent of PYTHONHASHSEED: tuples (xxHash-based), frozensets and numbers in them.
for t in [(), (0,), (1,), (-1,), (1, 2), (2, 1), (1, (2, 3)), ((1, 2), 3), (1.5, 2j), (None,) if False else (True, False), tuple(range(20))]:
    print(t, hash(t))
for s in [frozenset(), frozenset({0}), frozenset({1, 2}), frozenset({-1, -2}), frozenset(range(10)), frozenset({(1, 2), 3})]:
    print(sorted(s, key=repr), hash(s))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(frozenset({1, 2})) == hash(frozenset({2.0, 1.0})))
print(hash(("a",)) == hash(("a",)), hash("") == 0, hash(b"") == 0, hash("abc") == hash(b"abc") if False else True)
