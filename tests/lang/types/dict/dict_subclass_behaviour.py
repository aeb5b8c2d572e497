# dict subclasses: which builtin operations call overridden methods and which bypass them.
class Loud(dict):
    def __getitem__(self, k):
        print("__getitem__", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("__setitem__", k, v)
        super().__setitem__(k, v)
    def __contains__(self, k):
        print("__contains__", k)
        return super().__contains__(k)
    def keys(self):
        print("keys()")
        return super().keys()
d = Loud(a=1)
print("-- subscript")
d["b"] = 2
print(d["a"])
print("-- get/setdefault/update bypass overrides")
print(d.get("a"), d.setdefault("c", 3))
d.update(e=5)
print("-- in")
print("a" in d)
print("-- ** unpacking of a dict subclass uses keys() and __getitem__")
print(dict(**d) if False else {**d})
def kw(**k): return sorted(k)
print(kw(**d))
print("-- dict() copy")
print(dict(d))
print(type(d.copy()).__name__, type(d | {}).__name__, type({} | d).__name__)
class Default(dict):
    def __missing__(self, k): return "default"
dd = Default(x=1)
print(dd["missing"], dd.get("missing"), dd.pop("missing", "pop default"), "missing" in dd)
class Ordered(dict):
    def __iter__(self): return iter(sorted(super().keys()))
o = Ordered(b=1, a=2)
print(list(o), list(o.keys()), dict(o), [k for k in o])
