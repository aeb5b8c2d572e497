# __class_getitem__: implicit classmethod, precedence of metaclass __getitem__, builtin generic aliases (list[int]) repr/args/origin, and subscripting non-generic classes.
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
class H(G): pass
print(G[int], H[int, str], G[()], G[1:2], type(G.__dict__["__class_getitem__"]).__name__)
try:
    G()[0]
except TypeError as e:
    print(type(e).__name__, e)
class Meta(type):
    def __getitem__(cls, item): return ("meta", item)
class M(metaclass=Meta):
    def __class_getitem__(cls, item): return ("cgi", item)
print(M[1])
class Plain: pass
try:
    Plain[int]
except TypeError as e:
    print(type(e).__name__, e)
a = list[int]
print(a, repr(a), a.__origin__ is list, a.__args__, a == list[int], a != list[str], type(a).__name__, a([1, 2]))
print(dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[frozenset[int]].__args__)
try:
    isinstance([], list[int])
except TypeError as e:
    print(type(e).__name__, e)
print(list[int].__parameters__, hash(list[int]) == hash(list[int]), list[int] | None if False else "union-skip")
class NotCallable:
    __class_getitem__ = "string"
try:
    NotCallable[0]
except TypeError as e:
    print(type(e).__name__, e)
