# Starred unpacking of exact lists and tuples (taken item by item, without iterating)
# and float ** float (a positive finite base computed inline): results and errors.
data = list(range(12))
a, *b, c = data; print(a, b, c)
*i, t = data[:3]; print(i, t)
h, s, *r = (1, 2, 3, 4); print(h, s, r)
h, s, *r = (1, 2); print(h, s, r)
*r, = (); print(r)
x, *y = "abc"; print(x, y)
try:
    a, b, *c = [1]
except ValueError as e: print(e)
try:
    a, *b, c, d = (1, 2)
except ValueError as e: print(e)
print(2 ** 0.5, 2.0 ** 3, (-8.0) ** (1/3), 0.0 ** 2.0, 1e300 ** 2 if False else 0, 10.0 ** -400, 2.5 ** 2)
try: print(1e300 ** 2.0)
except OverflowError as e: print(e)
try: print(0.0 ** -1.0)
except ZeroDivisionError as e: print(e)
x = 3.0; x **= 2; print(x)
class L(list):
    def __iter__(self):
        return iter([7, 8, 9])
a, *b = L([1, 2, 3]); print(a, b)
print(4 ** 0.5, 4.0 ** 0.5, 2 ** -1.0, (-2.0) ** 2.0, (-2.0) ** 0.5, float("inf") ** 2, 2.0 ** float("nan"))
class F(float):
    def __pow__(self, other): return "F.__pow__"
print(F(2.0) ** 3.0, 2.0 ** F(3.0))
