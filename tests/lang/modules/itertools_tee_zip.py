# itertools.tee (_tee objects, copies, block boundaries) and zip_longest.
from itertools import tee, zip_longest, islice, count
import itertools

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a, b = tee(range(10))
print(list(islice(a, 3)), list(b), list(a))
print(tee([1], 0), len(tee([1, 2], 5)))
x, y, z = tee('abc', 3)
print(next(x), next(x), next(y), list(z), list(x), list(y))
big = tee(range(200))
print(sum(big[0]), sum(big[1]))
a, b = tee(iter(range(130)))
print(list(islice(a, 60))[-1], list(islice(b, 120))[-1], list(a)[-1], list(b))
c = a.__copy__()
print(type(c).__name__, list(c))
a, b = tee(count())
c, d = tee(a)
print(type(a).__name__, next(a), next(c), next(d), next(b))
t = itertools._tee([1, 2, 3])
print(list(t))
attempt(lambda: tee([], -1))
attempt(lambda: tee([], 'a'))
attempt(lambda: tee(5))
attempt(lambda: itertools._tee(1))
def reenter():
    yield next(ts[0])
ts = tee(reenter())
attempt(lambda: next(ts[0]))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(zip_longest('AB', range(4))), list(zip_longest()), list(zip_longest([])))
print(list(zip_longest([1], [], [2, 3], fillvalue=0)))
attempt(lambda: zip_longest([], x=1))
attempt(lambda: zip_longest(1))
z = zip_longest([1], iter([1, 2]))
print(list(z), list(z))
def failing():
    yield 1
    raise KeyError('k')
attempt(lambda: list(zip_longest(failing(), [1, 2, 3])))
