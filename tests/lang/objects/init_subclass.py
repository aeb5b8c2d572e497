# __init_subclass__: implicit classmethod, keyword arguments, chaining via super().
class Base:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        print("Base.__init_subclass__", cls.__name__, tag, kwargs)
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Base.registry.append(cls.__name__)

class A(Base, tag='a'): pass
class B(A): pass
class C(Base): pass
print(Base.registry, A.tag, B.tag, C.tag)

try:
    class D(Base, tag='d', unknown=1): pass
except TypeError as e:
    print(type(e).__name__, e)

class Mixin:
    def __init_subclass__(cls, **kwargs):
        print("Mixin.__init_subclass__", cls.__name__, sorted(kwargs))
        super().__init_subclass__(**kwargs)

class Combined(Base, Mixin, tag='both'): pass
print(Combined.tag)

try:
    class E(object, extra=1): pass
except TypeError as e:
    print(type(e).__name__, e)

# called after __set_name__
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Order:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__)
class Sub(Order):
    attr = Named()

# __init_subclass__ is implicitly a classmethod
print(type(Base.__dict__['__init_subclass__']).__name__)

# via type() with kwargs
T = type('T', (Base,), {}, tag='via type')
print(T.tag)
