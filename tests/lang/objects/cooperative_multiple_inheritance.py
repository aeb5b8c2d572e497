# Cooperative multiple inheritance: super() chains with **kwargs, diamond __init__ called once, method resolution order.
class Base:
    def __init__(self, **kw):
        print("Base.__init__", sorted(kw))
        super().__init__()
    def hello(self): return ["Base"]
class Named(Base):
    def __init__(self, name="?", **kw):
        print("Named.__init__", name)
        self.name = name
        super().__init__(**kw)
    def hello(self): return ["Named"] + super().hello()
class Aged(Base):
    def __init__(self, age=0, **kw):
        print("Aged.__init__", age)
        self.age = age
        super().__init__(**kw)
    def hello(self): return ["Aged"] + super().hello()
class Person(Named, Aged):
    def __init__(self, **kw):
        print("Person.__init__")
        super().__init__(**kw)
    def hello(self): return ["Person"] + super().hello()
p = Person(name="Ann", age=30, extra=1)
print(p.name, p.age, p.hello(), [c.__name__ for c in Person.__mro__])
class Mixin:
    def describe(self): return f"{type(self).__name__}: " + ", ".join(f"{k}={v}" for k, v in sorted(vars(self).items()))
class Described(Mixin, Person): pass
print(Described(name="Bo").describe())
class A:
    def f(self): return "A"
class B(A):
    def f(self): return "B>" + super().f()
class C(A):
    def f(self): return "C>" + super().f()
class D(B, C):
    def f(self): return "D>" + super().f()
print(D().f(), B().f(), super(B, D()).f(), super(C, D()).f())
try:
    Base(unexpected=1)
    print("object.__init__ received no kwargs")
except TypeError as e:
    print(type(e).__name__, e)
