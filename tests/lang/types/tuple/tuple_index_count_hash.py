# tuple index/count with bounds, hashing of nested tuples, unhashable contents, and tuple subclass behaviour.
t = (1, 2, 3, 2, 1, "2", 2.0)
print(t.index(2), t.index(2, 2), t.index(1, -3), t.count(2), t.count("2"), t.count(True))
for args in [(9,), (3, 4), (1, 1, 4)]:
    try:
        t.index(*args)
    except ValueError as e:
        print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))), hash(()) == hash(tuple()), hash((1,)) != hash((1, 1)))
for bad in [([1],), (1, {2: 3}), ((1, [2]),)]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Point(1, 2)
print(p, p.x, type(p).__name__, p + (3,), type(p + (3,)).__name__, p[:1], type(p[:1]).__name__, type(p * 1).__name__, p == (1, 2), hash(p) == hash((1, 2)))
print(tuple(p) is p, tuple((1, 2)) is not None, (1, 2) * 2, 2 * (1,), () * 5, (1,) * -1)
e = (); print(len(e), tuple([]) == e, tuple("ab"), tuple({1: 2}), tuple(range(3)))
