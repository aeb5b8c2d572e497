# Augmented assignment on subscripts and attributes evaluates the target once, calls __getitem__/__setitem__ or __getattr__/__setattr__ in order, and in-place vs rebinding semantics.
class Rec:
    def __init__(self): self.data = {"k": 1}
    def __getitem__(self, k): print("getitem", k); return self.data[k]
    def __setitem__(self, k, v): print("setitem", k, v); self.data[k] = v
r = Rec()
def key():
    print("evaluating key")
    return "k"
def obj():
    print("evaluating obj")
    return r
obj()[key()] += 5
print(r.data)
class A:
    def __getattribute__(self, n): print("get", n); return object.__getattribute__(self, n)
    def __setattr__(self, n, v): print("set", n, v); object.__setattr__(self, n, v)
a = A(); object.__setattr__(a, "x", 10)
a.x *= 3
print(object.__getattribute__(a, "x"))
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e, t)
s = "a"; s2 = s; s += "b"; print(s, s2)
lst = [1]; l2 = lst; lst += [2]; print(lst, l2, lst is l2)
x = 5
x //= 2; x **= 3; x %= 5; x <<= 4; x >>= 1; x |= 1; x &= 0b11110; x ^= 0xFF; x -= 1; x /= 2
print(x)
d = {"n": [0]}
d["n"][0] += 1; d["m"] = d.get("m", 0) + 1; print(d)
m = [[1, 2], [3, 4]]
i = 0
m[i][i + 1] *= 10; print(m)
try:
    undefined_name += 1
except NameError as e:
    print(type(e).__name__, e)
def local_aug():
    try:
        y += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 0
local_aug()
class Slots:
    __slots__ = ("v",)
sl = Slots()
try:
    sl.v += 1
except AttributeError as e:
    print(type(e).__name__, e)
