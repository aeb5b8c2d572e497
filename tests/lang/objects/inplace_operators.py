# In-place operators: __iXXX__, fallback to binary, rebinding semantics.
class I:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"I({self.v})"
for name in ['add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod', 'pow',
             'lshift', 'rshift', 'and', 'xor', 'or']:
    def make(name):
        def op(self, o):
            print(f"__i{name}__", self.v, o)
            self.v = f"{self.v}{name}{o}"
            return self
        return op
    setattr(I, f"__i{name}__", make(name))

x = I(0)
orig = x
x += 1; x -= 2; x *= 3; x @= 4; x /= 5; x //= 6; x %= 7; x **= 8
x <<= 9; x >>= 10; x &= 11; x ^= 12; x |= 13
print(x is orig, x)

class OnlyBinary:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyBinary(self.v + o)
a = OnlyBinary(1)
b = a
a += 5
print(a is b, a.v, b.v)

class NotImpl:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "fell back to __add__"
n = NotImpl()
n += 1
print(n)

class ReturnsOther:
    def __iadd__(self, o): return 42
r = ReturnsOther()
r += 1
print(r)

class RightSide:
    def __radd__(self, o): return "radd"
z = 1
z += RightSide()
print(z)

# lists: += extends in place, + creates new
l = [1]
m = l
l += (2, 3)
print(l is m, m)
try:
    l = l + (4,)
except TypeError as e:
    print(type(e).__name__, e)

# tuple item += list: mutates then fails
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(t)

# augmented assignment to subscript and attribute evaluates target once
class Spy:
    def __init__(self): self.d = {'k': 1}
    def __getitem__(self, k): print("getitem", k); return self.d[k]
    def __setitem__(self, k, v): print("setitem", k, v); self.d[k] = v
s = Spy()
def key():
    print("key evaluated")
    return 'k'
s[key()] += 10
print(s.d)
s2 = 5
s2 **= 2
s2 //= 3
print(s2)
try:
    q = 1
    q += "x"
except TypeError as e:
    print(type(e).__name__, e)
