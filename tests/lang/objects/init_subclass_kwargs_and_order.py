# __init_subclass__: class keyword arguments, implicit classmethod, super() chaining in multiple inheritance, ordering relative to __set_name__ and metaclass __init__.
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin, name="alpha"): pass
class B(Plugin): pass
class C(A): pass
print(Plugin.registry, A.plugin_name, C.plugin_name)
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print(type(e).__name__, e)
class Left:
    def __init_subclass__(cls, **kw):
        print("Left", cls.__name__, kw)
        super().__init_subclass__(**kw)
class Right:
    def __init_subclass__(cls, **kw):
        print("Right", cls.__name__, kw)
        super().__init_subclass__()
class Child(Left, Right, extra=1): pass
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", name, hasattr(owner, "initialised"))
class Meta(type):
    def __init__(cls, *a, **k):
        print("meta init", cls.__name__)
        super().__init__(*a, **k)
class Base(metaclass=Meta):
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__)
        cls.initialised = True
class Derived(Base):
    d = Desc()
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
class NotCalledForSelf:
    def __init_subclass__(cls):
        print("for", cls.__name__)
print("defined base")
class Sub1(NotCalledForSelf): pass
class Sub2(Sub1): pass
try:
    class NoKw(kw=1): pass
except TypeError as e:
    print(type(e).__name__, e)
