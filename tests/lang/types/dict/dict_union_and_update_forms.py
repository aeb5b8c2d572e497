# dict | and |= (right wins, order kept), update() with mappings, iterables of pairs and keywords, and errors.
a = {"x": 1, "y": 2}; b = {"y": 20, "z": 30}
print(a | b, b | a, a, a | {}, {} | a)
c = a; c |= b; print(c, c is a, a)
c |= [("w", 0), ("x", 100)]; print(c)
for bad in [lambda: a | [("k", 1)], lambda: [("k", 1)] | a, lambda: a | None]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    c |= 5
except TypeError as e:
    print(type(e).__name__, e)
d = {}
d.update({"a": 1}); d.update([("b", 2)], c=3); d.update(d=4); d.update(); d.update((k, v) for k, v in [("e", 5)]); print(d)
class Keys:
    def keys(self): return ["p", "q"]
    def __getitem__(self, k): return k.upper()
d.update(Keys()); print(d, dict(Keys()))
for bad in [[1, 2], [("a",)], [("a", 1, 2)], 5]:
    try:
        d.update(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class DSub(dict):
    pass
r = DSub(a=1) | {"b": 2}; print(r, type(r).__name__)
r = {"b": 2} | DSub(a=1); print(r, type(r).__name__)
print({1: "int"} | {1.0: "float", True: "bool"})
