# dict methods: get/setdefault/pop/popitem/update forms/fromkeys/copy/clear, | and |=, and errors.
d = dict(a=1)
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("b", []), d.setdefault("a", 99), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
d.update({"x": 1}, y=2); d.update([("z", 3), ["w", 4]]); d.update(); print(d)
try:
    d.update([("bad",)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    d.update(1)
except TypeError as e:
    print(type(e).__name__, e)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
f = dict.fromkeys("abc"); g = dict.fromkeys([1, 2], [])
g[1].append("shared"); print(f, g)
c = g.copy(); c[3] = 0; print(len(g), len(c), c[1] is g[1])
print({"a": 1} | {"b": 2, "a": 0}, {1: 1} | {}, dict(a=1).__or__([1]))
h = {"k": 1}; h |= [("j", 2)]; h |= {"k": 9}; print(h)
try:
    {} | [("a", 1)]
except TypeError as e:
    print(type(e).__name__, e)
print(dict([(1, 2)], one=1), dict({"a": 1}, b=2), dict(zip("ab", range(2))), dict(), dict(**{"q": 0}))
class Keys:
    def keys(self):
        return ["m", "n"]
    def __getitem__(self, k):
        return k * 2
print(dict(Keys()), {**Keys()}, {**{"a": 1}, "a": 2, **{"b": 3}})
d = {1: "a"}; d.clear(); print(d, {1: 2} == {1.0: 2}, {1: 2} != {1: 3}, list({"x": 0, "y": 1}))
try:
    {} < {}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[]: 1}
except TypeError as e:
    print(type(e).__name__, e)
print(d.__class__.fromkeys((1,), 0), {0: 0}.__contains__(0.0), len({0: 1, 0.0: 2, False: 3}), {0: 1, 0.0: 2, False: 3})
