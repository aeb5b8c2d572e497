# map/filter/zip/enumerate/reversed are lazy iterators: consumption order, exhaustion, errors surface on iteration.
log = []
def f(x):
    log.append(x)
    return x * 10
m = map(f, [1, 2, 3])
print(log, next(m), log, list(m), log, list(m))
fl = filter(lambda x: log.append(("filter", x)) or x % 2, range(4))
print(next(fl), log[-2:])
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z))
it = iter([1, 2, 3])
print(list(zip(it, "ab")), list(it))
bad = map(lambda x: 1 / x, [1, 0, 2])
print(next(bad))
try:
    next(bad)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(next(bad))
e = enumerate(iter("xyz"), start=-1)
print(next(e), list(e))
r = reversed([1, 2, 3])
print(next(r), r.__length_hint__(), list(r))
print(list(map(lambda *a: a, "ab", "cde", [1, 2, 3])), list(zip(range(3), range(10, 13), "abc")))
print(iter(m) is m, iter(fl) is fl, iter(z) is z, type(reversed(range(3))).__name__)
