# list comparison (lexicographic, element __eq__), identity shortcut, copying shallow vs deep, list() of iterators.
import copy
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, 2] == [1, 2.0], [[1]] == [[1]])
nan = float("nan")
l = [nan]
print(l == l, [nan] == [nan], l[0] == l[0], nan in l)
class NeverEqual:
    def __eq__(self, o): return False
n = NeverEqual()
print([n] == [n], n in [n], [n].count(n), [n].index(n))
a = [[1, 2], [3]]
shallow = a[:]
also_shallow = list(a)
c = a.copy()
deep = copy.deepcopy(a)
a[0].append(99)
print(shallow, also_shallow, c, deep)
print(list(iter([1, 2])), list(map(abs, [-1, -2])), list({1: "a"}.items()), list(b"ab"))
x = [1, 2, 3]
y = x
x = x + [4]
print(y, x)
x = y
x += [5]
print(y)
rec = [1]
rec.append(rec)
print(rec == rec, rec[1] is rec, len(rec))
print([0] * 3 == [0, 0, 0], [[]] * 2 == [[], []], [1, 2] * -1)
