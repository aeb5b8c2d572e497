# dict insertion order across deletes and re-inserts, view set operations, view live updates, dict equality ignores order.
d = {}
for k in [5, 3, 9, 1]:
    d[k] = str(k)
print(list(d))
del d[3]
d[3] = "re"
d[5] = "updated"
print(list(d.items()))
keys, values, items = d.keys(), d.values(), d.items()
d[100] = "new"
print(list(keys), list(values)[-1], (100, "new") in items, len(items))
print(keys == {5, 9, 1, 3, 100}, keys & {1, 2}, keys | {0}, keys - {5}, keys ^ {5, 200}, keys.isdisjoint({7}))
print(items & {(5, "updated")}, items - {(5, "updated"), (9, "9"), (1, "1")}, (1, "1") in items, (1, "x") in items)
print(reversed(keys).__class__.__name__, list(reversed(items))[0])
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list({1: 0, 2: 0}) == list({2: 0, 1: 0}))
big = {}
for i in range(200):
    big[i] = i
for i in range(0, 200, 3):
    del big[i]
big[-1] = -1
print(list(big)[:6], list(big)[-2:], len(big))
print(dict(zip("cab", range(3))), dict.fromkeys("cab"), {**{"z": 1}, **{"a": 2}})
try:
    keys.add(5)
except AttributeError as e:
    print(type(e).__name__, e)
print(d.keys().mapping == d if hasattr(d.keys(), "mapping") else None, type(d.keys().mapping).__name__)
v1 = {}.values()
print(v1 == v1, {1: 2}.values() == {1: 2}.values())
od_like = {"first": 1}
od_like.update(second=2)
od_like.setdefault("third", 3)
od_like.pop("first")
od_like["first"] = 1
print(list(od_like))
print(list({}.fromkeys(range(5)).keys()), sorted({3: 1, 1: 2}.items(), key=lambda kv: kv[1], reverse=True))
