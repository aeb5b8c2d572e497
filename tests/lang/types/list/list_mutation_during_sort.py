# list.sort corner cases: mutation inside key/compare raises ValueError, exceptions leave a permutation, key called once per item.
data = [3, 1, 2]
def bad_key(x):
    data.append(x)
    return x
try:
    data.sort(key=bad_key)
except ValueError as e:
    print(type(e).__name__, e)
calls = []
def key(x):
    calls.append(x)
    return -x
d = [5, 2, 8, 1]
d.sort(key=key); print(d, sorted(calls))
class Boom:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise RuntimeError("no compare")
        return self.v < other.v
items = [Boom(v) for v in [5, 3, 1, 4]]
try:
    items.sort()
except RuntimeError as e:
    print(type(e).__name__, e)
print(sorted(b.v for b in items))
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(cmp=None)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([3, 1, 2], reverse=1), sorted([], key=lambda x: 1 / 0), [1].sort(key=lambda x: 1 / 0) if False else "ok")
try:
    [1, 2].sort(key=lambda x: 1 / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
e = [2, 1]; e.sort(key=None); print(e)
