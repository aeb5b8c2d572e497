# set in-place methods with several iterable arguments: update, intersection_update, difference_update, symmetric_difference_update, and their operator forms.
s = {1, 2, 3}
s.update([4], (5, 6), range(7, 9)); print(sorted(s))
s.intersection_update(range(10), [1, 2, 3, 4, 5, 99]); print(sorted(s))
s.difference_update([1], {2}, (9,)); print(sorted(s))
s.symmetric_difference_update([4, 10]); print(sorted(s))
a = {1, 2}; alias = a
a |= {3}; a &= {1, 3, 4}; a -= {1}; a ^= {5}; print(sorted(a), alias is a)
f = frozenset({1, 2}); falias = f
f |= {3}; print(sorted(f), falias is f, sorted(falias), type(f).__name__)
try:
    a |= [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.symmetric_difference_update([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
t = {1, 2, 3}; t.difference_update(t); print(t)
t = {1, 2, 3}; t.symmetric_difference_update(t); print(t)
t = {1, 2}; t.update(t); t.intersection_update(t); print(sorted(t))
for m in ("add", "discard", "remove", "pop", "clear", "update"):
    print(m, hasattr(frozenset(), m))
