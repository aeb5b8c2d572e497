# __slots__ edge cases: duplicates, a str as __slots__, sorted members, __dict__/__weakref__ slots, conflicts, var-sized bases, __class__ assignment compatibility.
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, '|', e)
t(lambda: type('Q', (), {'__slots__': ('a', 'a')}).__name__)
t(lambda: type('Q', (), {'__slots__': 'abc'}).__slots__)
t(lambda: sorted(k for k in type('Q', (), {'__slots__': ['b', 'a']}).__dict__ if len(k) == 1))
t(lambda: type('Q', (), {'__slots__': ('__weakref__', '__weakref__')}))
t(lambda: type('Q', (), {'__slots__': ('__dict__', '__dict__')}))
t(lambda: type('Q', (), {'__slots__': (1,)}))
t(lambda: type('Q', (), {'__slots__': ('1a',)}))
t(lambda: type('Q', (), {'__slots__': ('a',), 'a': 1}))
t(lambda: type('Q', (int,), {'__slots__': ('a',)}))
t(lambda: type('Q', (tuple,), {'__slots__': ('a',)}))
t(lambda: type('Q', (bytes,), {'__slots__': ('a',)}))
t(lambda: type('Q', (str,), {'__slots__': ('a',)}).__name__)
class WithDict: pass
t(lambda: type('Q', (WithDict,), {'__slots__': ('a',)})().__dict__)
class S1:
    __slots__ = ('x',)
class S2:
    __slots__ = ('y',)
class S3:
    __slots__ = ('x',)
def assign(a, b):
    o = a()
    o.__class__ = b
    return type(o).__name__
t(lambda: assign(S1, S3))
t(lambda: assign(S1, S2))
t(lambda: assign(S1, WithDict))
class P1: pass
class P2: pass
t(lambda: assign(P1, P2))
def slot_values():
    class C:
        __slots__ = ('a', 'b', '__dict__')
    c = C(); c.a = 1; c.b = 2; c.c = 3
    del c.a
    return hasattr(c, 'a'), c.b, c.__dict__
t(slot_values)
def del_unset():
    class C:
        __slots__ = ('a',)
    del C().a
t(del_unset)
