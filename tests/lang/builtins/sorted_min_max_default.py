# min/max with key/default, empty iterables, multiple args, ties (first wins), sorted() argument errors.
print(min([3, 1, 2]), max("hello"), min(3, 1, 2), max([], default="d"), min((), default=None), max([5], default=0))
print(min(["bb", "a", "cc"], key=len), max(["bb", "a", "cc"], key=len), max([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(min([1, -1, 2], key=abs), max([-3, 3], key=abs), min("Ab", "aB", key=str.lower), max(range(10), key=lambda x: x % 4))
for call in [lambda: min([]), lambda: max(), lambda: min(1), lambda: max(1, 2, default=0), lambda: min([1, "a"]), lambda: max([1], key=1)]:
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(max([1.0, 1, True]), min([1, 1.0, True]), type(max(1, 1.0)).__name__, max(float("nan"), 1), max(1, float("nan")))
print(sorted([3, 1, 2], reverse=True), sorted("bca", key=None), sorted(iter([2, 1])), sorted({3: 0, 1: 0}.items()))
for call in [lambda: sorted(), lambda: sorted([1], None), lambda: sorted([1], cmp=1)]:
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
print(max(iter([4, 9, 2])), min(x * x for x in range(-3, 3)), max({"a": 2, "b": 1}), max({"a": 2, "b": 1}, key={"a": 2, "b": 1}.get))
