# dict.fromkeys (shared value, iterables, subclasses), setdefault, get, pop with default, popitem LIFO and errors.
d = dict.fromkeys("abc"); print(d)
d = dict.fromkeys(range(3), []); d[0].append(1); print(d)
print(dict.fromkeys([]), dict.fromkeys((1, 1, 2), "v"), dict.fromkeys({5: 0, 6: 0}, 0))
class D(dict):
    pass
r = D.fromkeys("xy", 1); print(r, type(r).__name__)
d = {}
print(d.setdefault("a", 1), d.setdefault("a", 2), d.setdefault("b"), d)
print(d.get("a"), d.get("zz"), d.get("zz", "dflt"), d.pop("a"), d.pop("zz", None), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
e = {1: "a", 2: "b", 3: "c"}
e[1] = "A"
print(e.popitem(), e.popitem(), e, e.popitem(), e)
try:
    e.popitem()
except KeyError as ex:
    print(type(ex).__name__, ex)
try:
    {}.setdefault([], 1)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    dict.fromkeys(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    {}.get()
except TypeError as ex:
    print(type(ex).__name__, ex)
print({}.get([], "unhashable-ok?") if False else "skip")
try:
    {}.get([])
except TypeError as ex:
    print(type(ex).__name__, ex)
