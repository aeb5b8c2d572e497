# dict() constructor: keyword arguments, mapping + kwargs, iterable of pairs, duplicates, errors and copying semantics.
print(dict(), dict(a=1, b=2), dict({"a": 1}, b=2), dict([("a", 1), ["b", 2], "cd"]), dict(zip("xy", (1, 2))), dict({"a": 1}, a=2))
print(dict([(1, "first"), (1, "second")]), dict([(1, "a"), (1.0, "b"), (True, "c")]), dict(((i, i * i) for i in range(4))))
for args, kwargs in [(([1, 2],), {}), ((["abc"],), {}), ((5,), {}), (({}, {}), {}), ((["a"],), {})]:
    try:
        dict(*args, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
src = {"l": [1]}
cp = dict(src); cp["l"].append(2); cp["new"] = 1; print(src, cp, cp == src)
print({**{"a": 1}, "b": 2, **{"a": 3}}, {"a": 1, **{}}, dict(**{"k": "v"}))
try:
    dict(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
print(dict({1: 2}.items()), dict(enumerate("ab")), dict.__name__, type({}) is dict)
print({1: 1} == {1.0: 1}, {1: 1} == {1: 1.0}, {1: 2} != {1: 3}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print(type(e).__name__, e)
