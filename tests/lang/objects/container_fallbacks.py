# __contains__, __iter__ and the old __getitem__ sequence protocol as fallbacks.
class WithContains:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
    def __iter__(self): raise AssertionError("not used")
print(1 in WithContains(), 2 not in WithContains())

class IterOnly:
    def __iter__(self):
        print("iter")
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())

class GetitemOnly:
    def __getitem__(self, i):
        print("getitem", i)
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(20 in GetitemOnly())
print(list(GetitemOnly()))
it = iter(GetitemOnly())
print(type(it).__name__, next(it))
a, b, c = GetitemOnly()
print(a, b, c)
for x in GetitemOnly():
    print("loop", x)

class StopIt:
    def __getitem__(self, i):
        if i == 2: raise StopIteration
        return i
print(list(StopIt()))

class ContainsTruthy:
    def __contains__(self, x): return "yes"
print(1 in ContainsTruthy())

class Nothing: pass
try:
    1 in Nothing()
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(Nothing())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in 5: pass
except TypeError as e:
    print(type(e).__name__, e)

class IterNone:
    __iter__ = None
    def __getitem__(self, i): return i
try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)

class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)

class SelfIter:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(SelfIter()), sum(SelfIter()), 3 in SelfIter())

# iter(callable, sentinel)
vals = iter([5, 4, 0, 3])
print(list(iter(lambda: next(vals), 0)))
print(reversed([1, 2]).__class__.__name__)
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return "abc"[i]
print(list(reversed(Rev())))
class OwnReversed:
    def __reversed__(self): return iter("zyx")
print(list(reversed(OwnReversed())))
try:
    reversed(Nothing())
except TypeError as e:
    print(type(e).__name__, e)
