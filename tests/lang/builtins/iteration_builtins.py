# enumerate, zip (strict), map (multiple iterables), filter (None), reversed, iter/next with default, all/any.
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=5)))
print(list(zip("abc", [1, 2, 3, 4])), list(zip()), list(zip("a")), list(zip(*[(1, 2), (3, 4)])))
try:
    list(zip("ab", "abc", strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip("abc", "ab", strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip("ab", "cd", strict=True)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, e.args)
m = map(lambda x: x * 2, range(3))
print(type(m).__name__, next(m), list(m), list(m))
z = zip([1, 2], "ab")
print(type(z).__name__, next(z))
e = enumerate("xy")
print(type(e).__name__, next(e), list(e))
print(all([1, 2]), all([1, 0]), any([0, 0]), any([0, 3]), all(x > 0 for x in []), any(iter([])))
def gen():
    yield 1
    print("second pulled")
    yield 0
    print("never reached")
    yield 2
print(all(gen()))
print(list(reversed("abc")), list(reversed([1, 2, 3])), list(reversed(range(3))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(None, [1]))
except TypeError as e:
    print(type(e).__name__, e)
print(list(iter([3, 2, 1].pop, 1)))
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
import itertools
print(list(itertools.chain([1], "ab")), list(itertools.product("ab", repeat=2)), list(itertools.accumulate([1, 2, 3])))
print(list(itertools.permutations("abc", 2)), list(itertools.combinations(range(4), 2))[:3], list(itertools.groupby("aabbbc"))[0][0])
print(list(itertools.zip_longest("ab", "c", fillvalue="-")), list(itertools.takewhile(lambda x: x < 3, range(10))))
