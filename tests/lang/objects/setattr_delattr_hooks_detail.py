# __setattr__/__delattr__ hooks: intercepting assignment in __init__, object.__setattr__ bypass, interaction with properties/slots, augmented assignment calls both get and set.
class Log:
    def __init__(self):
        self.a = 1
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
l = Log()
l.b = 2; l.a += 10; del l.b
print(vars(l))
try:
    del l.zz
except AttributeError as e:
    print(type(e).__name__, e)
class Frozen:
    def __init__(self, x): object.__setattr__(self, "x", x)
    def __setattr__(self, name, value): raise AttributeError("frozen: " + name)
    def __delattr__(self, name): raise AttributeError("frozen del: " + name)
f = Frozen(3); print(f.x)
for act in [lambda: setattr(f, "x", 4), lambda: delattr(f, "x"), lambda: f.__setattr__("y", 1)]:
    try:
        act()
    except AttributeError as e:
        print(type(e).__name__, e)
object.__setattr__(f, "x", 99); print(f.x)
class WithProp:
    @property
    def p(self): return "p"
    def __setattr__(self, name, value):
        print("hook before property:", name)
        super().__setattr__(name, value)
try:
    WithProp().p = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Slots:
    __slots__ = ("a",)
    def __setattr__(self, name, value):
        print("slots setattr", name)
        super().__setattr__(name, value)
s = Slots(); s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print(type(e).__name__, e)
class Item:
    def __init__(self): self.__dict__["v"] = [1]
    def __setattr__(self, n, v): print("set", n, v); self.__dict__[n] = v
i = Item(); i.v += [2]; print(i.v)
for bad in [lambda: setattr(l, 5, 1), lambda: delattr(l, None), lambda: object.__setattr__(l, 1, 1)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    object.__setattr__(int, "x", 1)
except TypeError as e:
    print(type(e).__name__, e)
