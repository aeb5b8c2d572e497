# abc: abstract methods/properties, instantiation errors, register, __subclasshook__, collections.abc mixins.
import abc, collections.abc as cabc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
    def describe(self): return f"{self.name} with area {self.area()}"
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)
class Partial(Shape):
    def area(self): return 1
try:
    Partial()
except TypeError as e:
    print(type(e).__name__, e)
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return "square"
print(Square(3).describe(), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
class Duck:
    def __len__(self): return 0
print(isinstance(Duck(), cabc.Sized), isinstance(Duck(), cabc.Iterable), issubclass(list, cabc.MutableSequence))
class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "quack") else NotImplemented
class Quacker:
    def quack(self): pass
print(issubclass(Quacker, Hooked), isinstance(1, Hooked))
@Hooked.register
class Registered: pass
print(issubclass(Registered, Hooked), Hooked.register(int) is int, isinstance(5, Hooked))
class MySeq(cabc.Sequence):
    def __init__(self, data): self.data = data
    def __len__(self): return len(self.data)
    def __getitem__(self, i): return self.data[i]
s = MySeq([3, 1, 3])
print(list(s), s.index(1), s.count(3), 3 in s, list(reversed(s)))
class MyMap(cabc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
mm = MyMap({"a": 1, "b": 2})
print(list(mm.keys()), list(mm.items()), mm.get("z", 0), "a" in mm, mm == {"a": 1, "b": 2})
print(type(Shape).__name__, abc.ABCMeta.__mro__[1].__name__)
