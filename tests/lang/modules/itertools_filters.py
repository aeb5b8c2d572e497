# itertools accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap, pairwise.
import operator
from itertools import (accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap,
                       pairwise, islice)

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(accumulate([1, 2, 3, 4])))
print(list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=7)), list(accumulate([])))
print(list(accumulate(['a', 'b', 'c'])))
print(list(accumulate([1, 2], func=None, initial=None)))
attempt(lambda: accumulate())
attempt(lambda: list(accumulate([1, 'a'])))

print(list(chain('ab', [1, 2], (), range(2))))
print(list(chain()), list(chain.from_iterable(['ab', 'cd'])))
print(list(islice(chain.from_iterable(iter(lambda: 'xy', None)), 5)))
attempt(lambda: chain(x=1))
attempt(lambda: chain.from_iterable())
attempt(lambda: list(chain([1], 5, [2])))
c = chain([1], 5, [2])
print(next(c))
attempt(lambda: next(c))
print(list(c))
class MyChain(chain):
    pass
print(list(MyChain.from_iterable([[1], [2]])), type(MyChain.from_iterable([])).__name__)

print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(compress('ABC', [1, 1, 1, 1, 1])), list(compress('ABCDEF', [0, 1])))
attempt(lambda: compress())
attempt(lambda: compress('a', selectors=5))

print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, '', 'a', None, [], [0]])))
attempt(lambda: dropwhile(None))
attempt(lambda: takewhile(None))
attempt(lambda: filterfalse(None))
attempt(lambda: list(dropwhile(None, [1])))
attempt(lambda: takewhile(len, [1], x=2))
t = takewhile(lambda x: x < 2, [1, 2, 1])
print(list(t), list(t))

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(operator.add, [[1, 2], 'ab'])))
print(list(starmap(lambda *a: a, [iter([1, 2]), ()])))
attempt(lambda: list(starmap(len, [1])))

print(list(pairwise('ABCDEFG')), list(pairwise('A')), list(pairwise([])))
attempt(lambda: pairwise())
attempt(lambda: pairwise([], x=1))
p = pairwise(iter([1, 2, 3]))
print(next(p), list(p), list(p))
