# Chained comparisons: short-circuit, single evaluation of middle operands, mixed operators.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1.0, 1 < 2 > 0, 1 != 2 != 1)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))   # short-circuits after the first false
print(v(1) < v(5) == v(5) > v(0))
x = 5
print(0 <= x < 10, 0 <= x <= 4, x is x is not None, 1 in [1] in [[1]], "a" not in "bc" not in "xyz")
class Loud:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        print(f"{self.n} < {o.n}")
        return self.n < o.n
    def __bool__(self):
        print("bool", self.n)
        return True
a, b, c = Loud(1), Loud(2), Loud(3)
print(a < b < c)
class Weird:
    def __lt__(self, o): return "truthy-string"
print(Weird() < Weird(), Weird() < Weird() < Weird())
class Falsy:
    def __lt__(self, o): return 0
print(Falsy() < Falsy() < Falsy())
print(1 < 2 == True, (1 < 2) == True, not 1 < 2, not (1 == 2) == True)
try:
    1 < 2 < "x"
except TypeError as e:
    print(type(e).__name__, e)
print([1 < i < 4 for i in range(6)], all(0 < i < 10 for i in range(1, 9)))
y = [0]
print(y[0] < 1 < len(y) + 5, -1 < y[0] < 1 < 2 < 3 < 4)
