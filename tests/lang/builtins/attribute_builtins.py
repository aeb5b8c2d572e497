# getattr/setattr/hasattr/delattr, vars, dir, type, id, hash basics, isinstance-related builtins.
class C:
    cls_attr = 1
    def __init__(self): self.x = 10
c = C()
print(getattr(c, "x"), getattr(c, "cls_attr"), getattr(c, "nope", "dflt"), hasattr(c, "x"), hasattr(c, "nope"))
setattr(c, "y", 20)
print(c.y, vars(c))
delattr(c, "y")
print(vars(c), hasattr(c, "y"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr()
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(c, "__class__").__name__, getattr(1, "real"), getattr("s", "upper")())
print([n for n in dir(c) if not n.startswith("__")], "x" in dir(c), dir(C) == sorted(dir(C)))
print(type(c).__name__, type(C).__name__, type(1), type("s"), type(None), type(type))
print(id(c) == id(c), id(c) != id(C()), isinstance(id(c), int))
print(hash(1) == hash(1.0), hash("abc") == hash("abc"), type(hash(c)).__name__)
print(callable(c), callable(C), callable(c.__init__), callable(print))
class Slotted:
    __slots__ = ("a",)
try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(vars(C).keys() - {"__dict__", "__weakref__", "__module__", "__doc__"}))
import math
print("sqrt" in dir(math), dir().__class__.__name__)
def local_dir():
    a = 1; b = 2
    return dir()
print(local_dir())
