# globals(), locals() in functions/classes/comprehensions, vars() with and without arguments.
g = globals()
print(type(g).__name__, g["__name__"], "g" in g)
def f(a, b=2):
    c = 3
    loc = locals()
    return sorted(loc)
print(f(1))
def f2():
    x = 1
    l1 = locals()
    y = 2
    l2 = locals()
    return sorted(l1), l1 is l2
print(f2())
class C:
    p = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
    print(sorted(k for k in vars() if not k.startswith("__")))
print(C.names)
print([sorted(k for k in locals() if not k.startswith('.')) for _ in range(1)])
print(vars() is globals())
def closure():
    free = 1
    def inner():
        return sorted(locals())
    def uses_free():
        free
        return sorted(locals())
    return inner(), uses_free()
print(closure())
import types
ns = types.SimpleNamespace(a=1, b=2)
print(vars(ns), ns)
