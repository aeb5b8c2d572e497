# Calls with multiple * and ** unpackings, keyword ordering, duplicate keyword errors, non-iterable/non-mapping unpack errors, and unpacking generic mappings.
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), *"ab", 4, *range(2)))
print(f(**{"a": 1}, b=2, **{"c": 3}))
print(f(1, *[2], x=1, **{"y": 2}, z=3))
for call in ["f(a=1, **{'a': 2})", "f(**{'a': 1}, **{'a': 2})", "f(*5)", "f(**[1])", "f(**{1: 2})", "f(*None)"]:
    try:
        eval(call)
    except TypeError as e:
        print(type(e).__name__, e)
class M:
    def keys(self): return ["k1", "k2"]
    def __getitem__(self, k): return k.upper()
print(f(**M()), dict(**M()), {**M()})
def g(a, b, c=3, *, d): return (a, b, c, d)
print(g(*[1, 2], d=4), g(1, *[2, 5], d=0), g(**{"a": 1, "b": 2, "d": 9}))
for call in ["g(*[1, 2, 3, 4], d=1)", "g(1, 2, a=1, d=1)", "g(1, 2)", "g(1, 2, e=1, d=1)", "g(1, b=2, **{'b': 3}, d=1)"]:
    try:
        eval(call)
    except TypeError as e:
        print(type(e).__name__, e)
def h(x, /, **kw): return x, kw
print(h(1, x=2), h(*[1], **{"x": 3}))
print(max(*[3, 1, 2]), print(*[], sep="-"), print(*["a", "b"], **{"sep": "+"}))
order = []
def t(v): order.append(v); return v
f(t(1), *[t(2)], k=t(3), **{"m": t(4)})
print(order)
