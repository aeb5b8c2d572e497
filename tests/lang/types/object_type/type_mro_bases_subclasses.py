# type attributes: __bases__/__base__/__mro__/mro(), __subclasses__ order, assigning __name__/__qualname__/__bases__/__class__, and their errors.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()], D.__base__.__name__, [k.__name__ for k in D.__bases__])
print([k.__name__ for k in A.__subclasses__()], B.__subclasses__() == [D], object in D.__mro__, int.__base__, bool.__base__.__name__)
A.__name__ = "Renamed"; print(A.__name__, A.__qualname__, repr(A).endswith("A'>"))
A.__qualname__ = "Q.A"; print(A.__qualname__, repr(A).endswith("Q.A'>"))
for bad in [lambda: setattr(A, "__name__", 5), lambda: setattr(A, "__qualname__", None), lambda: setattr(int, "__name__", "x"), lambda: delattr(A, "__name__"), lambda: setattr(int, "x", 1)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class X: pass
class Y: pass
class Z(X): pass
Z.__bases__ = (Y,); print([k.__name__ for k in Z.__mro__])
try:
    Z.__bases__ = ()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Z.__bases__ = (Z,)
except TypeError as e:
    print(type(e).__name__, e)
o = X(); o.__class__ = Y; print(type(o).__name__, isinstance(o, X))
try:
    o.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)
class M(type):
    def mro(cls):
        return [cls, object]
class W(A, metaclass=M): pass
print([k.__name__ for k in W.__mro__], issubclass(W, A), W.__bases__[0].__name__)
print(type.__name__, type(type), type.__base__, [k.__name__ for k in type.__mro__], len(int.__subclasses__()) > 0)
