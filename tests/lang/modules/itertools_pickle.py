# Pickling and copying itertools objects: __reduce__, __setstate__ and round trips at several positions.
import copy
import operator
import pickle
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat, starmap,
                       takewhile, tee, zip_longest)
import itertools


def show(v):
    """A deterministic description of a reduce value (no addresses)."""
    if isinstance(v, tuple):
        inner = ', '.join(show(x) for x in v)
        return '(' + inner + (',)' if len(v) == 1 else ')')
    if isinstance(v, list):
        return '[' + ', '.join(show(x) for x in v) + ']'
    if isinstance(v, (int, str, bytes, range, float, type(None), bool)):
        return repr(v)
    if isinstance(v, type):
        return v.__name__
    if hasattr(v, '__qualname__'):
        return v.__qualname__
    return '<%s>' % type(v).__name__


def attempt(f):
    try:
        return f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


def lt3(x):
    return x < 3


def first(s):
    return s[0]


COPIERS = [lambda it, p=p: pickle.loads(pickle.dumps(it, p)) for p in range(pickle.HIGHEST_PROTOCOL + 1)]
COPIERS += [copy.copy, copy.deepcopy]
LIMIT = 12  # how much of an infinite iterator is compared


def advance(make, k):
    it = make()
    taken = [next(it) for _ in range(k)] if k >= 0 else list(it)
    return it, taken


def drain(it):
    return list(islice(it, LIMIT))


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
            got.append((attempt(lambda: drain(c)), attempt(lambda: drain(it))))
        print('   ', got[0] if all(g == got[0] for g in got) else got)


check('count', lambda: count(), [0, 3])
check('count_start', lambda: count(5), [0, 2])
check('count_step', lambda: count(5, 3), [0, 2])
check('count_float', lambda: count(0.5), [0, 2])
check('count_fstep', lambda: count(1, 0.25), [0, 2])
check('count_big', lambda: count(2 ** 64), [0, 2])
check('count_neg_big', lambda: count(-2 ** 64, 2 ** 63), [0, 3])
check('count_near_max', lambda: count(2 ** 63 - 3), [0, 1, 3, 4])
check('count_bool', lambda: count(True), [0, 1])
check('cycle', lambda: cycle('abc'), [0, 1, 3, 4, 7])
check('cycle_empty', lambda: cycle(''), [0, -1])
check('repeat', lambda: repeat('x'), [0, 2])
check('repeat_times', lambda: repeat('x', 3), [0, 2, -1])
check('repeat_neg', lambda: repeat('x', -4), [0])
check('accumulate', lambda: accumulate([1, 2, 3, 4]), [0, 1, 2, -1])
check('accumulate_func', lambda: accumulate([1, 2, 3, 4], operator.mul), [0, 2, -1])
check('accumulate_initial', lambda: accumulate([1, 2, 3], initial=10), [0, 1, 2, -1])
check('accumulate_initial_func', lambda: accumulate([1, 2], operator.sub, initial=10), [0, 1, -1])
check('accumulate_empty', lambda: accumulate([]), [0, -1])
check('chain', lambda: chain('ab', [1, 2], ()), [0, 1, 2, 3, -1])
check('chain_from_iterable', lambda: chain.from_iterable(['ab', 'cd']), [0, 1, 3, -1])
check('compress', lambda: compress('abcdef', [1, 0, 1, 1, 0, 1]), [0, 2, -1])
check('dropwhile', lambda: dropwhile(lt3, [1, 2, 3, 4, 1]), [0, 1, -1])
check('takewhile', lambda: takewhile(lt3, [1, 2, 3, 4, 1]), [0, 1, 2, -1])
check('filterfalse', lambda: filterfalse(lt3, [1, 5, 2, 6]), [0, 1, -1])
check('filterfalse_none', lambda: filterfalse(None, [0, 1, 0, 2]), [0, 1, -1])
check('islice', lambda: islice('abcdefgh', 5), [0, 2, -1])
check('islice_step', lambda: islice('abcdefgh', 1, 7, 2), [0, 1, -1])
check('islice_open', lambda: islice('abcdefgh', 2, None), [0, 1, -1])
check('islice_empty', lambda: islice('abc', 0), [0])
check('starmap', lambda: starmap(pow, [(2, 3), (3, 2), (10, 2)]), [0, 1, -1])
check('zip_longest', lambda: zip_longest('ab', 'wxyz'), [0, 1, 3, -1])
check('zip_longest_fill', lambda: zip_longest('abc', [1], fillvalue='-'), [0, 1, 2, -1])
check('zip_longest_empty', lambda: zip_longest(), [0])
check('product', lambda: product('ab', range(3)), [0, 1, 3, 6, -1])
check('product_repeat', lambda: product((0, 1), repeat=2), [0, 2, -1])
check('product_empty_pool', lambda: product('ab', ''), [0, -1])
check('product_none', lambda: product(), [0, 1, -1])
check('permutations', lambda: permutations('abc'), [0, 1, 4, 6, -1])
check('permutations_r', lambda: permutations(range(4), 2), [0, 5, -1])
check('permutations_big_r', lambda: permutations('ab', 3), [0, -1])
check('combinations', lambda: combinations('abcd', 2), [0, 1, 3, 6, -1])
check('combinations_r0', lambda: combinations('ab', 0), [0, 1, -1])
check('combinations_big_r', lambda: combinations('ab', 3), [0, -1])
check('cwr', lambda: combinations_with_replacement('abc', 2), [0, 1, 4, 6, -1])
check('cwr_empty', lambda: combinations_with_replacement('', 2), [0, -1])

