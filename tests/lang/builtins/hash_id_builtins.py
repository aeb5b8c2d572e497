# hash() of builtin values that are independent of PYTHONHASHSEED; id() uniqueness properties.
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(0.5), hash(-0.5), hash(1e300), hash(float("inf")), hash(float("-inf")))
print(hash(1j), hash(2 - 3j), hash(True), hash(False), hash(None) == hash(None))
print(hash((1, 2)), hash((1, (2, 3))), hash(()), hash(frozenset({1, 2})), hash(frozenset()))
print(hash(range(0, 10, 2)) == hash(range(0, 10, 2)), hash(3) == hash(3.0) == hash(3 + 0j))
a = object(); b = object()
print(id(a) != id(b), id(a) == id(a), hash(a) == hash(a))
s = "string"
print(hash(s) == hash("str" + "ing"), hash(b"bytes") == hash(b"bytes"))
print(len({1, 1.0, True, 1 + 0j}), len({0, 0.0, -0.0, False, 0j}))
