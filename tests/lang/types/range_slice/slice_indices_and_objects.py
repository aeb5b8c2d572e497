# slice objects: indices(), repr, equality, use with sequences and __getitem__, negative and huge steps.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), s.indices(100))
for sl in [slice(None), slice(-3, None), slice(None, None, -1), slice(-100, 100), slice(5, 1, -2), slice(None, -1, -1)]:
    print(sl, sl.indices(6), list(range(6))[sl], "abcdef"[sl])
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1) == slice(None, 1), slice(1, 2) < slice(1, 3))
try:
    hash(slice(1, 2))
    print("hashable")
except TypeError as e:
    print(type(e).__name__, e)
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1:2], g[::3], g[1:2, 3], g[..., 1:], g[:], g[::])
L = list(range(10))
L[2:5] = ["x"]; print(L)
L[::3] = [0, 0, 0]; print(L)
try:
    L[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
del L[::2]; print(L)
print("hello"[slice(1, None, 2)], (1, 2, 3)[slice(-1, None)], range(10)[slice(2, 8, 3)])
print(list(range(10))[10 ** 20:], list(range(10))[-10 ** 20: 2], list(range(10))[:: 10 ** 20])
print(slice("a", "b", "c"), slice(1.5, None).start)
try:
    [1, 2][1.5:]
except TypeError as e:
    print(type(e).__name__, e)
