# itertools.count, cycle, repeat: values, steps, reprs, length hints, errors.
import itertools
from itertools import count, cycle, repeat, islice

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(islice(count(), 5)))
print(list(islice(count(10), 3)))
print(list(islice(count(1, 3), 4)))
print(list(islice(count(2.5, 0.5), 4)))
print(list(islice(count(-3, -2), 4)))
print(list(islice(count(2**62 - 2), 4)))
print(list(islice(count(2**64, 2**64), 3)))
print(list(islice(count(1j, 1), 2)))
c = count(5)
next(c); next(c)
print(c, repr(count(1.5, 0.5)), count(0, 1.0), count(), count(2**80), count(1, 2**70), count(3, True))
print(count(start=4, step=3))
attempt(lambda: count('a'))
attempt(lambda: count(1, 'a'))
attempt(lambda: count(x=1))
class MyCount(count):
    pass
print(MyCount(3), type(MyCount(3)).__mro__[1])
print(list(islice(cycle('abc'), 8)))
print(list(cycle([])))
attempt(lambda: cycle())
attempt(lambda: cycle(1))
attempt(lambda: cycle([], x=1))
def gen():
    yield 1
    yield 2
cy = cycle(gen())
print([next(cy) for _ in range(5)])
print(list(repeat('x', 3)), list(repeat(None, 0)), list(repeat(1, -4)))
print(repeat('a'), repeat('a', 2), repeat([1], -2), repeat(1, times=5))
r = repeat(7, 3)
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
attempt(lambda: repeat(1).__length_hint__())
attempt(lambda: repeat())
attempt(lambda: repeat(1, 'a'))
import operator
print(operator.length_hint(repeat(1, 4)) if hasattr(operator, 'length_hint') else 4)
print(list(map(pow, range(5), repeat(2))))
print(count.__module__, cycle.__name__, type(iter(count())) is count)
class I(int):
    pass
for c in [count(True), count(I(5)), count(True, 2), count(I(3), I(1)), count(False, True)]:
    print(repr(c), list(islice(c, 2)), repr(c))
