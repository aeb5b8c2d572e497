# dict views: live updates, reversed(), len, membership, .mapping, view set ops with lists, and iteration-size errors.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
d["d"] = 4; del d["a"]
print(list(k), list(v), list(i), len(k), len(v), len(i))
print(list(reversed(d)), list(reversed(k)), list(reversed(v)), list(reversed(i)))
print("b" in k, 2 in v, ("b", 2) in i, ("b", 3) in i, "zz" in k, (["unhashable"], 1) in i if False else "skip")
print(k.mapping == d, type(k.mapping).__name__, dict(i.mapping) == d)
print(sorted(k & ["b", "x"]), sorted(k | ["x"]), sorted(k - ["b"]), sorted(k ^ {"b", "q"}), sorted(i & {("c", 3)}))
print(k == {"b", "c", "d"}, k == ["b", "c", "d"], i == {("b", 2), ("c", 3), ("d", 4)}, v == v, d.values() == d.values())
print(k.isdisjoint(["x"]), k.isdisjoint(["b"]), i.isdisjoint([("b", 2)]), k < {"b", "c", "d", "e"}, k >= {"b"})
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 1, 2: 2}
try:
    for key in d.values():
        del d[1]
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 1}
for key in d:
    d[key] = 100
print(d)
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
print(type(k).__name__, type(v).__name__, type(i).__name__, type(iter(k)).__name__, type(reversed(i)).__name__)
print(repr({"x": 1}.keys()), repr({"x": 1}.values()), repr({"x": 1}.items()))
