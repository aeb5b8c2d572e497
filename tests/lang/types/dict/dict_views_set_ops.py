# dict views: keys/items set operations, liveness, len/contains/reversed, mapping attribute, and comparisons.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it, ["x"] in v if False else "-")
print(sorted(k & {"a", "z"}), sorted(k | ["z"]), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), k == {"a", "b", "c"}, k < {"a", "b", "c", "d"})
print(sorted(it & {("a", 1), ("b", 9)}), sorted(it - {("a", 1)}), it == {("a", 1), ("b", 2), ("c", 3)}, k.isdisjoint(["x"]))
d["d"] = 4
print(list(k), list(v), list(it)[-1], list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(k.mapping["a"], type(k).__name__, type(v).__name__, type(it).__name__, v == v, d.values() == d.values())
try:
    {1: [2]}.items() & {(1, 2)}
    print("ok")
except TypeError as e:
    print(type(e).__name__, e)
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
e = {"x": 1}
try:
    for key in e.keys():
        del e[key]
        e["y"] = 2
except RuntimeError as err:
    print(type(err).__name__, err)
print(e)
kk = {1: 1}.keys()
print(kk & {1.0}, {1, 2} - {1: 0}.keys(), {True: 0}.keys() == {1}, repr({}.keys()), repr({}.items()))
try:
    hash(kk)
except TypeError as err:
    print(type(err).__name__, err)
