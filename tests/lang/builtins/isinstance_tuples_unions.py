# isinstance/issubclass with tuples, nested tuples, X | Y unions, None in unions, and argument errors.
print(isinstance(1, (str, int)), isinstance(1, (str, (float, (int,)))), isinstance("s", ()), isinstance(1, int | str), isinstance(None, int | None))
print(issubclass(bool, (str, int)), issubclass(int, int | float), issubclass(type(None), None | str), issubclass(bool, ()))
u = int | str | None
print(u, type(u).__name__, u.__args__, (int | int) is int, int | str == str | int, (int | str) | float)
for call in [lambda: isinstance(1, 1), lambda: isinstance(1, (int, 1)), lambda: issubclass(1, int), lambda: issubclass(int, (int, 1)), lambda: isinstance(1, list[int]), lambda: isinstance(1, int | list[int]), lambda: int | 1]:
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance(1, (str, (float, 1))) if False else isinstance(True, (1 and int,)))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is str
class M(metaclass=Meta):
    pass
print(isinstance("magic", M), isinstance("other", M), isinstance("magic", (int, M)), issubclass(str, M), issubclass(int, (float, M)))
print(isinstance(M(), M), isinstance(int, type), isinstance(type, type), isinstance(type, object), issubclass(type, object), isinstance(object, type))
