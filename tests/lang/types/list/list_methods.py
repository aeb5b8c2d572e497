# list: every method plus indexing, slicing, slice assignment and errors.
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); l.extend([3, 5]); l.insert(0, 0); l.insert(-1, 7); l.insert(100, 8); l.insert(-100, -1)
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(5), l.index(5, 5), l.count(5), l.count(42))
try:
    l.index(42)
except ValueError as e:
    print(type(e).__name__, e)
try:
    l.remove(42)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
c = l.copy(); c.reverse(); print(c, l[::-1] == c, c is l)
c.clear(); print(c)
m = list(range(10))
print(m[2:5], m[-3:], m[:-7], m[::3], m[::-3], m[8:2:-2], m[100:], m[-100:2], m[5:2])
m[2:5] = ["a"]
print(m)
m[1:1] = [9, 9]
print(m)
m[::2] = "ABCDE"
print(m)
del m[::3]
print(m)
m[:] = []
print(m)
try:
    n = [1, 2, 3]; n[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1][5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    x = [1]; x[5] = 2
except IndexError as e:
    print(type(e).__name__, e)
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [1, 2] * 0, [[]] * 2, [1, 2] == [1, 2], [1, [2]] < [1, [3]])
print(list("abc"), list((1, 2)), list({"a": 1}), list(range(3)), list(), list(x for x in "xy"))
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
a = [1, 2, 3]
a[1:2] = a
print(a)
b = [1, 2, 3]
b += b
print(b, b[-1], b.__len__(), b.__contains__(3), b.__getitem__(slice(1, 3)))
b.__setitem__(0, "first"); b.__delitem__(1); print(b)
print(list.__name__, [].__class__ is list, isinstance([], object), reversed([1, 2]).__length_hint__())
big = list(range(1000))
del big[10:990]
print(big, sum(range(1000)) % 7)
