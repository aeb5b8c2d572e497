# min()/max(): single iterable vs multiple args, key=, default= (only with one iterable), first-of-equals rule, and the error messages.
print(max([3, 1, 3.0]), min([1, 1.0, True]), max(1, 2, 3), min("hello"), max([[1, 2], [1, 3]]), max("a", "bb", key=len), min(["aa", "b", "c"], key=len))
print(max([], default="empty"), min((), default=None), max([5], default=0), max(iter([]), default=-1), min([3, 1], key=lambda x: -x))
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]))
for call in [lambda: max([]), lambda: min(()), lambda: max(), lambda: max(1), lambda: max(1, 2, default=0), lambda: min([1, "a"]), lambda: max([1], key=5), lambda: max([1], bogus=1)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
nan = float("nan")
print(max([nan, 1, 2]), max([1, nan, 2]), min([2, nan]), max(1, 2, key=None), min("b", "a", key=None))
print(max({3: "x", 7: "y"}), min({"b": 1, "a": 2}.items()), max(range(0)) if False else max(range(5)), max(b"az"), min(x * x for x in [-3, 2]))
calls = []
def k(v):
    calls.append(v)
    return v % 3
print(max([1, 2, 3, 4, 5], key=k), calls)
