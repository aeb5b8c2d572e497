# _bisect and _heapq: results, the order of `<` calls user classes see, key=, bounds and CPython's errors.
import _bisect
import _heapq
import bisect
import heapq
import random

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r)

print(bisect.bisect is _bisect.bisect_right, bisect.insort is _bisect.insort_right, heapq.heappush is _heapq.heappush)

print('--- bisect')
data = [1, 2, 2, 2, 3, 5, 8, 8, 13]
for x in [0, 1, 2, 3, 4, 8, 13, 20, 2.5]:
    print(x, _bisect.bisect_left(data, x), _bisect.bisect_right(data, x),
          _bisect.bisect_left(data, x, 2), _bisect.bisect_right(data, x, 1, 5), _bisect.bisect_left(data, x, hi=3))
print(_bisect.bisect_right(data, 2, lo=0, hi=None), _bisect.bisect_right(data, 2, 0, -1))
records = [('a', 1), ('b', 3), ('c', 3), ('d', 7)]
for k in [0, 1, 3, 4, 7, 9]:
    print(k, _bisect.bisect_left(records, k, key=lambda r: r[1]), _bisect.bisect_right(records, k, key=lambda r: r[1]))
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    _bisect.insort_left(s, x)
    _bisect.insort_right(s, x + 0.5)
print(s)
rs = []
for name, score in [('x', 3), ('y', 1), ('z', 3), ('w', 2)]:
    _bisect.insort_right(rs, (name, score), key=lambda r: r[1])
    _bisect.insort_left(rs, (name.upper(), score), key=lambda r: r[1])
print(rs)
print(_bisect.bisect_left('acegi', 'f'), _bisect.bisect_right((1, 2, 3), 2), _bisect.bisect_left(range(0, 100, 3), 50))

class Traced:
    log = []
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Traced.log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return 'T(%r)' % self.v
ts = [Traced(i) for i in range(0, 20, 2)]
_bisect.bisect_left(ts, Traced(7))
_bisect.bisect_right(ts, Traced(7))
print(Traced.log)

class Seq:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def insert(self, i, x):
        print('insert', i, x)
        self.items.insert(i, x)
q = Seq([1, 3, 5])
print(_bisect.bisect(q, 4) if hasattr(_bisect, 'bisect') else _bisect.bisect_right(q, 4))
_bisect.insort_right(q, 4)
_bisect.insort_left(q, 0, key=None)
print(q.items)
class L(list):
    def insert(self, i, x):
        print('L.insert', i, x)
        list.insert(self, i, x)
lst = L([1, 3])
_bisect.insort_left(lst, 2)
print(lst)

attempt(_bisect.bisect_right, [1], 1, -1)
attempt(_bisect.bisect_right, 5, 1)
attempt(_bisect.bisect_right, {1: 2}, 1)
attempt(_bisect.bisect_right, 5, 1, 0, 3)
attempt(_bisect.bisect_right, [1], 1, 1.0)
attempt(_bisect.bisect_right, [1], 1, hi=1.0)
attempt(_bisect.bisect_right, [1, 2], 1, 2 ** 70)
attempt(_bisect.bisect_left, [1, 2, 3], 5, 0, 10)
attempt(_bisect.insort_right, (1, 2), 3)
attempt(_bisect.bisect_left, [1, 'a'], 2)
attempt(_bisect.bisect_left, [1, 2], 1, key=len)

print('--- heapq')
random.seed(3)
for n in [0, 1, 2, 7, 30]:
    h = [random.randrange(50) for _ in range(n)]
    _heapq.heapify(h)
    print(h)
    out = []
    while h:
        out.append(_heapq.heappop(h))
    print(out == sorted(out), out[:8])
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 3]:
    _heapq.heappush(h, x)
    print(h)
print(_heapq.heappushpop(h, 0), _heapq.heappushpop(h, 4), h)
print(_heapq.heapreplace(h, 10), h)
print(_heapq.heappushpop([], 5))
mh = [random.randrange(100) for _ in range(15)]
_heapq._heapify_max(mh)
print(mh)
print(_heapq._heappop_max(mh), _heapq._heapreplace_max(mh, 50), mh)
print(_heapq._heappop_max([1]))

pairs = [(3, 'c'), (1, 'a'), (3, 'b'), (1, 'z'), (2, 'q')]
_heapq.heapify(pairs)
print(pairs)
print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, [5, 1, 4, 1, 5, 9, 2, 6]))
print(heapq.nlargest(2, ['bb', 'a', 'ccc'], key=len), list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)), list(heapq.merge(['a', 'bbb'], ['cc'], key=len)))

Traced.log = []
th = [Traced(v) for v in [9, 4, 7, 1, 8, 2]]
_heapq.heapify(th)
_heapq.heappush(th, Traced(3))
_heapq.heappop(th)
print(th, Traced.log)

class Mutating:
    def __init__(self, v, heap):
        self.v = v
        self.heap = heap
    def __lt__(self, other):
        self.heap.clear()
        return self.v < other.v
victim = []
victim.extend([Mutating(3, victim), Mutating(1, victim), Mutating(2, victim)])
attempt(_heapq.heapify, victim)
victim2 = []
victim2.append(Mutating(1, victim2))
attempt(_heapq.heappush, victim2, Mutating(0, victim2))

attempt(_heapq.heappush, 1, 2)
attempt(_heapq.heappop, [])
attempt(_heapq.heappop, (1,))
attempt(_heapq.heapify, (1,))
attempt(_heapq.heapreplace, [], 1)
attempt(_heapq.heapreplace, (1,), 1)
attempt(_heapq._heappop_max, [])
attempt(_heapq._heapreplace_max, [], 1)
attempt(_heapq.heappush, [1], 'a')
print(sorted(n for n in dir(_heapq) if not n.startswith('__')))
print(sorted(n for n in dir(_bisect) if not n.startswith('__')))
