# __missing__ on dict subclasses: used by d[k] only (not get/in/pop), exceptions from it, and overridden __getitem__ visibility.
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter(a=1)
print(c["a"], c["zz"], c.get("zz"), "zz" in c, c, c.pop("zz", "pop-default"))
c["b"] += 5; print(c)
class Raising(dict):
    def __missing__(self, key):
        raise LookupError("no " + repr(key))
try:
    Raising()["k"]
except LookupError as e:
    print(type(e).__name__, e)
class Auto(dict):
    def __missing__(self, key):
        self[key] = value = Auto()
        return value
t = Auto(); t["x"]["y"]["z"] = 1; print(t)
class Upper(dict):
    def __getitem__(self, key):
        return super().__getitem__(key.upper())
u = Upper(A=1)
print(u["a"], u.get("a"), dict(u), list(u.items()), {**u})
class Missing:
    pass
m = dict(); m.__class__  # plain dict has no __missing__
try:
    m["x"]
except KeyError as e:
    print(type(e).__name__, e)
print(hasattr(dict, "__missing__"), hasattr(Counter, "__missing__"))
class Tuple(dict):
    def __missing__(self, key):
        return key
print(Tuple()[(1, 2)], Tuple()[()], Tuple()["s"])
try:
    {}[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    {}[()]
except KeyError as e:
    print(type(e).__name__, e, e.args)
