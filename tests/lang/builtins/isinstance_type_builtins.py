# type() one-arg and three-arg, isinstance/issubclass with unions and tuples, super builtins summary.
print(type(1) is int, type(True) is bool, type(type(1)) is type, type(lambda: 0).__name__, type(print).__name__)
T = type("T", (int,), {"double": lambda self: self * 2, "__repr__": lambda self: f"T({int(self)})"})
t = T(21)
print(t, t.double(), isinstance(t, int), T.__mro__[1].__name__, T.__module__, T.__qualname__)
print(isinstance(3, int | float), isinstance("s", int | float), issubclass(bool, int | str), isinstance(None, type(None) | int))
U = int | str
print(U, type(U).__name__, U.__args__, (int | str) == (str | int), int | int is int if False else (int | int))
print(isinstance([], (list, tuple)), isinstance((), (list, (dict, tuple))), issubclass(list, ()), isinstance(1, ()))
try:
    isinstance(1, [int])
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), {}, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(type.__name__, type(object) is type, isinstance(object, object), issubclass(type, object))
