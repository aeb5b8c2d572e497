# collections' pure-Python parts on the natives: namedtuple, OrderedDict, Counter, ChainMap, deque, defaultdict.
import collections
import collections.abc
from collections import namedtuple, OrderedDict, Counter, ChainMap, deque, defaultdict

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
print(Point.x.__doc__, type(Point.x).__name__, isinstance(p, tuple), p == (1, 2), hash(p) == hash((1, 2)))
attempt(lambda: setattr(p, 'x', 3))
attempt(lambda: Point(1))
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0, 1])
print(P3(9), P3._field_defaults, namedtuple('R', 'class def', rename=True)._fields)
x, y = p
print(x, y, Point.__doc__, repr(Point.__new__.__doc__))
od = OrderedDict([('a', 1), ('b', 2)])
od['c'] = 3
od.move_to_end('a')
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict(b=2)
print(od == od2, od == {'b': 2}, OrderedDict.fromkeys('xy', 0))
c = Counter('abracadabra')
print(c.most_common(3), c['z'], sorted(c.elements())[:5], c.total())
c.update({'a': 2}); c.subtract('b')
print(c['a'], c['b'], sorted((c + Counter('zz')).items())[:3], Counter(a=3) - Counter(a=1), Counter(a=1) | Counter(a=4))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.new_child({'z': 0})['z'], cm.parents)
print(deque is collections.deque, defaultdict is collections.defaultdict, deque([1, 2], 3))
print(isinstance(deque(), collections.abc.MutableSequence), isinstance(defaultdict(), collections.abc.MutableMapping))
print(collections.abc.Sequence.register, issubclass(deque, collections.abc.Sequence))
dd = defaultdict(lambda: defaultdict(int))
dd['a']['b'] += 1
print(dict(dd['a']), len(dd))
