# Container special methods: __getitem__/__setitem__/__delitem__ with slices and tuples, __len__, __length_hint__, __missing__.
class Grid:
    def __init__(self): self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(repr(key), 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[repr(key)] = value  # slices are unhashable in 3.11
    def __delitem__(self, key):
        print("del", key)
        del self.cells[repr(key)]
    def __len__(self): return len(self.cells)
g = Grid()
g[1, 2] = 5
g[0:3] = "slice"
g[::2] = "step"
g[..., 0] = "ellipsis"
print(g[1, 2], g[0:3], len(g))
del g[1, 2]
try:
    del g[9]
except KeyError as e:
    print(type(e).__name__, e)
g["k"] += 3
print(g["k"])
class ReadOnly:
    def __getitem__(self, i): return i
r = ReadOnly()
try:
    r[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del r[0]
except TypeError as e:
    print(type(e).__name__, e)
class NotSubscriptable: pass
try:
    NotSubscriptable()[0]
except TypeError as e:
    print(type(e).__name__, e)
import operator
class Hint:
    def __iter__(self): return iter([])
    def __length_hint__(self): return 42
print(operator.length_hint(Hint()), operator.length_hint([1, 2]), operator.length_hint(iter(range(5))), operator.length_hint(object(), 7))
class D(dict):
    def __missing__(self, key):
        print("missing", key)
        self[key] = len(key)
        return self[key]
d = D()
print(d["abc"], d["abc"], d.get("zz"), "zz" in d, dict(d))
class SeqLike:
    def __len__(self): return 3
    def __getitem__(self, i):
        if not 0 <= i < 3: raise IndexError(i)
        return "abc"[i]
s = SeqLike()
print(list(s), "b" in s, list(reversed(s)), sorted(s, reverse=True), len(s))
class SetItemSlice(list):
    def __setitem__(self, k, v):
        print("list subclass setitem", type(k).__name__)
        super().__setitem__(k, v)
l = SetItemSlice([1, 2, 3])
l[0] = 9
l[1:] = [8]
print(l)
