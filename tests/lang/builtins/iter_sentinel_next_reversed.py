# iter(callable, sentinel), next() with default, reversed() protocol (__reversed__ / __len__+__getitem__), iter errors.
vals = iter([1, 2, 3, None, 5])
print(list(iter(lambda: next(vals), None)), list(vals))
n = [0]
def tick():
    n[0] += 1
    return n[0]
print(list(iter(tick, 4)))
it = iter([1])
print(next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, e.args)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
class Rev:
    def __reversed__(self):
        return iter("custom")
class NoLen:
    def __getitem__(self, i):
        return i
print(list(reversed(Seq())), list(Seq()), "".join(reversed(Rev())), list(reversed(range(3))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
for obj in [NoLen(), {1, 2}, iter([1]), 5]:
    try:
        reversed(obj)
    except TypeError as e:
        print(type(e).__name__, e)
class NoneRev:
    __reversed__ = None
try:
    reversed(NoneRev())
except TypeError as e:
    print(type(e).__name__, e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r))
print(list(zip(NoLen(), "abc")), list(iter(iter([1, 2, 3]).__next__, 3)))
