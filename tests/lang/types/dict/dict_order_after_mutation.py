# dict insertion order after delete/reinsert/update, equality ignoring order, and reversed() after mutation.
d = dict.fromkeys("abcde", 0)
del d["b"]; d["b"] = 1; d["a"] = 9
print(list(d), d == dict(sorted(d.items())), list(reversed(d)))
d.pop("c"); d.update({"c": 3, "a": 0}); print(list(d.items()))
for i in range(100):
    d["k%d" % i] = i
for i in range(0, 100, 2):
    del d["k%d" % i]
print(list(d)[:8], len(d))
e = {}
e[2] = "two"; e[1] = "one"; e[2.0] = "TWO"; e[True] = "ONE"
print(e, list(e.keys()))
print({1: 1, 2: 2} == {2: 2, 1: 1}, list({**{"x": 1}, **{"y": 2, "x": 3}}), dict(zip("cab", range(3))))
f = {"a": 1}
f.setdefault("b"); f.popitem(); f["z"] = 0
print(f, next(iter(f)), next(reversed(f.items())))
