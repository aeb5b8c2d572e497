# Pickling and copying the builtin iterators: __reduce__, __setstate__ and round trips at every position.
import copy
import pickle


def show(v):
    """A deterministic description of a reduce value (no addresses)."""
    if isinstance(v, tuple):
        inner = ', '.join(show(x) for x in v)
        return '(' + inner + (',)' if len(v) == 1 else ')')
    if isinstance(v, list):
        return '[' + ', '.join(show(x) for x in v) + ']'
    if isinstance(v, (int, str, bytes, bytearray, range, float, type(None), bool)):
        return repr(v)
    if isinstance(v, type):
        return v.__name__
    if hasattr(v, '__qualname__'):
        return v.__qualname__
    return '<%s>' % type(v).__name__


def twice(x):
    return 2 * x


def add(x, y):
    return x + y


def odd(x):
    return x % 2


class Seq:
    """A sequence only through __getitem__ (and __len__ for reversed)."""

    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * 10

    def __len__(self):
        return self.n

    def __reduce__(self):
        return (Seq, (self.n,))


class Counter:
    """A picklable callable for iter(callable, sentinel): 1, 2, 3, 3, ..."""

    def __init__(self, n=0):
        self.n = n

    def __call__(self):
        self.n = min(self.n + 1, 3)
        return self.n

    def __reduce__(self):
        return (Counter, (self.n,))


def attempt(f):
    try:
        return f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


COPIERS = [lambda it, p=p: pickle.loads(pickle.dumps(it, p)) for p in range(pickle.HIGHEST_PROTOCOL + 1)]
COPIERS += [copy.copy, copy.deepcopy]


def advance(make, k):
    it = make()
    taken = [next(it) for _ in range(k)] if k >= 0 else list(it)
    return it, taken


def check(name, make, steps):
    """For each position: the reduce value, then each copy drained with what is left of its original."""
    for k in steps:
        it, taken = advance(make, k)
        red = attempt(it.__reduce__)
        print(name, k, type(it).__name__, taken, show(red) if not isinstance(red, str) else red)
        got = []
        for copier in COPIERS:
            it, _ = advance(make, k)
            c = attempt(lambda: copier(it))
            got.append((attempt(lambda: list(c)), attempt(lambda: list(it))))
        print('   ', got[0] if all(g == got[0] for g in got) else got)


# Sequence iterators: every position, then exhausted (-1).
check('list', lambda: iter([1, 2, 3]), [0, 1, 3, -1])
check('list_rev', lambda: reversed([1, 2, 3]), [0, 1, 3, -1])
check('tuple', lambda: iter((1, 2, 3)), [0, 2, -1])
check('str', lambda: iter('abc'), [0, 1, -1])
check('str_wide', lambda: iter('a\u20acz\U0001f600'), [0, 2, -1])
check('bytes', lambda: iter(b'xyz'), [0, 1, -1])
check('bytearray', lambda: iter(bytearray(b'xyz')), [0, 2, -1])
check('range', lambda: iter(range(3, 15, 4)), [0, 1, 3, -1])
check('range_neg', lambda: iter(range(10, -5, -3)), [0, 2, -1])
check('range_rev', lambda: reversed(range(5)), [0, 2, -1])
check('range_empty', lambda: iter(range(0)), [0])
check('longrange', lambda: iter(range(2 ** 64, 2 ** 64 + 30, 7)), [0, 2, -1])
check('longrange_rev', lambda: reversed(range(-2 ** 70, -2 ** 70 + 4)), [0, 1, -1])
check('dict_keys', lambda: iter({1: 'a', 2: 'b', 3: 'c'}), [0, 1, -1])
check('dict_values', lambda: iter({1: 'a', 2: 'b', 3: 'c'}.values()), [0, 2, -1])
check('dict_items', lambda: iter({1: 'a', 2: 'b', 3: 'c'}.items()), [0, 1, -1])
check('dict_rkeys', lambda: reversed({1: 'a', 2: 'b', 3: 'c'}), [0, 1, -1])
check('dict_rvalues', lambda: reversed({1: 'a', 2: 'b'}.values()), [0, 1, -1])
check('dict_ritems', lambda: reversed({1: 'a', 2: 'b'}.items()), [0, 1, -1])
check('set', lambda: iter({1, 2, 3}), [0, 1, -1])
check('frozenset', lambda: iter(frozenset({4, 5})), [0, 1, -1])
check('seqiter', lambda: iter(Seq(3)), [0, 1, -1])
check('reversed', lambda: reversed(Seq(3)), [0, 1, -1])
check('calliter', lambda: iter(Counter(), 3), [0, 1, -1])

