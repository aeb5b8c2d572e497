# len, abs, min, max (key, default, multiple args), sum (start, floats), divmod, pow.
print(len("abc"), len([1, 2]), len({}), len(range(10, 0, -3)), len(b"xy"), len({1, 2, 3}), len((1,)))
print(abs(-3), abs(3.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-10 ** 30))
print(max(3, 1, 2), max([1, 5, 2]), max("abc"), max([], default="empty"), max([3, 1], key=lambda v: -v), max(1, 2, key=str))
print(min(3, 1, 2), min([1, 5, 2]), min((), default=None), min(["bb", "a", "ccc"], key=len), min([[2], [1, 5]]))
print(max([1, 1.0]), max([1.0, 1]), min([0, False]), max(["a", "b"], key=lambda s: 0))
for call in [lambda: max(), lambda: max([]), lambda: max(1), lambda: min(1, 2, default=0), lambda: max([1, "a"])]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1, 2.5, 3j]), sum((True, True)))
print(sum([1e100, 1.0, -1e100]), sum(x * x for x in range(5)), sum([], start=5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "x"])
except TypeError as e:
    print(type(e).__name__, e)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17, -5), divmod(10 ** 20, 7))
print(pow(2, 10), pow(2, -2), pow(2.0, 0.5), pow(-2, 3), pow(7, 2, 5), pow(base=2, exp=3), pow(2, 3, mod=3))
print(round(3.14159, 2), round(-1.5), round(2.5), round(7, -1), round(1e15 + 0.5))
