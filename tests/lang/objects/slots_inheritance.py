# __slots__ with inheritance: dict-less instances, parent without slots, __dict__/__weakref__ slots, conflicts.
class A:
    __slots__ = ("x",)
class B(A):
    __slots__ = ("y",)
class C(A):
    pass
b = B(); b.x, b.y = 1, 2
print(b.x, b.y, hasattr(b, "__dict__"), B.__slots__, sorted(k for k in B.__dict__ if not k.startswith("__")))
try:
    b.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
c = C(); c.x = 1; c.z = 2; print(c.__dict__, c.x)
class D:
    __slots__ = ("a", "__dict__")
d = D(); d.a = 1; d.b = 2; print(d.__dict__, d.a)
try:
    D().a
except AttributeError as e:
    print(type(e).__name__, e)
try:
    class E(A):
        __slots__ = ("x",)
    print("redeclared ok", E.__slots__)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class F:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(type(e).__name__, e)
class G:
    __slots__ = "single"
g = G(); g.single = 5; print(g.single, G.__slots__)
class H:
    __slots__ = ("__priv",)
    def __init__(self):
        self.__priv = 1
print(H()._H__priv, [n for n in dir(H) if "priv" in n])
del b.x
try:
    b.x
except AttributeError as e:
    print(type(e).__name__, e)
print(type(A.x).__name__, A.x.__name__, A.x.__objclass__.__name__)
try:
    class M1:
        __slots__ = ("a",)
    class M2:
        __slots__ = ("b",)
    class M3(M1, M2):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class I(int):
    __slots__ = ()
print(I(5) + 1, hasattr(I(5), "__dict__"))
try:
    class T(tuple):
        __slots__ = ("q",)
except TypeError as e:
    print(type(e).__name__, e)
