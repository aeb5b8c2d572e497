# slice objects: attributes, indices(), use in __getitem__, equality and hash.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2))
print(s.indices(5), slice(None, None, -1).indices(5), slice(-3, None).indices(10), slice(-100, 100).indices(4), slice(0, 0, 3).indices(0))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
try:
    hash(slice(1, 2))
    print("hashable in 3.11?")
except TypeError as e:
    print(type(e).__name__, e)
class Show:
    def __getitem__(self, key): return key
sh = Show()
print(sh[1:2], sh[::], sh[1:2, 3], sh[..., 1:], sh[:, None], sh["a":"b":"c"], sh[()])
print("abcdef"[slice(1, None, 2)], [0, 1, 2, 3][slice(None, None, -2)], (1, 2, 3)[slice(-2, None)])
class Idx:
    def __index__(self): return 2
print("abcdef"[Idx():], slice(Idx(), None).indices(5))
try:
    "abc"["a":]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.start = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(repr(slice(None, None, None)), slice(1, 2, 3).__reduce__())
