# tuple: index/count with ranges, lexicographic comparison, concatenation, repetition, hashing.
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(2), t.index(2, 2), t.index(1, 1), t.index(2, -2))
for args in [(9,), (3, 0, 2), (1, 1, 4)]:
    try:
        t.index(*args)
    except ValueError as e:
        print(type(e).__name__, e)
print((1, 2) < (1, 2, 0), (1, 3) > (1, 2, 9), () < (0,), (1, "a") == (1, "a"), (1, 2) != (1, 2.0))
print((1,) + (2, 3), (0,) * 3, 2 * ("a",), () * 5, (1, 2) * -1, (1, 2) * 0)
print(t[::-1], t[1:4], t[::2], t[-2:], t[10:], t[:-10])
print(hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()), hash((1, (2, 3))) == hash((True, (2, 3.0))))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2) + [3]
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1,) < ("a",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
print(tuple("abc"), tuple(range(3)), tuple({"k": 1}), tuple(x * x for x in range(4)), tuple(), repr((1,)), repr(()))
print(len(t), 3 in t, 9 not in t, min(t), max(t), sum(t), sorted(t))
nan = float("nan")
print((nan,) == (nan,), [nan] == [nan], (nan,) < (nan, 1))
class T(tuple):
    pass
x = T((1, 2))
print(type(x + x).__name__, type(x[:]).__name__, type(x * 2).__name__, x == (1, 2), repr(x))
e = ()
print(tuple(e) is e, tuple((1, 2)) == (1, 2))
