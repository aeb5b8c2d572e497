# list.sort/sorted: key functions, reverse keeping stability, mixed-type errors, mutation during sort, sort of tuples.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: t[0], reverse=True), sorted(data, reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
L = [3, 1, 2]
print(L.sort(), L, L.sort(reverse=True), L)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda x: None if x == 1 else "s")
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
m = [5, 4, 3]
def key(x):
    m.append(x)
    return x
try:
    m.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)
print(m)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
print([k.v for k in sorted([K(3), K(1), K(2)])], [k.v for k in sorted([K(3), K(1)], reverse=True)])
nan = float("nan")
print(sorted([3.0, 1.0, 2.0, -0.0, 0.0]), sorted([0.0, -0.0]), sorted([-0.0, 0.0]), sorted(range(10), key=lambda x: x % 3))
print(sorted("hello"), sorted({3: 0, 1: 0}), sorted((), key=int), sorted([[2, 1], [1, 9], [1]]), sorted([True, 0, 0.5]))
calls = []
print(sorted([4, 2, 3], key=lambda x: calls.append(x) or -x), calls)
