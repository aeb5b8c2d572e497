# Less common special methods: __bytes__, __fspath__, __sizeof__, __dir__, __reduce__, __copy__/__deepcopy__, __aiter__ via type.
import os, sys, copy
class B:
    def __bytes__(self): return b"B-bytes"
print(bytes(B()))
class BadBytes:
    def __bytes__(self): return "str"
try:
    bytes(BadBytes())
except TypeError as e:
    print(type(e).__name__, e)
class P:
    def __fspath__(self): return "/some/path"
print(os.fspath(P()), os.path.basename(P()), os.fspath("plain"), os.fspath(b"bytes"))
try:
    os.fspath(5)
except TypeError as e:
    print(type(e).__name__, e)
class Sized:
    def __sizeof__(self): return 1000
print(sys.getsizeof(Sized()) >= 1000)
class Dir:
    def __dir__(self): return ["b", "a", "c"]
print(dir(Dir()))
class Copyable:
    def __init__(self, v): self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Copyable(self.v)
    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Copyable(copy.deepcopy(self.v, memo))
c = Copyable([1, [2]])
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
print(c2.v is c.v, c3.v is c.v, c3.v == c.v)
class Plain:
    def __init__(self): self.items = [1, 2]
p = Plain()
pc, pd = copy.copy(p), copy.deepcopy(p)
print(pc.items is p.items, pd.items is p.items, type(pd).__name__)
class Reduced:
    def __init__(self, a): self.a = a
    def __reduce__(self): return (Reduced, (self.a * 2,))
print(copy.copy(Reduced(5)).a)
import pickle
data = pickle.loads(pickle.dumps({"k": [1, 2.5, "s", (None, True)], "r": Reduced(1)}))
print(data["k"], data["r"].a)
class WithGetState:
    def __init__(self): self.x, self.cache = 1, "big"
    def __getstate__(self): return {"x": self.x}
    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = "rebuilt"
w = pickle.loads(pickle.dumps(WithGetState()))
print(w.x, w.cache)
class Complexish:
    def __complex__(self): return 3j
print(complex(Complexish()), abs(complex(Complexish())))
class Ordered:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"O{self.v}"
print(max([Ordered(1), Ordered(3), Ordered(2)]), min(Ordered(5), Ordered(4)))
