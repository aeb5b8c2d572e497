# __index__: used by slicing, range, bin/hex/oct, sequence repetition, operator.index.
import operator
class Idx:
    def __init__(self, n): self.n = n
    def __index__(self):
        return self.n
i = Idx(3)
data = list(range(10))
print(data[i], data[i:Idx(6)], data[::Idx(4)])
print(list(range(Idx(2), Idx(8), Idx(3))))
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print("ab" * Idx(3), [0] * Idx(2), (1,) * Idx(2))
print(operator.index(Idx(7)), int(Idx(9)) if hasattr(Idx, '__int__') else "no __int__")
try:
    int(Idx(9))
    print("int() accepts __index__ in 3.11:", int(Idx(9)))
except TypeError as e:
    print(type(e).__name__, e)
print("abcdef"[Idx(1)], b"xyz"[Idx(2)], (1, 2, 3)[Idx(-1)])
print(round(2.5, Idx(0)), round(1234, Idx(-2)))
class Bad:
    def __index__(self): return 1.5
try:
    [1, 2][Bad()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    operator.index(2.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    one = 1.0
    [1][one]
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x" * 2.0
except TypeError as e:
    print(type(e).__name__, e)
print(True.__index__(), operator.index(True), [10, 20][True])
class BoolSub(int): pass
print(operator.index(BoolSub(4)), type(operator.index(BoolSub(4))).__name__)
huge = Idx(10**30)
try:
    [1][huge]
except IndexError as e:
    print(type(e).__name__, e)
print(slice(Idx(1), Idx(5)).indices(3))
