# object and type: builtin attributes, dir, __subclasses__, type() introspection, __init__ signatures.
o = object()
print(type(o).__name__, object.__bases__, object.__base__, object.__mro__, type.__bases__, type.__base__)
print(sorted(a for a in dir(o) if not a.startswith("__init_sub"))[:10])
print(o.__class__ is object, o.__doc__ is not None, o.__eq__(o), o.__ne__(o), o.__eq__(1), o.__lt__(o))
print(o.__reduce_ex__(2)[0].__name__ if False else "", o.__sizeof__() > 0, o.__format__("") == str(o), object.__str__(5))
class A: 
    "A doc"
    x = 1
class B(A): pass
class C(A): pass
print(sorted(c.__name__ for c in A.__subclasses__()), B.__subclasses__())
print(A.__name__, A.__qualname__, A.__module__, A.__doc__, B.__doc__, A.__dict__["x"], A.__bases__, B.__bases__)
print(type(A), type(type), type(object), type(int), isinstance(A, type), type.__name__)
A.__name__ = "Renamed"
print(A.__name__, A.__qualname__, repr(A))
A.__qualname__ = "Q"
print(repr(A))
try:
    A.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
B.__bases__ = (C,)
print([k.__name__ for k in B.__mro__])
try:
    int.__bases__ = (object,)
except TypeError as e:
    print(type(e).__name__, e)
print(type.__dict__["__name__"].__class__.__name__, type(object.__dict__["__class__"]).__name__)
print(dir(B)[-3:], "x" in dir(B), "x" in dir(B()))
class D:
    def __dir__(self): return ["zeta", "alpha"]
print(dir(D()))
print(int.__dict__["bit_length"].__name__, int.__dict__["bit_length"].__objclass__ is int)
print(type.__call__(int, "5"), type.__prepare__ is not None, type("E", (), {}).__module__)
print(object.__init__(o), object.__new__(object).__class__.__name__)
try:
    object.__init__(o, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__init__(A, 1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
print(A.__instancecheck__(A()), type.__subclasscheck__(A, B), A.__flags__ & (1 << 9) != 0)
print(sorted(object.__dict__)[:5], len(object.__subclasses__()) > 10)
print(type.mro(B) == list(B.__mro__), B.mro is not None)
