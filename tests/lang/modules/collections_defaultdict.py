# _collections.defaultdict, _count_elements and _tuplegetter.
from _collections import defaultdict, _count_elements, _tuplegetter
import copy

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def attempt_type(f):
    # For errors whose message names a type by its C-level tp_name ('collections.deque'),
    # which Tern spells as __name__ (docs/differences.md).
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

d = defaultdict(list)
d['a'].append(1); d['b']; d['a'].append(2)
print(d, d.default_factory, isinstance(d, dict), type(d).__mro__[1])
print(d.get('zz'), 'zz' in d, len(d))
n = defaultdict(int, {'x': 1}, y=2)
n['z'] += 5
print(n, sorted(n.items()))
none = defaultdict()
print(none, none.default_factory)
attempt(lambda: none['missing'])
attempt(lambda: defaultdict(5))
print(defaultdict(None, {1: 2}))
n.default_factory = lambda: 'made'
print(n['new'], n.__missing__('other'), n['other'])
print(sorted(n.copy().items()), type(n.copy()).__name__, copy.copy(n) == n, copy.copy(n).default_factory is n.default_factory)
print(defaultdict(list, a=1) | {'b': 2}, {'b': 2} | defaultdict(list, a=1))
attempt_type(lambda: defaultdict(list) | 5)
u = defaultdict(set); u |= {'k': 1}; print(u)
r = defaultdict(list); r['self'] = r; print(r)
class Factory:
    def __repr__(self): return 'F()'
    def __call__(self): return 0
print(defaultdict(Factory()))
class Sub(defaultdict):
    pass
s = Sub(int)
s['q'] += 1
print(s, type(s.copy()).__name__)
print(defaultdict(list).__reduce__()[:2])
c = {}
_count_elements(c, 'abracadabra')
print(sorted(c.items()))
class Counting(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
cc = Counting()
_count_elements(cc, 'aab')
print(sorted(cc.items()))
attempt(lambda: _count_elements({}, 5))
g = _tuplegetter(1, 'second item')
print(g, g.__doc__, g.__get__((1, 2), tuple), g.__get__(None, tuple) is g)
class Point(tuple):
    y = _tuplegetter(1, 'y coordinate')
p = Point((3, 4))
print(p.y, Point.y.__doc__)
attempt(lambda: setattr(p, 'y', 5))
attempt(lambda: delattr(p, 'y'))
attempt(lambda: _tuplegetter(5, 'doc').__get__((1,), tuple))
attempt(lambda: _tuplegetter(0, 'doc').__get__([1], list))
attempt(lambda: _tuplegetter('a', 'doc'))
