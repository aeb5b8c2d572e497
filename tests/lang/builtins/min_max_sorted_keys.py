# Key functions and stability across min/max/sorted; ties keep first occurrence for min/max.
words = ["pear", "fig", "apple", "kiwi", "date", "plum"]
print(min(words, key=len), max(words, key=len), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0]))
print(max([], key=len, default="none"), min("bca"), max(range(10), key=lambda v: v % 4), min(range(10), key=lambda v: -v))
print(sorted([3, 1, 2], key=None), sorted(["B", "a", "C"], key=str.casefold), sorted([-3, 2, -1], key=abs, reverse=True))
print(max(1, 2, 3, key=lambda v: -v), min([1, 2], [0, 5], key=sum), max({"a": 3, "b": 9}, key={"a": 3, "b": 9}.get))
try:
    max(1, 2, key=lambda v: "x" if v == 1 else 2)
except TypeError as e:
    print(type(e).__name__, e)
