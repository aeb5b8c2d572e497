# type attributes: __dict__ contents and read-only-ness, __doc__, __annotations__, __text_signature__, builtin type flags.
class A:
    "doc A"
    x: int = 1
    def m(self): pass
print(sorted(k for k in A.__dict__ if not k.startswith("__")), A.__dict__["__doc__"], A.__dict__["__module__"])
print("__dict__" in A.__dict__, "__weakref__" in A.__dict__, type(A.__dict__["__dict__"]).__name__)
print(int.__doc__.splitlines()[0], type(int.__dict__).__name__, "__dict__" in int.__dict__)
for t in (int, str, list, dict, tuple, object, type, bool, float, bytes, set, frozenset, range, slice, complex):
    print(t.__name__, t.__base__.__name__ if t.__base__ else None, t.__module__, hasattr(t, "__dict__"), t.__qualname__)
try:
    int.new_attribute = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    A.__dict__["x"] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__dict__ = {}
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
A.__doc__ = "changed doc"
print(A.__doc__)
try:
    int.__doc__ = "x"
except TypeError as e:
    print(type(e).__name__, e)
print(len.__text_signature__, str.join.__text_signature__, type(len.__doc__).__name__)
print(type(A.m).__name__, type(A.__dict__["m"]).__name__, A.__dict__["m"].__name__)
print(A.__annotations__, type.__dict__["__annotations__"].__class__.__name__)
