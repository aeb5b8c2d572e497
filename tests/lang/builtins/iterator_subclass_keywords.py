# Keyword arguments to subclasses of keyword-less iterator constructors: refused unless the subclass defines __init__.
import itertools

CASES = [
    (map, (str, [1, 2])),
    (filter, (None, [0, 1])),
    (reversed, ('ab',)),
    (itertools.filterfalse, (None, [0, 1])),
    (itertools.dropwhile, (bool, [1, 0])),
    (itertools.takewhile, (bool, [1, 0])),
    (itertools.starmap, (pow, [(2, 3)])),
    (itertools.chain, ([1], [2])),
    (itertools.islice, ([1, 2, 3], 1, 3)),
    (itertools.cycle, ([1, 2],)),
    (itertools.pairwise, ([1, 2, 3],)),
]

for base, args in CASES:
    class Plain(base):
        pass

    class WithInit(base):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    try:
        base(*args, newarg=3)
    except TypeError as e:
        print(base.__name__, 'base:', e)
    try:
        Plain(*args, newarg=3)
        print(base.__name__, 'plain: accepted')
    except TypeError as e:
        print(base.__name__, 'plain:', e)
    try:
        u = WithInit(*args, newarg=3)
        print(base.__name__, 'init:', type(u).__name__, u.newarg, list(itertools.islice(u, 3)))
    except TypeError as e:
        print(base.__name__, 'init:', e)
