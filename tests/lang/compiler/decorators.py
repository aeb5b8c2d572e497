# Decorators: order of application, arguments, class decorators, arbitrary expressions (3.9+).
log = []
def deco(name):
    log.append(f"make {name}")
    def apply(fn):
        log.append(f"apply {name} to {fn.__name__}")
        fn.tags = getattr(fn, "tags", []) + [name]
        return fn
    return apply
@deco("outer")
@deco("inner")
def f(): return "f"
print(log, f.tags, f())
def replace(fn): return "replaced"
@replace
def g(): pass
print(g)
def add_method(cls):
    cls.added = lambda self: "added method"
    return cls
@add_method
class C: pass
print(C().added())
decos = {"a": deco("dict")}
@decos["a"]
def h(): pass
print(h.tags)
@(lambda fn: fn)
def ident(): return "identity"
print(ident())
class Reg:
    items = []
    @classmethod
    def register(cls, fn):
        cls.items.append(fn.__name__)
        return fn
@Reg.register
def one(): pass
@Reg.register
def two(): pass
print(Reg.items)
def count_calls(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    return wrapper
@count_calls
def sq(x): return x * x
sq(2); sq(3)
print(sq.calls, sq.__name__)
def evaluated():
    print("decorator expression evaluated before def")
    return lambda fn: fn
@evaluated()
def late(): pass
class Methods:
    @staticmethod
    @count_calls
    def s(): return "s"
    @property
    @count_calls
    def p(self): return "p"
print(Methods.s(), Methods().p)
def deco_with_args(*dargs, **dkw):
    def d(fn):
        def w(*a): return (dargs, dkw, fn(*a))
        return w
    return d
@deco_with_args(1, 2, k="v")
def target(x): return x
print(target(5))
import traceback
def boom(fn): raise ValueError("decorator failed")
try:
    @boom
    def never(): pass
except ValueError as e:
    print(type(e).__name__, e, "never" in globals())
