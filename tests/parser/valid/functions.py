def f0(): pass
def f1(a): pass
def f2(a, b=1): pass
def f3(a, /): pass
def f4(a, /, b): pass
def f5(a, b=1, /, c=2): pass
def f6(a, /, b, *, c): pass
def f7(*, a): pass
def f8(*, a=1, b): pass
def f9(*args): pass
def f10(**kwargs): pass
def f11(*args, **kwargs): pass
def f12(a, b=2, *args, c, d=4, **kwargs): pass
def f13(a, b=2, /, c=3, *args, d, e=5, **kwargs): pass
def f14(a: int, b: 'str' = 'x', *args: tuple, c: int = 1, **kwargs: dict) -> None: pass
def f15(a: int, /, b: int = 2, *, c: int) -> 'return': pass
def f16(*args: *Ts): pass
def f17(a,): pass
def f18(a, *,
        b,): pass
def f19(
    a,
    b=1,
    /,
    c=2,
    *args,
    d,
    **kwargs,
): pass
def f20(a=lambda: 1, b=(yield_ := 3)): pass
def f21() -> lambda: 1: pass
def with_doc():
    """Docstring with 'quotes'."""
    return 1
def type_comment(a,  # comment
                 b):
    pass

@decorator
def d1(): pass

@decorator()
@decorator.attr
@decorator.attr(1, k=2)
def d2(): pass

@a[0]
@a[0].b(c)
@(lambda f: f)
@x if y else z
@(yield_)
@a := b
@f(x for x in y)
@a.b.c.d()()
def d3(): pass

@dataclass(frozen=True)
class Decorated:
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): pass

def recursive(n):
    return 1 if n <= 1 else n * recursive(n - 1)

def closure():
    counter = 0
    def inc():
        nonlocal counter
        counter += 1
        return counter
    return inc

def local_class():
    class Local:
        def m(self):
            return __class__
    return Local
