# __slots__: no __dict__, slot descriptors, inheritance, __weakref__, conflicts.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x): self.x = x

p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 2
print(p.y)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, '__dict__'), hasattr(p, '__weakref__'))
print(type(P.x).__name__, P.x.__name__)
del p.x
try:
    del p.x
except AttributeError as e:
    print(type(e).__name__, e)

class Q(P):
    pass
q = Q(4)
q.z = 5
print(q.__dict__)

class R(P):
    __slots__ = ('z', '__dict__')
r = R(6)
r.z = 7
r.w = 8
print(r.x, r.z, r.__dict__)

class S:
    __slots__ = 'single'
s = S()
s.single = 'one'
print(s.single, S.__slots__)

class WithWeak:
    __slots__ = ('__weakref__',)
print(hasattr(WithWeak(), '__weakref__'))

try:
    class Clash:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print(type(e).__name__, e)

class Empty:
    __slots__ = ()
try:
    Empty().anything = 1
except AttributeError as e:
    print(type(e).__name__, e)

# private names in slots are mangled
class M:
    __slots__ = ('__secret',)
    def __init__(self): self.__secret = 42
    def get(self): return self.__secret
print(M().get(), '_M__secret' in dir(M))

try:
    class A1: __slots__ = ('a',)
    class B1: __slots__ = ('b',)
    class AB(A1, B1): pass
except TypeError as e:
    print(type(e).__name__, e)

# slots with dict-typed __slots__ (docs)
class Doc:
    __slots__ = {'a': 'the a', 'b': 'the b'}
print(Doc.a.__doc__, Doc.b.__doc__)
