# _functools: reduce, partial, cmp_to_key, _lru_cache_wrapper.
from _functools import reduce, partial, cmp_to_key, _lru_cache_wrapper
import operator

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def attempt_type(f):
    # For errors whose message names a type by its C-level tp_name ('collections.deque'),
    # which Tern spells as __name__ (docs/differences.md).
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6), 10), reduce(len, [], 'init'))
print(reduce(lambda a, b: a + [b], 'abc', []))
attempt(lambda: reduce(len, []))
attempt(lambda: reduce(len, 5))
attempt(lambda: reduce())
def f(*args, **kw):
    return args, sorted(kw.items())
p = partial(f, 1, a=2)
print(p(), p(3, b=4), p(a=5), p.func is f, p.args, p.keywords)
q = partial(p, 9, c=3)
print(q.func is f, q.args, q.keywords, q(0))
p.attr = 1
r = partial(p, 7)
print(r.func is p, r.args, p.__dict__)
attempt(lambda: partial())
attempt(lambda: partial(5))
attempt(lambda: setattr(p, 'args', ()))
print(partial(f, *range(20))(*range(5))[0][-3:])
print(partial(f, x=1)(x=2))
print(repr(partial(len, 'abc', k=1)).replace(repr(len), 'LEN'))
class P(partial):
    pass
print(repr(P(len)).startswith('P('), type(P(len)).__name__, P(len)('ab'))
print(partial[int])
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted('bca', key=cmp_to_key(lambda a, b: cmp(b, a))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(2) <= K(1), K(1) == K(1), K(3) > K(2), K(1).obj, type(K).__name__)
attempt(lambda: K(1) < 3)
attempt_type(lambda: hash(K(1)))
attempt(lambda: cmp_to_key())
from collections import namedtuple
CacheInfo = namedtuple('CacheInfo', 'hits misses maxsize currsize')
calls = []
def square(x):
    calls.append(x)
    return x * x
c = _lru_cache_wrapper(square, 2, False, CacheInfo)
print([c(i) for i in [1, 2, 1, 3, 2, 1]], calls, c.cache_info())
c.cache_clear(); print(c.cache_info())
u = _lru_cache_wrapper(square, None, False, CacheInfo)
print([u(i) for i in [1, 1.0, 2, 2]], u.cache_info())
t = _lru_cache_wrapper(square, 10, True, CacheInfo)
print([t(i) for i in [1, 1.0, 1]], t.cache_info())
z = _lru_cache_wrapper(square, 0, False, CacheInfo)
print(z(3), z(3), z.cache_info())
k = _lru_cache_wrapper(f, 5, False, CacheInfo)
print(k(1, a=2), k(1, a=2), k(a=2), k.cache_info())
attempt(lambda: _lru_cache_wrapper(5, 1, 1, 1))
attempt(lambda: _lru_cache_wrapper(len, 'a', 1, 1))
attempt(lambda: u([]))
class C:
    m = _lru_cache_wrapper(lambda self, x: (self.v, x), 4, False, CacheInfo)
    def __init__(self, v): self.v = v
print(C(1).m(2), C.m.cache_info().misses, C.m is C.__dict__['m'])
c.__wrapped__ = square
print(c.__wrapped__ is square, c.__dict__ == {'__wrapped__': square})
import copy
pc = copy.deepcopy(partial(f, [1], k=[2]))
print(pc(), pc.args, pc.keywords)
pd = partial(f, 1); pd.tag = 'x'
pe = copy.copy(pd)
red = partial(f).__reduce__()
print(pe.tag, pe.args, red[0] is partial, red[1] == (f,), red[2][1:], red[2][0] is f)
attempt(lambda: partial(f).__setstate__(1))
attempt(lambda: partial(f).__setstate__((1, 2)))
attempt(lambda: partial(f).__setstate__((5, (), None, None)))
