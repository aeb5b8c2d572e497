# dir(): sorted output, custom __dir__ (any iterable, gets sorted), modules/classes/instances; vars(): __dict__ of objects, TypeError without __dict__, vars() with no args in a function.
class Base:
    b = 1
    def bm(self): pass
class Child(Base):
    c = 2
    def __init__(self): self.inst = 3
names = dir(Child())
print([n for n in names if not n.startswith("__")], names == sorted(names), "__init__" in names, "__weakref__" in names)
print([n for n in dir(Child) if not n.startswith("__")])
class Custom:
    def __dir__(self): return ("zeta", "alpha", "alpha", "Mid")
print(dir(Custom()))
class BadDir:
    def __dir__(self): return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)
print(vars(Child()), sorted(k for k in vars(Child) if not k.startswith("__")), type(vars(Child)).__name__)
class Slots:
    __slots__ = ("s",)
for obj in [5, Slots(), "s"]:
    try:
        vars(obj)
    except TypeError as e:
        print(type(e).__name__, e)
def local_vars(a, b=2):
    c = a + b
    return vars()
print(local_vars(1))
try:
    vars(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
class DictProp:
    @property
    def __dict__(self): return {"fake": True}
print(vars(DictProp()))
print("sys" in dir(__import__("sys")) if False else "argv" in dir(__import__("sys")), [n for n in dir(5) if n in ("real", "imag", "bit_length")])
print(sorted(set(dir([])) - set(dir(object)))[:5])
x_local = 1
print("x_local" in dir(), dir() == sorted(dir()))
