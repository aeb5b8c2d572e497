# __instancecheck__/__subclasscheck__ on metaclasses: called for isinstance/issubclass (not for exact type match), tuples, result truthiness, __subclasshook__ via ABCMeta-less approach and errors.
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return issubclass(sub, int)
class IntLike(metaclass=Meta): pass
print(isinstance(3, IntLike), isinstance("s", IntLike), issubclass(bool, IntLike), issubclass(str, IntLike))
print(isinstance(IntLike(), IntLike))
print(isinstance("s", (str, IntLike)), isinstance(2.0, (float, IntLike)), isinstance(2.5, (IntLike, float)))
class Truthy(type):
    def __instancecheck__(cls, inst): return "non-empty"
    def __subclasscheck__(cls, sub): return 0
class T(metaclass=Truthy): pass
print(isinstance(1, T), issubclass(int, T))
class Bases:
    def __init__(self, bases): self.__bases__ = bases
try:
    print(issubclass(Bases(()), int), issubclass(Bases((int,)), int))
except TypeError as e:
    print(type(e).__name__, e)
for args in [(1, 1), (1, "int"), (int, (int, 5))]:
    try:
        print(isinstance(*args))
    except TypeError as e:
        print(type(e).__name__, e)
for args in [(1, int), (int, 1), (int, (int, 1))]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print(type(e).__name__, e)
class Instance:
    __class__ = int
print(isinstance(Instance(), int), type(Instance()).__name__, isinstance(Instance(), Instance))
print(isinstance(1, int | str), issubclass(bool, int | None), isinstance(None, type(None) | int), isinstance(1, (str, (bytes, (int,)))))
class Raise(type):
    def __instancecheck__(cls, inst): raise RuntimeError("check failed")
class RR(metaclass=Raise): pass
try:
    isinstance(1, RR)
except RuntimeError as e:
    print(type(e).__name__, e)
