# weakref.proxy: attributes, operators, containers, iteration and calls forward to the referent; unhashable.
import weakref


class Box:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Box(self.v + (o.v if isinstance(o, Box) else o))

    def __radd__(self, o):
        return Box(o + self.v)

    def __eq__(self, o):
        return isinstance(o, Box) and o.v == self.v

    def __lt__(self, o):
        return self.v < o.v

    def __len__(self):
        return self.v

    def __getitem__(self, i):
        return i * 2

    def __contains__(self, x):
        return x == self.v

    def __iter__(self):
        return iter(range(self.v))

    def __call__(self, *a, **k):
        return ("called", a, sorted(k.items()))

    def __neg__(self):
        return -self.v

    def __int__(self):
        return self.v

    def __index__(self):
        return self.v

    def __float__(self):
        return float(self.v)

    def __bool__(self):
        return self.v != 0

    def __str__(self):
        return "Box(%d)" % self.v


class Plain:
    pass


b = Box(3)
p = weakref.proxy(b)
print(type(p).__name__, p.v, (p + 1).v, (1 + p).v, (p + p).v, p == Box(3), p < Box(4), len(p), p[5], 3 in p, 4 in p)
print(list(p), p(1, x=2), -p, int(p), float(p), bool(p), str(p), [10, 20, 30, 40][p], hex(p))
p.w = 7
print(b.w, hasattr(p, "w"), p.__class__.__name__, isinstance(p, Box))
del p.w
print(hasattr(b, "w"))
q = weakref.proxy(Plain and b)
print(q is p, weakref.proxy(b, lambda x: None) is p)
for f in (lambda: hash(p), lambda: next(p)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
lst = [1, 2, 3]
s = {1, 2}
pl = Plain()
pp = weakref.proxy(pl)
print(type(pp).__name__, callable(pp), callable(p))
try:
    pp()
except TypeError as e:
    print(type(e).__name__)
pl.items = [5, 6]
pp.items.append(7)
print(pl.items)
x = weakref.proxy(b)
x += 1
print(type(x).__name__, x.v)
try:
    weakref.proxy(1)
except TypeError as e:
    print(type(e).__name__, e)
