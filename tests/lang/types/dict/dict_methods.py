# dict: insertion order, every method, views, merge operators, errors.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), len(d))
del d["b"]
d["b"] = 4
print(d)
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("n", []), d)
print(d.pop("n"), d.pop("zz", "dflt"), d.popitem(), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
c = d.copy(); c.clear(); print(c, d == d.copy(), d.copy() is d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict(a=1), dict([("k", "v")]), dict({"p": 1}, q=2), dict())
print({1: 1} | {2: 2}, {1: 1, 2: 2} | {1: "new"})
e = {"a": 1}; e |= {"b": 2}; e |= [("c", 3)]; print(e)
k = d.keys()
d["late"] = 0
print(k, "late" in k, len(k))
print(sorted(d.keys() & {"a", "x"}), sorted(d.keys() | {"q"}), sorted(d.keys() - {"a"}), sorted(d.items() & {("a", 2)}), {"a": 1}.keys() == {"a"})
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items()))[:1])
try:
    for key in d:
        d["new" + key] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[]: 1}
except TypeError as e:
    print(type(e).__name__, e)
print({1: "a", 1.0: "b", True: "c"}, {(): 0, None: 1, "s": 2, 3.5: 3, frozenset(): 4})
print({"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {} != {1: 1})
try:
    {} < {}
except TypeError as e:
    print(type(e).__name__, e)
print({k: v for k, v in zip("abc", range(3))}, {**{"a": 1}, "b": 2, **{"a": 3}})
v = d.values()
print(type(v).__name__, type(d.keys()).__name__, type(d.items()).__name__, repr({}.values()), repr({"x": 1}.items()))
print(d.__contains__("a"), d.__getitem__("a"), d.__len__(), dict.__name__, len({i: i for i in range(1000)}))
big = {i: i * i for i in range(100)}
for i in range(0, 100, 2):
    del big[i]
print(list(big)[:5], sum(big.values()), 51 in big, 50 in big)
class M(dict):
    def __missing__(self, k): return "missing " + str(k)
print(M()["q"], M().get("q"))
print(dict.fromkeys(range(3), []).__repr__(), repr({"a": {"b": [1, (2,)]}}))
