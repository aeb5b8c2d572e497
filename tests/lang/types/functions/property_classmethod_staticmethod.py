# property, classmethod, staticmethod: getters, setters, deleters, docs, chaining, errors.
class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self):
        "the temperature"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32, doc="derived")
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, Temp.fahrenheit.__doc__)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
p = Temp.__dict__["celsius"]
print(type(p).__name__, p.fget.__name__, p.fset.__name__, p.fdel.__name__, Temp.fahrenheit.fset)
print(isinstance(Temp.celsius, property), Temp.celsius.getter(lambda s: 1).fset is p.fset)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self): return "sub:" + str(self._c)
s = Sub(); s.celsius = 5
print(s.celsius)
class Counter:
    count = 0
    @classmethod
    def make(cls, *args):
        cls.count += 1
        return cls, args
    @staticmethod
    def util(a, b=1): return a + b
class SubCounter(Counter): pass
print(Counter.make(1), SubCounter.make(), Counter.count, SubCounter.count, Counter().make()[0].__name__)
print(Counter.util(1), Counter().util(1, 2), SubCounter.util(5))
sm = Counter.__dict__["util"]
cm = Counter.__dict__["make"]
print(type(sm).__name__, type(cm).__name__, sm.__func__.__name__, cm.__func__.__name__, sm(3))
print(sm.__wrapped__ is sm.__func__, cm.__wrapped__ is cm.__func__)
class Chained:
    @classmethod
    @property
    def name(cls): return "chained " + cls.__name__
print(Chained.name)
class NoGetter:
    p = property()
try:
    NoGetter().p
except AttributeError as e:
    print(type(e).__name__, e)
try:
    NoGetter().p = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Named:
    @property
    def value(self): return 1
try:
    Named().value = 2
except AttributeError as e:
    print(type(e).__name__, e)
print(property.__doc__ is not None, classmethod(len).__func__ is len, staticmethod(len)("abc"))
