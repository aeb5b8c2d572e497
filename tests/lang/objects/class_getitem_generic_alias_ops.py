# types.GenericAlias from builtin __class_getitem__: repr, equality, __origin__/__args__/__parameters__, calling, unions.
print(list[int] == list[int], list[int] == list[str], list[int] != list, hash(list[int]) == hash(list[int]))
print(dict[str, int].__args__, tuple[()].__args__, tuple[int, ...].__args__, set[frozenset[int]])
print(list[int] | None, (list[int] | dict[str, int]).__args__, type(list[int] | None).__name__)
a = list[int]
print(a(), a("ab"), a.__origin__ is list, type(a()).__name__, list[int][:0] if False else repr(a))
for cls in (list, dict, set, frozenset, tuple, type):
    print(cls.__name__, repr(cls[int]))
try:
    list[int][str]
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print(type(e).__name__, e)
print(list[list[int]], dict[str, list[tuple[int, str]]])