# Iterators over other iterators.
check('enumerate', lambda: enumerate('abc'), [0, 2, -1])
check('enumerate_start', lambda: enumerate('abc', 5), [0, 1, -1])
check('enumerate_big', lambda: enumerate('ab', 2 ** 65), [0, 1])
check('map', lambda: map(twice, [1, 2, 3]), [0, 2, -1])
check('map2', lambda: map(add, [1, 2, 3], (10, 20)), [0, 1, -1])
check('filter', lambda: filter(odd, range(6)), [0, 1, -1])
check('filter_none', lambda: filter(None, [0, 1, '', 'a']), [0, 1, -1])
check('zip', lambda: zip('ab', [1, 2, 3]), [0, 1, -1])
check('zip_strict', lambda: zip('ab', [1, 2], strict=True), [0, 1])
check('zip_empty', lambda: zip(), [0])

# Mutations after the fact: the iterator sees the live sequence.
lst = [1, 2, 3]
it = iter(lst)
next(it)
lst.append(4)
print(show(it.__reduce__()), list(pickle.loads(pickle.dumps(it))))
lst = [1, 2, 3, 4]
it = reversed(lst)
next(it)
del lst[:2]
print(show(it.__reduce__()), attempt(lambda: list(copy.copy(it))))

# __setstate__ clamps the position into the sequence.
def setstate(make, states):
    for s in states:
        it = make()
        r = attempt(lambda: it.__setstate__(s))
        print(type(it).__name__, repr(s), r, attempt(lambda: list(it)))


setstate(lambda: iter([1, 2, 3]), [-5, 0, 1, 3, 10, 2 ** 70, 'x', 1.5, True])
setstate(lambda: reversed([1, 2, 3]), [-5, -1, 0, 1, 2, 10])
setstate(lambda: iter((1, 2, 3)), [-1, 2, 7])
setstate(lambda: iter('abc'), [-1, 1, 7])
setstate(lambda: iter('\u20acbc'), [-1, 1, 7])
setstate(lambda: iter(b'abc'), [-1, 1, 7])
setstate(lambda: iter(bytearray(b'abc')), [-1, 1, 7])
setstate(lambda: iter(range(5)), [-1, 1, 7, 2 ** 70])
setstate(lambda: iter(range(2 ** 64, 2 ** 64 + 5)), [-1, 1, 7, 2 ** 70])
setstate(lambda: iter(Seq(3)), [-4, 1, 7])
setstate(lambda: reversed(Seq(3)), [-4, 0, 1, 7])
setstate(lambda: zip('ab', 'cd'), [True, 0, 'x'])

# Exhausted iterators ignore __setstate__.
for make in (lambda: iter([1]), lambda: reversed([1]), lambda: iter((1,)), lambda: iter('a'),
             lambda: iter(b'a'), lambda: iter(bytearray(b'a')), lambda: iter(Seq(1)),
             lambda: reversed(Seq(1))):
    it = make()
    list(it)
    print(type(it).__name__, it.__setstate__(0), list(it))

# Objects without __setstate__.
for it in (iter({1: 2}), iter({1}), enumerate([]), map(abs, []), filter(None, []), iter(Counter(), 1)):
    print(type(it).__name__, hasattr(it, '__setstate__'), hasattr(it, '__reduce__'))

# Subclasses of enumerate/map/filter/zip/reversed reduce to their own class.
class MyEnum(enumerate):
    pass


class MyMap(map):
    pass


print(show(MyEnum('ab', 3).__reduce__()), show(MyMap(abs, [1]).__reduce__()))
print(list(pickle.loads(pickle.dumps(MyEnum('ab', 3)))))
print(type(copy.copy(MyMap(abs, [-1]))).__name__)

# A sequence iterator over a list subclass keeps its class through pickling.
class L(list):
    pass


it = iter(L([7, 8, 9]))
next(it)
c = pickle.loads(pickle.dumps(it))
print(type(c).__name__, show(c.__reduce__()), type(c.__reduce__()[1][0]).__name__, list(c))

# A dict changed during iteration: the copy raises as iteration would.
d = {1: 2, 3: 4}
it = iter(d)
next(it)
d[5] = 6
print(attempt(it.__reduce__))
s = {1, 2}
it = iter(s)
next(it)
s.add(9)
print(attempt(it.__reduce__))
