# parameter kinds: positional-only, keyword-only, defaults evaluated once, *args/**kwargs, and binding errors.
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, d=4), f(1, 9, 8, 7, 6, d=0, z=1), f(1, c=0, d=1), f(1, 2, 3, d=4, b=99))
for call in [lambda: f(d=1), lambda: f(1), lambda: f(1, 2, 3, 4, c=5, d=6), lambda: f(a=1, d=2), lambda: f(1, d=1, e=2, **{"e": 3})]:
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
def acc(x, seen=[]):
    seen.append(x)
    return seen
print(acc(1), acc(2), acc(3, []), acc.__defaults__)
def kwo(*, only):
    return only
try:
    kwo(1)
except TypeError as e:
    print(type(e).__name__, e)
def g(*args, **kwargs):
    return args, kwargs
print(g(*[1, 2], *(3,), **{"a": 1}, **{"b": 2}), g(), g(**{}))
try:
    g(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
def h(a, b):
    return a, b
try:
    h(1, a=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(1, c=3)
except TypeError as e:
    print(type(e).__name__, e)
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount, f.__defaults__, f.__kwdefaults__)
def ann(a: int = 1, *b: str, c: "x" = 2, **d: float) -> None:
    pass
print(ann.__annotations__)