# groupby and its groups: the groupby, then the current and older _grouper.
print(show(groupby([]).__reduce__()), show(groupby('aab', str.upper).__reduce__()))
for k in range(4):
    g = groupby('aabbbc')
    groups = [next(g) for _ in range(k)]
    print('groupby', k, show(g.__reduce__()))
    for copier in COPIERS:
        g = groupby('aabbbc')
        for _ in range(k):
            next(g)
        c = copier(g)
        print('   ', [(key, list(grp)) for key, grp in c], [(key, list(grp)) for key, grp in g])
    if groups:
        print('    grouper', [show(grp.__reduce__()) for key, grp in groups])
g = groupby(['ab', 'ac', 'bd'], first)
key, grp = next(g)
print(show(g.__reduce__()), show(grp.__reduce__()))
for copier in COPIERS:
    g = groupby(['ab', 'ac', 'bd'], first)
    key, grp = next(g)
    next(grp)
    c = copier(grp)
    print('   ', type(c).__name__, list(c), list(grp), [(k, list(v)) for k, v in g])
g = groupby('aab')
key, grp = next(g)
next(g)
print(show(grp.__reduce__()), list(copy.copy(grp)), list(pickle.loads(pickle.dumps(grp))))

# tee objects and their shared buffer (_tee_dataobject).
for k in (0, 1, 3, -1):
    a, b = tee('abcd')
    taken = [next(a) for _ in range(k)] if k >= 0 else list(a)
    red = a.__reduce__()
    print('tee', k, taken, show(red), show(red[2][0].__reduce__()))
    for copier in COPIERS:
        a, b = tee('abcd')
        taken = [next(a) for _ in range(k)] if k >= 0 else list(a)
        c = copier(a)
        print('   ', list(c), list(a), list(b))
a, b = tee(range(200))
for _ in range(130):
    next(a)
red = a.__reduce__()
print(show(red), [len(x.__reduce__()[1][1]) for x in (red[2][0],)], list(pickle.loads(pickle.dumps(a)))[:3])
data = b.__reduce__()[2][0]
chain_lengths = []
while data is not None:
    chain_lengths.append(len(data.__reduce__()[1][1]))
    data = data.__reduce__()[1][2]
print(chain_lengths)
a, b = tee(range(200))
for _ in range(60):
    next(b)
c = pickle.loads(pickle.dumps((a, b)))
print(next(c[0]), next(c[1]), len(list(c[0])), len(list(c[1])))

