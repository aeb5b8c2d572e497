# list.index with start/stop, count and remove using == (including custom __eq__ and NaN identity), and errors.
a = [1, 2, 3, 2, 1, 2.0, True]
print(a.index(2), a.index(2, 2), a.index(2, -3), a.index(1, 1, 5), a.count(2), a.count(1), a.count(True), a.count("2"))
for args in [(9,), (3, 3), (1, 1, 4), (2, 100)]:
    try:
        a.index(*args)
    except ValueError as e:
        print(type(e).__name__, e)
nan = float("nan")
b = [nan, 1]
print(b.index(nan), b.count(nan), nan in b, b.count(float("nan")), float("nan") in b)
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other
c = [1, 2, 3]
print(c.index(Eq(2)), c.count(Eq(3)), Eq(9) in c)
d = [3, 1, 3, 2]
d.remove(3); print(d)
try:
    d.remove(7)
except ValueError as e:
    print(type(e).__name__, e)
class Boom:
    def __eq__(self, other):
        raise RuntimeError("compare failed")
try:
    [1, 2].index(Boom())
except RuntimeError as e:
    print(type(e).__name__, e)
print([1, 2, 3].index(3, -1), [1, 2, 3].index(1, -100, 100), [].count(0))
try:
    [1].index(1, "0")
except TypeError as e:
    print(type(e).__name__, e)
