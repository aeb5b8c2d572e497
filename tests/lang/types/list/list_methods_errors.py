# list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear with edge indices and errors.
L = [1, 2, 3]
L.insert(-1, "a"); L.insert(100, "end"); L.insert(-100, "start"); print(L)
print(L.pop(), L.pop(0), L.pop(-2), L)
for i in [10, -10]:
    try:
        L.pop(i)
    except IndexError as e:
        print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
L = [1, 2, 1, 2, 1]
print(L.index(2), L.index(1, 1), L.index(1, -1), L.count(1), L.count(9), L.index(2, -100, 100))
try:
    L.index(1, 1, 2)
except ValueError as e:
    print(type(e).__name__, e)
L.remove(1); print(L)
try:
    L.remove("x")
except ValueError as e:
    print(type(e).__name__, e)
L.extend(range(2)); L.extend("ab"); L.extend(L); print(L)
try:
    L.extend(5)
except TypeError as e:
    print(type(e).__name__, e)
L.reverse(); print(L)
c = L.copy(); L.clear(); print(L, len(c))
x = [1]; x += "xy"; print(x)
try:
    x = x + "z"
except TypeError as e:
    print(type(e).__name__, e)
print([0] * 3, [[0]] * 2, 3 * [1, 2], [1] * -2, [1, 2] < [1, 3], [1, 2] == [1, 2.0], [[]] < [[1]])
y = [1, 2, 3]; y *= 2; print(y)
print([1, 2, 3][-1:-4:-1], list(reversed([1, 2])), [1, [2, [3]]][1][1][0])
z = [1, 2, 3, 4]
z[1:3] = []; print(z)
z[:0] = [9, 8]; print(z)
z[len(z):] = [7]; print(z)
del z[-2:]; print(z)
class Eq:
    def __eq__(self, o):
        return True
print([1, 2].index(Eq()) if False else [5, 6].count(Eq()), Eq() in [1], [Eq()].index(3))
