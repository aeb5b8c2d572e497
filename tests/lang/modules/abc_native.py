# abc over the native _abc: abstract methods, register() and virtual subclasses, __subclasshook__,
# positive/negative caches and their invalidation by get_cache_token(), _get_dump/_reset_*, weak references
# to registered classes dropped once the classes die, the collection flags `match` tests, and the errors.
import _abc
import abc
import collections.abc as cabc
import gc

def attempt(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

print(abc.ABCMeta.__module__, type(abc.ABC._abc_impl).__name__, type(abc.ABC._abc_impl).__module__)
print(abc.get_cache_token is _abc.get_cache_token, sorted(n for n in dir(_abc) if not n.startswith('__')))

class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
    def concrete(self):
        return 1

print(sorted(Base.__abstractmethods__), type(Base.__abstractmethods__).__name__)
attempt(Base)

class Half(Base):
    def f(self):
        return 'f'

print(sorted(Half.__abstractmethods__))
attempt(Half)

class Full(Half):
    p = 3

print(sorted(Full.__abstractmethods__), Full().f(), Full().p, isinstance(Full(), Base), issubclass(Full, Base))

class Other:
    pass

token = abc.get_cache_token()
print(isinstance(Other(), Base), issubclass(Other, Base))
print(Base.register(Other) is Other, abc.get_cache_token() != token, abc.get_cache_token() == abc.get_cache_token())
print(isinstance(Other(), Base), issubclass(Other, Base), Base.register(Other) is Other)

class SubOther(Other):
    pass

print(issubclass(SubOther, Base), isinstance(SubOther(), Half))
reg, cache, neg, version = _abc._get_dump(Base)
print(type(reg).__name__, sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache), version == abc.get_cache_token())

# Negative cache, then invalidation by another register().
class Late:
    pass
print(issubclass(Late, Base))
print(sorted(r().__name__ for r in _abc._get_dump(Base)[2]))
Half.register(Late)
print(issubclass(Late, Base), issubclass(Late, Half), sorted(r().__name__ for r in _abc._get_dump(Base)[2]))

_abc._reset_caches(Base)
print([len(s) for s in _abc._get_dump(Base)[:3]])
_abc._reset_registry(Base)
print([len(s) for s in _abc._get_dump(Base)[:3]], issubclass(Other, Base))

# __subclasshook__
class Sized2(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return any('__len__' in B.__dict__ for B in C.__mro__)
        return NotImplemented

print(isinstance([], Sized2), isinstance(1, Sized2), issubclass(dict, Sized2))

class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42
attempt(issubclass, int, BadHook)
attempt(isinstance, 1, BadHook)

class Raising(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        raise KeyError('hook')
attempt(issubclass, int, Raising)

# instancecheck with __class__ different from type()
class Liar:
    @property
    def __class__(self):
        return Other
print(isinstance(Liar(), Base))
Base.register(Other)
print(isinstance(Liar(), Base))

# errors
attempt(Base.register, 1)
attempt(Base.register, Base)
attempt(Half.register, Base)
attempt(issubclass, 1, Base)
attempt(_abc._abc_instancecheck, int, 1)
class WrongImpl:
    _abc_impl = 5
attempt(_abc._abc_subclasscheck, WrongImpl, int)
attempt(_abc._get_dump, WrongImpl)
attempt(_abc._abc_init, 5)

# registered classes are held weakly: counted while held here, gone once
# dropped (a collection may come at any allocation, so they are held until then)
def register_temporaries(n):
    held = [type('Tmp%d' % i, (), {}) for i in range(n)]
    for cls in held:
        Base.register(cls)
    return held
temporaries = register_temporaries(20)
print(len(_abc._get_dump(Base)[0]))
for i in range(len(temporaries)):  # emptied slot by slot: a stale word may keep the list
    temporaries[i] = None
del temporaries
gc.collect()
# Collected classes leave the registry (a stale stack word may keep one or two alive in Tern).
print(len(_abc._get_dump(Base)[0]) < 5, all(r() is not None for r in _abc._get_dump(Base)[0]))

# collections.abc and the match statement's collection flags
class MySeq:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i

class MyMap:
    def __getitem__(self, k):
        return 1
    def __len__(self):
        return 1
    def __iter__(self):
        return iter(['a'])
    def keys(self):
        return ['a']
    def get(self, k, d=None):
        return 1

def kind(x):
    match x:
        case [a, b]:
            return 'seq', a, b
        case {'a': v}:
            return 'map', v
        case _:
            return 'other'

print(kind(MySeq()), kind(MyMap()))
cabc.Sequence.register(MySeq)
cabc.Mapping.register(MyMap)
class SubSeq(MySeq):
    pass
print(kind(MySeq()), kind(MyMap()), kind(SubSeq()), isinstance(MySeq(), cabc.Sequence))
print(bool(MySeq.__flags__ & (1 << 5)), bool(MyMap.__flags__ & (1 << 6)))
try:
    class Both(abc.ABC):
        __abc_tpflags__ = (1 << 5) | (1 << 6)
except TypeError as e:
    print('TypeError', e)
class Flagged(abc.ABC):
    __abc_tpflags__ = 1 << 5
print('__abc_tpflags__' in Flagged.__dict__, kind(Flagged()) if False else bool(Flagged.__flags__ & (1 << 5)))

print(isinstance(3, cabc.Hashable), isinstance([], cabc.Hashable), issubclass(list, cabc.MutableSequence),
      issubclass(tuple, cabc.MutableSequence), isinstance(iter([]), cabc.Iterator), issubclass(str, cabc.Collection))
import numbers
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Rational), issubclass(bool, numbers.Number))
import io
out = io.StringIO()
Base._dump_registry(out)
print([line.split(':')[0] for line in out.getvalue().splitlines()])
