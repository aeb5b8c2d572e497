# itertools.islice: start/stop/step forms, None, consumption, errors.
import sys
from itertools import islice, count

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

s = 'ABCDEFG'
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 2)))
print(list(islice(s, None)), list(islice(s, None, None, None)), list(islice(s, 1, 100, 3)))
print(list(islice(s, 0)), list(islice(s, 5, 2)), list(islice(range(10), sys.maxsize)))
print(list(islice(count(), 3, 20, 5)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it))
class Idx:
    def __index__(self): return 3
print(list(islice(range(10), Idx())), list(islice(range(10), True, Idx())))
for args in [(-1,), ('a',), (2**100,), (1.5,), (-5,), (-1, 3), (1, -3), (1, 3, 0), (1, 3, -1), (1, 3, 'a'),
             ('x', 3), (1, 2, 3, 4), ()]:
    attempt(lambda: islice([], *args))
attempt(lambda: islice([], x=1))
attempt(lambda: islice(5, 2))
sl = islice(iter([1, 2, 3]), 1, None)
print(list(sl), list(sl))
print(islice.__doc__.splitlines()[0])
