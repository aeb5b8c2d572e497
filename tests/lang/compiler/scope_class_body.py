# Class scopes: names not visible from methods, comprehension in class body, __qualname__, name mangling.
x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self): return x
    lst = [x for _ in range(1)]   # comprehension sees global, not class x
    first = [i for i in range(3)]
    def uses_class_via_self(self): return self.x
print(C.y, C().m(), C.lst, C.first, C().uses_class_via_self())
def f():
    x = "function"
    class D:
        x = "class D"
        def m(self): return x
        got = x
    class E:
        got = x
    return D().m(), D.got, E.got
print(f())
def g():
    y = 1
    class K:
        y = 2
        z = y
    return K.z, y
print(g())
class Mangle:
    __secret = "mangled"
    def get(self): return self.__secret
    def names(self): return [n for n in dir(self) if "secret" in n]
    __dunder__ = "not mangled"
print(Mangle().get(), Mangle().names(), Mangle._Mangle__secret, Mangle.__dunder__)
try:
    Mangle.__secret
except AttributeError as e:
    print(type(e).__name__, e)
class _Under:
    __a = 1
print([n for n in vars(_Under) if "a" in n and not n.startswith("__")])
class Outer:
    class Inner:
        __v = 5
        def get(self): return self.__v
print(Outer.Inner().get(), Outer.Inner.__qualname__)
class Defaults:
    factor = 3
    def scale(self, v, f=factor): return v * f
print(Defaults().scale(2))
class Body:
    items = []
    for i in range(3):
        items.append(i * i)
    del i
    total = sum(items)
print(Body.items, Body.total, hasattr(Body, "i"))
class Locals:
    a = 1
    ns = sorted(k for k in locals() if not k.startswith("__"))
print(Locals.ns)
class GlobalDecl:
    global from_class
    from_class = "set from class body"
print(from_class)
def h():
    v = "enclosing"
    class K:
        nonlocal v
        v = "changed by class"
    return v
print(h())
class Ann:
    a: int
    b: str = "x"
print(Ann.__annotations__, hasattr(Ann, "a"), Ann.b)
