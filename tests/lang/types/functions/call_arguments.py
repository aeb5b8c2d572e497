# Argument binding: positional, keyword, defaults, *args/**kwargs, unpacking, and every error message.
def f(a, b, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, 2, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f(*[1, 2], **{"d": 4, "x": 0}))
print(f(1, *(2, 3), *[4], d=0, **{"e": 1}, **{"y": 2}))
def kwo(*, a, b=2): return a, b
print(kwo(a=1), kwo(b=3, a=4))
cases = [
    lambda: f(1, d=1),
    lambda: f(1, 2),
    lambda: f(1, 2, a=1, d=1),
    lambda: kwo(1),
    lambda: kwo(),
    lambda: kwo(a=1, c=2),
    lambda: f(1, 2, d=1, **{"d": 2}),
    lambda: f(1, 2, **{1: 2}, d=1),
    lambda: f(*5),
    lambda: f(**5),
    lambda: (lambda: 0)(1),
    lambda: (lambda x: 0)(),
    lambda: (lambda x, y: 0)(1, 2, 3),
    lambda: (lambda x=1: 0)(1, 2),
    lambda: (lambda a, /: 0)(a=1),
    lambda: (lambda a, b, c: 0)(1),
    lambda: (lambda *, a, b: 0)(),
    lambda: (lambda a, *, b: 0)(1, 2),
    lambda: len(),
    lambda: len(1, 2),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: int(x=1),
    lambda: sorted([], reverse=True, key=None, extra=1),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
def all_kinds(p, /, q, *a, r, **k): return p, q, a, r, k
print(all_kinds(1, 2, 3, r=4, p=5))
def star_only(*args): return args
print(star_only(), star_only(*range(5)), star_only(*"ab", *b"c"))
def kw_only(**kw): return kw
print(kw_only(), kw_only(**{"a": 1}, b=2), kw_only(**dict(x=1)))
class Mapping:
    def keys(self): return ["k1", "k2"]
    def __getitem__(self, k): return k.upper()
print(kw_only(**Mapping()))
def defaults_eval(x=print("default evaluated once") or 5): return x
print(defaults_eval(), defaults_eval())
print((lambda *a, **k: (a, k))(1, 2, x=3))
