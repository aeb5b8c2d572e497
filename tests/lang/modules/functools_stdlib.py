# functools' pure-Python parts on the natives: wraps, total_ordering, cached_property, lru_cache, partialmethod.
import functools

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@deco
def greet(name):
    "Say hello."
    return 'hi ' + name
print(greet('x'), greet.__name__, greet.__doc__, greet.__wrapped__.__name__, greet.__qualname__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)], key=lambda v: v.v)[0].v)
class Lazy:
    def __init__(self): self.n = 0
    @functools.cached_property
    def value(self):
        self.n += 1
        return self.n * 10
lz = Lazy()
print(lz.value, lz.value, lz.n, 'value' in lz.__dict__)
@functools.lru_cache(maxsize=2)
def sq(n):
    return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info(), sq.__name__, sq.cache_parameters())
@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().currsize)
@functools.cache
def one(x):
    return [x]
print(one(1) is one(1), one.__wrapped__(1) is one(1))
class M:
    def f(self, a, b): return (a, b)
    g = functools.partialmethod(f, 1)
print(M().g(2), functools.reduce(lambda a, b: a * b, range(1, 6)))
p = functools.partial(max, 3)
print(p(1), p(5), functools.partial(p, 10)(), type(p).__name__)
print(sorted(['b', 'a', 'c'], key=functools.cmp_to_key(lambda a, b: (a < b) - (a > b))))
class S:
    @functools.lru_cache(maxsize=None)
    def m(self, x):
        return x + 1
s = S()
print(s.m(1), s.m(1), S.m.cache_info().hits)
