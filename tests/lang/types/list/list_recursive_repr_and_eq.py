# Recursive list/dict repr ([...] / {...}), equality of self-containing lists, and nested comparison errors.
a = [1, 2]; a.append(a); print(a, repr(a), str(a))
d = {"k": 1}; d["self"] = d; print(d)
m = [d, a]; print(m)
t = (a,); print(t)
b = []; b.append([b]); print(b)
print(a == a, a[2] is a, a is a[2][2])
x = [1, [2, [3, [4]]]]
y = [1, [2, [3, [4]]]]
print(x == y, x < [1, [2, [3, [5]]]], x > [1, [2]], [1, 2] < [1, 2, 0], [[]] > [[], []])
try:
    [1, 2] < [1, "a"]
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2] == [1, "a"], [float("nan")] == [float("nan")])
n = float("nan"); print([n] == [n], [n] < [n])
class R:
    def __repr__(self): return "R" + repr(self.inner)
r = R(); r.inner = [r]; print(repr(r)) if False else None
try:
    repr(r)
except RecursionError as e:
    print(type(e).__name__)
