# Special methods are looked up on the type: instance attributes are ignored, class assignment after creation works.
class C: pass
c = C()
c.__len__ = lambda: 5
c.__repr__ = lambda: "instance repr"
try:
    len(c)
except TypeError as e:
    print(type(e).__name__, e)
print(repr(c).startswith("<__main__.C object"))
C.__len__ = lambda self: 7
C.__repr__ = lambda self: "class repr"
C.__add__ = lambda self, o: f"added {o}"
C.__eq__ = lambda self, o: True
C.__hash__ = lambda self: 99
C.__iter__ = lambda self: iter("xy")
C.__getitem__ = lambda self, k: k * 2
C.__call__ = lambda self, *a: ("called", a)
C.__bool__ = lambda self: False
print(len(c), repr(c), c + 1, c == 5, hash(c), list(c), c[4], c(1, 2), bool(c))
del C.__len__
try:
    len(c)
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __str__(self): return "Base str"
class Derived(Base): pass
d = Derived()
print(str(d))
Base.__str__ = lambda self: "patched Base str"
print(str(d))
Derived.__str__ = lambda self: "Derived own"
print(str(d))
del Derived.__str__
print(str(d))
class Meta(type):
    def __len__(cls): return 123
    def __iter__(cls): return iter([cls.__name__])
class WithMeta(metaclass=Meta): pass
print(len(WithMeta), list(WithMeta))
try:
    len(WithMeta())
except TypeError as e:
    print(type(e).__name__, e)
class GetattrOnMeta(type):
    def __getattr__(cls, name): return f"meta getattr {name}"
class G(metaclass=GetattrOnMeta): pass
print(G.anything)
try:
    len(G)
except TypeError as e:
    print(type(e).__name__, e)
class Descr:
    def __get__(self, obj, owner):
        return lambda *a: "via descriptor"
class UsesDescr:
    __len__ = Descr()
    def __len__w(self): return 0
try:
    print(len(UsesDescr()))
except TypeError as e:
    print(type(e).__name__, e)
class Neg:
    __neg__ = lambda self: "neg via lambda attribute"
print(-Neg())
