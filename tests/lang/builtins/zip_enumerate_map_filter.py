# zip (strict, uneven, empty), enumerate(start), map with several iterables, filter(None), laziness and exhaustion.
print(list(zip("abc", range(5))), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [1], [1, 2, 3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], "ab", strict=True)), list(enumerate("ab", 1)), list(enumerate("ab", start=-2)), list(enumerate([], 5)))
print(list(enumerate("x", 10 ** 20)), next(enumerate("q")), type(enumerate([])).__name__)
print(list(map(pow, [2, 3], [3, 2, 1])), list(map(str.upper, "ab")), list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x > 1, range(4))))
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3, 4])
z = zip(it, it)
print(list(z))
m = map(lambda x: 1 / x, [1, 0])
print(next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
e = enumerate("ab")
print(list(e), list(e))
a, b = zip(*[(1, "a"), (2, "b")])
print(a, b, dict(zip("xy", [1, 2])), list(zip(*[])))
print(sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 10), sum((), 5), sum([1.5, 2], start=1))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any(x > 2 for x in range(5)), all(iter([True, 0])))