# pairwise has no __reduce__ of its own: object's refuses it.
print(attempt(lambda: pickle.dumps(pairwise('abc'))), attempt(lambda: copy.copy(pairwise('abc'))))

# __setstate__ and its checks.
def setstate(label, make, states):
    for s in states:
        it = make()
        r = attempt(lambda: it.__setstate__(s))
        if label == 'groupby':
            rest = attempt(lambda: [(k, list(g)) for k, g in it])
        else:
            rest = attempt(lambda: drain(it))
        print(label, show(s), r, rest)


setstate('cycle', lambda: cycle('ab'), [(['x', 'y'], 1), (['x', 'y'], 0), (['x'], True), ('xy', 1), (['x'],), 5,
                                          (['x'], 'a')])
setstate('accumulate', lambda: accumulate([1, 2]), [100, None])
setstate('chain', lambda: chain('ab'), [(iter('xy'),), (iter(['xy', 'z']), iter('q')), ('xy',), (iter(''), 'q'),
                                         5, ()])
setstate('dropwhile', lambda: dropwhile(lt3, [1, 2, 5, 1]), [True, 0, 'x'])
setstate('takewhile', lambda: takewhile(lt3, [1, 2, 5, 1]), [True, 0])
setstate('islice', lambda: islice('abcdefgh', 2, 6), [0, 3, 5, -1, 'x'])
setstate('groupby', lambda: groupby('aabbc'), [('a', 'a', 'a'), ('a', 'a'), 5])
setstate('zip_longest', lambda: zip_longest('ab', 'x'), ['*', None])
setstate('product', lambda: product('ab', 'xyz'), [(0, 1), (1, 2), (-5, 9), (0,), 5, (0, 'x')])
setstate('product0', lambda: product('ab', ''), [(0, 0)])
setstate('combinations', lambda: combinations('abcd', 2), [(0, 1), (1, 3), (9, 9), (-1, -1), (0,), 'ab'])
setstate('cwr', lambda: combinations_with_replacement('abc', 2), [(0, 1), (2, 2), (9, -9), (0,)])
setstate('permutations', lambda: permutations('abc', 2), [((0, 1, 2), (3, 2)), ((2, 1, 0), (1, 1)),
                                                          ((9, -9, 0), (0, 9)), ((0, 1), (3, 2)), ([0, 1, 2], (3, 2)),
                                                          (0,)])
setstate('tee', lambda: tee('abc')[0], [5, (1, 2)])
data = tee('abc')[0].__reduce__()[2][0]
setstate('tee', lambda: tee('xyz')[0], [(data, 0), (data, 58), (data, -1)])

# _tee_dataobject's constructor checks its arguments.
teedata = type(data)
print(teedata.__name__, teedata.__module__)
print(attempt(lambda: list(itertools._tee(()).__class__(()))))
print(attempt(lambda: show(teedata(iter('ab'), [1, 2], None).__reduce__())))
print(attempt(lambda: teedata(iter('ab'), [1, 2], data)))
print(attempt(lambda: teedata(iter('ab'), (1, 2), None)))
print(attempt(lambda: teedata(iter('ab'), list(range(58)), None)))
print(attempt(lambda: teedata(iter('ab'), list(range(57)), 5)))
print(attempt(lambda: show(teedata(iter('ab'), list(range(57)), None).__reduce__()[1][2])))

# The _grouper constructor.
grouper = type(next(groupby('a'))[1])
print(grouper.__name__, attempt(lambda: grouper(5, 'a')))
g = groupby('aab')
print(list(grouper(g, 'a')))

# Subclasses reduce to their own class.
class MyCount(count):
    pass


class MyChain(chain):
    pass


print(show(MyCount(3).__reduce__()), show(MyChain('a', 'b').__reduce__()))
print(type(copy.copy(MyCount(3))).__name__, next(pickle.loads(pickle.dumps(MyCount(3)))))
print(type(copy.copy(MyChain('a', 'b'))).__name__, list(pickle.loads(pickle.dumps(MyChain('a', 'b')))))
