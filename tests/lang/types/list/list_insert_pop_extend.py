# list insert/pop/append/extend/clear/copy/reverse edge cases: out-of-range insert, negative pop, self-extend.
a = [1, 2, 3]
a.insert(0, "head"); a.insert(100, "tail"); a.insert(-1, "pre-tail"); a.insert(-100, "first"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(1), a)
for idx in [5, -6]:
    try:
        a.pop(idx)
    except IndexError as e:
        print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
b = [1, 2]
b.extend(b); print(b)
b.extend(range(2)); b.extend("xy"); b.extend({7: 0}); b.extend(()); print(b)
try:
    b.extend(5)
except TypeError as e:
    print(type(e).__name__, e)
b.append(b); print(len(b), b[-1] is b, repr(b)[-6:])
c = b.copy(); c.clear(); print(c, len(b))
r = [1, 2, 3, 4]; r.reverse(); print(r, r.reverse(), r)
try:
    a.insert("0", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.pop(1.0)
except TypeError as e:
    print(type(e).__name__, e)
print([].copy() == [], type([1].copy()).__name__, a.append(1), a.extend([]), a.clear(), a)
