# Decorator-built functions: functools.wraps, partial, lru_cache, reduce, cached_property.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        r = fn(*a, **k)
        print(f"{fn.__name__}{a} -> {r}")
        return r
    return wrapper
@trace
def add(a, b):
    "adds"
    return a + b
add(1, 2)
print(add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__)
p = functools.partial(add.__wrapped__, 10)
print(p(5), p.func.__name__, p.args, p.keywords, functools.partial(int, base=2)("101"))
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), len(calls), fib.cache_info())
print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], "init"))
class Lazy:
    @functools.cached_property
    def value(self):
        print("computing")
        return 42
l = Lazy()
print(l.value, l.value, "value" in l.__dict__)
@functools.singledispatch
def kind(x): return "object"
@kind.register
def _(x: int): return "int"
@kind.register(list)
def _(x): return "list"
print(kind(1), kind([]), kind("s"), kind(True))
