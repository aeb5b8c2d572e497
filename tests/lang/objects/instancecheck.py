# isinstance/issubclass: tuples, __instancecheck__/__subclasscheck__, __class__ override.
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, A), issubclass(A, A))
print(isinstance(1, (str, (list, int))), issubclass(bool, (str, int)))
print(isinstance(True, int), isinstance(1, bool), issubclass(int, object))
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))

class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__)
        return isinstance(obj, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is str
class Anything(metaclass=Meta): pass
print(isinstance(5, Anything), isinstance("x", Anything))
print(issubclass(str, Anything), issubclass(int, Anything))
print(isinstance(Anything(), Anything))  # exact type match short-circuits

class Truthy(type):
    def __instancecheck__(cls, obj): return "yes"
class T(metaclass=Truthy): pass
print(isinstance(1, T))

try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(int, (int, 1))
    print("short-circuit ok")
except TypeError as e:
    print(type(e).__name__, e)

# __class__ property affects isinstance
class Liar:
    @property
    def __class__(self): return int
print(isinstance(Liar(), int), type(Liar()).__name__)

# __class__ assignment
class X: pass
class Y: 
    def hi(self): return "Y.hi"
x = X()
x.__class__ = Y
print(type(x).__name__, x.hi())
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)

# abc registration
import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
class Virtual: pass
Base.register(Virtual)
print(isinstance(Virtual(), Base), issubclass(Virtual, Base))
try:
    Base()
except TypeError as e:
    print(type(e).__name__, e)
class Impl(Base):
    def run(self): return "ran"
print(Impl().run())
print(isinstance([], __import__('collections.abc').abc.Sequence), isinstance({}, __import__('collections.abc').abc.Mapping))
print(isinstance(1, int | str), issubclass(bool, int | None))
