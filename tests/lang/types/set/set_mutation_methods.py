# set mutation methods: add/discard/remove/pop/clear/update variants, errors, and set-of-set lookup.
s = set()
s.add(1); s.add(1); s.add(2)
print(sorted(s), len(s))
s.discard(5); s.discard(1)
print(sorted(s))
try:
    s.remove(9)
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.remove((1, 2))
except KeyError as e:
    print(type(e).__name__, e, e.args)
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
s.update([1, 2], (3,), range(4, 6)); print(sorted(s))
s.intersection_update([1, 2, 3, 99], range(2, 10)); print(sorted(s))
s.difference_update([2], [7]); print(sorted(s))
s.symmetric_difference_update([3, 4]); print(sorted(s))
s.clear(); print(s, len(s))
try:
    s.add([1])
except TypeError as e:
    print(type(e).__name__, e)
s.add(frozenset({1}))
print({1} in s, set({1}) in s)
s.remove({1}); print(s)
s = {3}; s.discard({3}); print(s)
try:
    frozenset().add
except AttributeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
print(sorted(set(range(20)) - set(range(0, 20, 3))))
print({i % 4 for i in range(100)}, set("aaa"), repr(set()), repr(frozenset()), repr(frozenset({5})))
class S(set):
    pass
r = S([1, 2]) | {3}
print(type(r).__name__, sorted(r), repr(S()), repr(S([1])))
