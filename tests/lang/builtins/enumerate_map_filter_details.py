# enumerate start values (negative, big, keyword), map with several iterables (shortest wins), filter(None), and iterator identity/laziness.
print(list(enumerate("ab")), list(enumerate("ab", 5)), list(enumerate("ab", start=-2)), list(enumerate("ab", 2 ** 64)), list(enumerate([], 3)))
e = enumerate("xyz"); print(iter(e) is e, next(e), list(e), type(e).__name__)
try:
    enumerate("a", 1.5)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    enumerate(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(list(map(pow, [2, 3, 4], [5, 2])), list(map(lambda *a: a, "ab", "cde", "fghi")), list(map(str.upper, "ab")), list(map(abs, [])))
try:
    map(abs)
except TypeError as ex:
    print(type(ex).__name__, ex)
m = map(lambda x: 1 / x, [1, 0])
print(next(m))
try:
    next(m)
except ZeroDivisionError as ex:
    print(type(ex).__name__, ex)
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, 0.0, 2j])), list(filter(lambda x: x > 1, [1, 2, 3])), list(filter(str.isdigit, "a1b2")))
f = filter(None, iter([1, 0, 2])); print(iter(f) is f, list(f), list(f), type(f).__name__)
class Truth:
    def __init__(self, t): self.t = t
    def __bool__(self): return self.t
    def __repr__(self): return "T" if self.t else "F"
print(list(filter(None, [Truth(True), Truth(False)])))
try:
    list(filter(5, [1]))
except TypeError as ex:
    print(type(ex).__name__, ex)
print(list(zip(enumerate("ab"), map(ord, "ab"))), dict(enumerate(filter(None, [0, "x", "y"]))))
