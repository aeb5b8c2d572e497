# _collections.deque: methods, maxlen, indexing, operators, comparisons, iteration, reprs, subclassing.
from _collections import deque
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

d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy')
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(); print(d)
d.rotate(100); print(d)
d.reverse(); print(d)
print(d.count('a'), d.index('a'), d.index(2, 1), d.index(2, -6, 7))
attempt(lambda: d.index('zz'))
attempt(lambda: d.index(1, 'a'))
d.insert(2, 'ins'); d.insert(-1, 'neg'); d.insert(100, 'end'); d.insert(-100, 'start')
print(d)
d.remove('ins'); print(d)
attempt(lambda: d.remove('nope'))
d[1] = 'set'; del d[2]; print(d, d[3])
attempt(lambda: d[100])
attempt(lambda: d['a'])
attempt(lambda: d[1:2])
attempt(lambda: d.__setitem__(100, 1))
attempt(lambda: d.__delitem__(-100))
d.clear(); print(d, bool(d))
attempt(lambda: d.pop())
attempt(lambda: d.popleft())
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend(range(20, 25)); print(m)
m.extendleft([7, 8]); print(m)
attempt(lambda: m.insert(0, 1))
attempt(lambda: deque(maxlen=-1))
attempt(lambda: deque(maxlen='a'))
attempt(lambda: deque(1))
z = deque('abc', 0); z.append(1); z.extend('xyz'); print(z)
a, b = deque([1, 2]), deque([1, 2, 3])
print(a + b, a * 2, 2 * a, a * 0, a == deque([1, 2]), a != b, a < b, b > a, a <= a, a == [1, 2])
attempt(lambda: a + [1])
attempt(lambda: a * 'a')
attempt_type(lambda: a < [1])
c = deque([1]); c += [2, 3]; c *= 2; print(c)
c += c; print(c)
bounded = deque([1, 2], maxlen=5); bounded *= 4; print(bounded, deque([1, 2], 3) * 2)
print(3 in c, 9 in c, list(reversed(c)), list(iter(deque('xy'))))
it = iter(c); next(it)
print(it.__length_hint__(), type(it).__name__, type(reversed(c)).__name__)
def mutate():
    q = deque([1, 2, 3])
    for x in q:
        q.append(x)
attempt(mutate)
r = deque([1]); r.append(r); print(r)
print(repr(deque([], maxlen=2)), str(deque(['a'])))
print(copy.copy(deque([1, 2], 4)), deque([1]).copy(), deque([[1]]).__copy__())
class D(deque):
    pass
sub = D([1, 2], maxlen=4)
sub.attr = 5
cp = sub.copy()
print(sub, type(cp).__name__, cp.maxlen, sub.attr, type(sub + sub).__name__)
print(deque[int], deque.__module__)
attempt_type(lambda: hash(deque()))
import weakref
w = weakref.ref(d)
print(w() is d)
q = deque(range(100))
for i in range(50):
    q.rotate(7); q.popleft(); q.append(i)
print(list(q)[:10], sum(q))
print(deque([1, 2]).__reduce__()[:2], deque([1], 2).__reduce__()[:2])
