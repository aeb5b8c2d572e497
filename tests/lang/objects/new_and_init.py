# __new__ and __init__: immutable subclasses, singletons, argument checking.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Point(1, 2)
print(p, p.x, type(p).__name__, isinstance(p, tuple), len(p))

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("abc")
print(u, u + "d", type(u + "d").__name__, type(u).__name__)

class Positive(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(Positive(5) + 1, type(Positive(5) + 1).__name__)
try:
    Positive(-1)
except ValueError as e:
    print(type(e).__name__, e)

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())

class Counted:
    count = 0
    def __init__(self):
        type(self).count += 1
Counted(); Counted()
print(Counted.count)

# __new__ is a static method implicitly
print(type(Point.__dict__['__new__']).__name__)

# object.__new__ argument checking
class OnlyInit:
    def __init__(self, a): self.a = a
print(OnlyInit(3).a)
class OnlyNew:
    def __new__(cls, a):
        o = super().__new__(cls)
        o.a = a
        return o
print(OnlyNew(4).a)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
class ListSub(list):
    def __init__(self, *args):
        super().__init__(args)
print(ListSub(1, 2, 3), type(ListSub(1)).__name__)
class DictSub(dict):
    def __missing__(self, k): return k * 2
ds = DictSub(a=1)
print(ds['a'], ds['zz'], ds.get('zz'), 'zz' in ds)
print(int.__new__(bool, 0) if False else bool(0), float.__new__(float, "2.5"))
try:
    int.__new__(str, 1)
except TypeError as e:
    print(type(e).__name__, e)
