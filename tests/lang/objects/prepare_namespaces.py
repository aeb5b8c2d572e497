# metaclass __prepare__: custom namespaces record definition order and duplicates, kwargs routing, non-dict errors.
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.log = []
    def __setitem__(self, k, v):
        self.log.append(k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return Recording()
    def __new__(mcls, name, bases, ns, **kw):
        print("log", [k for k in ns.log if not k.startswith("__")])
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class A(metaclass=Meta, flag=True):
    x = 1
    def f(self):
        pass
    x = 2
print(A.x, A.kw, type(A).__name__)
class B(A, extra=1):
    y = 3
class Bad(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class C(metaclass=Bad):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Auto(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key.upper()
        raise KeyError(key)
class AutoMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Auto()
class D(metaclass=AutoMeta):
    v = auto_value
print(D.v)
print(type.__prepare__("n", ()), type(type.__prepare__()).__name__)
try:
    class E(kwarg=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
