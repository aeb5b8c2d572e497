# Bound methods, unbound functions, method attributes, cells and closures over loops.
class C:
    def __init__(self, v): self.v = v
    def get(self, add=0): return self.v + add
    @classmethod
    def cm(cls): return cls.__name__
    @staticmethod
    def sm(x): return x * 2
c = C(5)
m = c.get
print(m(), m(1), m.__self__ is c, m.__func__ is C.get, m.__name__, m.__qualname__, type(m).__name__)
print(C.get(c, 2), C.get.__qualname__, type(C.get).__name__, C.cm(), c.cm(), C.sm(3), c.sm(4), type(C.cm).__name__)
print(c.get == c.get, c.get is c.get, c.get == C(5).get, hash(c.get) == hash(c.get))
m2 = c.get
c.v = 100
print(m2())
print(C.cm.__self__ is C, C.sm.__name__)
try:
    C.get()
except TypeError as e:
    print(type(e).__name__, e)
try:
    m.__self__ = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(m.__doc__, m.__func__.__code__.co_name)
import types
bm = types.MethodType(lambda self, x: (self, x), "bound-to-str")
print(bm(1))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc, lambda: n
inc, peek = counter()
inc(); inc()
print(peek(), inc.__closure__[0] is peek.__closure__[0], inc.__closure__[0].cell_contents)
cell = inc.__closure__[0]
cell.cell_contents = 50
print(peek(), inc())
import types as t
empty = t.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
print(t.CellType(3).cell_contents, type(cell).__name__)
def late():
    def get(): return x
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    x = 1
    return get()
print(late())
def delcell():
    x = 1
    def g(): return x
    del x
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
delcell()
class Desc:
    def method(self): pass
print(Desc.__dict__["method"].__get__(Desc(), Desc).__func__ is Desc.method, len.__self__.__name__, [].append.__self__ == [], [].append.__name__)
print(type(len).__name__, type([].append).__name__, type(list.append).__name__, type(dict.__dict__["fromkeys"]).__name__, type(str.join).__name__)
