# sys.setrecursionlimit/getrecursionlimit: RecursionError message, recovering after the error, limits too low, and recursion through __repr__/__eq__/lambdas.
import sys
old = sys.getrecursionlimit()
print(old)
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
reached = 0
def count(n):
    global reached
    reached = n
    count(n + 1)
try:
    count(0)
except RecursionError:
    print(150 < reached < 200)
for bad in [0, -1]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit("100")
except TypeError as e:
    print(type(e).__name__, e)
class R:
    def __repr__(self): return repr(self)
try:
    repr(R())
except RecursionError as e:
    print(type(e).__name__, e)
f = lambda n: f(n + 1)
try:
    f(0)
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(old)
def fact(n): return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(500))))
nested = []
for _ in range(10000):
    nested = [nested]
try:
    print(len(repr(nested)) > 0)
except RecursionError as e:
    print(type(e).__name__, e)
