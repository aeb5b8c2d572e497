# Metaclass __call__ controlling instantiation (singletons, skipping __init__), metaclass __new__/__init__ arguments and kwargs, metaclass inheritance and conflicts.
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            print("creating", cls.__name__, a, k)
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class S(metaclass=Singleton):
    def __init__(self, v): self.v = v
print(S(1) is S(2), S(3).v)
class NoInit(type):
    def __call__(cls, *a):
        return cls.__new__(cls)
class N(metaclass=NoInit):
    def __init__(self): print("never")
print(type(N()).__name__)
class Tracing(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("meta new", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("meta init", name, kw)
        super().__init__(name, bases, ns)
class T(metaclass=Tracing, flag=True):
    x = 1
    def m(self): pass
class T2(T):
    y = 2
print(type(T2).__name__)
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)
class M3(M1, M2): pass
class D(A, B, metaclass=M3): pass
print(type(D).__name__)
class E(A): pass
print(type(E).__name__)
def func_meta(name, bases, ns):
    print("function as metaclass", name)
    return {"name": name}
class F(metaclass=func_meta):
    pass
print(F)
class Returning(type):
    def __call__(cls):
        return 42
class R(metaclass=Returning): pass
print(R())
class InstanceCount(type):
    def __init__(cls, *a):
        super().__init__(*a)
        cls.count = 0
    def __call__(cls, *a, **k):
        cls.count += 1
        return super().__call__(*a, **k)
class Counted(metaclass=InstanceCount): pass
Counted(); Counted()
print(Counted.count)
