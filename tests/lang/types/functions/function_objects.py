# Function objects: attributes, defaults, kwdefaults, annotations, code, closures, mutability of defaults.
def f(a, b=2, *args, c, d=4, **kw):
    "docstring of f"
    return a, b, args, c, d, kw
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount, f.__code__.co_varnames[:6], f.__code__.co_name)
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(a=1, c=2))
def g(x: int, y: "str" = "s") -> list: pass
print(g.__annotations__)
def outer():
    x = 1
    def inner(): return x
    return inner
i = outer()
print(i.__qualname__, i.__closure__[0].cell_contents, i.__code__.co_freevars, outer.__code__.co_cellvars, f.__closure__)
def accum(v, acc=[]):
    acc.append(v)
    return acc
print(accum(1), accum(2), accum.__defaults__)
f.__defaults__ = (20,)
print(f(1, c=3))
f.__kwdefaults__ = {"c": 30, "d": 40}
print(f(1))
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
f.custom = "attr"
print(f.custom, f.__dict__)
try:
    f.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
def nodoc(): pass
print(nodoc.__doc__, nodoc(), type(nodoc).__name__, callable(nodoc))
lam = lambda x, *, y=1: x + y
print(lam.__name__, lam(1), lam(1, y=5), lam.__code__.co_kwonlyargcount)
print(type(f.__globals__).__name__, f.__globals__ is globals(), f.__builtins__ is not None if hasattr(f, "__builtins__") else True)
class C:
    def m(self): pass
    class Inner:
        def n(self): pass
print(C.m.__qualname__, C.Inner.n.__qualname__, C.Inner.__qualname__)
def make():
    def local(): pass
    return local
print(make().__qualname__, (lambda: 0).__qualname__)
def posonly(a, b, /, c): return a, b, c
print(posonly(1, 2, 3), posonly(1, 2, c=3))
try:
    posonly(1, b=2, c=3)
except TypeError as e:
    print(type(e).__name__, e)
import types
h = types.FunctionType(f.__code__, {"__builtins__": __builtins__}, "fromcode", (0,), None)
print(h.__name__, h(7, c=1) if False else h.__defaults__)
print(f == f, f != g, hash(f) == hash(f))
