# sum() with start (numbers, lists, tuples), the str rejection message, float precision; any()/all() short-circuit and return bools from truthiness.
print(sum([1, 2, 3]), sum([1, 2], 10), sum([], 5), sum(range(101)), sum([0.1] * 10), sum([1, 2.5, 3j]), sum([[1], [2]], []), sum([(1,), (2,)], ()), sum((x for x in [1, 2]), start=100))
for args in [(["a", "b"], ""), ([b"a"], b""), ([bytearray(b"a")], bytearray())]:
    try:
        sum(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for args in [([1, "a"],), ([[1]],), (5,)]:
    try:
        sum(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(sum([True, True, False]), type(sum([True])).__name__, sum([2 ** 63, 2 ** 63]), sum([1e308, 1e308]), sum([1e16, 1.0, -1e16]), sum([0.5, 2 ** 60]))
class Acc:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Acc(self.v + (o.v if isinstance(o, Acc) else o))
    def __radd__(self, o): return Acc(o + self.v)
print(sum([Acc(1), Acc(2)]).v, sum([Acc(1)], Acc(10)).v)
seen = []
def noisy(v):
    seen.append(v)
    return v
print(any(noisy(v) for v in [0, 0, 3, 4]), seen)
seen.clear()
print(all(noisy(v) for v in [1, 2, 0, 5]), seen)
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any("a"), all(""), type(any([1])).__name__)
class T:
    def __bool__(self): return True
print(any([T()]), all([T(), T()]))
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
