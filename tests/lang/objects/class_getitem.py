# __class_getitem__ and builtin generic aliases.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int])
print(Box[int, str])
print(Box['x'])
print(type(Box.__dict__['__class_getitem__']).__name__)

class Sub(Box): pass
print(Sub[1])

try:
    object[int]
except TypeError as e:
    print(type(e).__name__, e)

print(list[int])
print(dict[str, list[int]])
print(tuple[int, ...])
a = list[int]
print(a.__origin__ is list, a.__args__)
print(type(a).__name__)
print(a([1, 2]))
print(isinstance([], list))
try:
    isinstance([], list[int])
except TypeError as e:
    print(type(e).__name__, e)
print(type[int], set[str], frozenset[bytes])
print(list[int] == list[int], list[int] == list[str])

# __getitem__ on the metaclass wins over __class_getitem__
class Meta(type):
    def __getitem__(cls, item):
        return "meta " + repr(item)
class M(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"
print(M[3])
