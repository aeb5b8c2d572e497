# list() constructor from iterables (dict, set of ints, generator, str, range), __len__ hints, and list methods on subclasses.
print(list(), list("abc"), list(range(3)), list({1: "a", 2: "b"}), list({3, 1, 2}), list((x for x in "hi")), list(b"ab"), list(reversed([1, 2])))
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
class HintLies:
    def __iter__(self): return iter([1, 2, 3])
    def __len__(self): return 100
print(list(HintLies()))
class BadHint:
    def __iter__(self): return iter([1])
    def __length_hint__(self): return -1
try:
    print(list(BadHint()))
except ValueError as e:
    print(type(e).__name__, e)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()))
a = [1, 2]
a.__init__([9]); print(a)
a.__init__(); print(a)
print(list.__name__, type([]) is list, isinstance([], list), [].__class__.__name__, len([[]]), bool([]), bool([0]))
print(list.__hash__ is None, hasattr([], "__hash__"))
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
