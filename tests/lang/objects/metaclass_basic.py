# Metaclasses: __new__/__init__/__call__, inheritance of metaclass, conflicts.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)

class A(metaclass=Meta, flag=True):
    x = 1
    def __init__(self, v): self.v = v

a = A(5)
print(a.v, A.created_by, type(A).__name__)

class B(A):
    y = 2
print(type(B).__name__)

class OtherMeta(type): pass
class O(metaclass=OtherMeta): pass
try:
    class Bad(A, O):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class SubMeta(Meta): pass
class S(metaclass=SubMeta): pass
class Mixed(A, S): pass
print(type(Mixed).__name__)

# type() with three arguments
T = type('T', (object,), {'f': lambda self: 'f called', 'n': 3})
print(T.__name__, T().f(), T.n, type(T) is type)
print(type(5) is int, type(type) is type)
try:
    type('X', (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type('X', ())
except TypeError as e:
    print(type(e).__name__, e)

# a plain function as metaclass
def fmeta(name, bases, ns):
    ns['added'] = name * 2
    return type(name, bases, ns)
class F(metaclass=fmeta): pass
print(F.added)

# metaclass methods are visible on the class, not on instances
class M2(type):
    def describe(cls): return "class " + cls.__name__
class K(metaclass=M2): pass
print(K.describe())
print(hasattr(K(), 'describe'))
print(isinstance(K, M2), isinstance(K, type))
