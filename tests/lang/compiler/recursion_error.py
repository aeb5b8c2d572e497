# RecursionError: raised at the limit, catchable, recoverable; sys.setrecursionlimit.
import sys
print(sys.getrecursionlimit())
depth = 0
def recurse():
    global depth
    depth += 1
    recurse()
try:
    recurse()
except RecursionError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
    print(900 < depth <= 1000)
def recurse_again(n):
    return recurse_again(n + 1)
try:
    recurse_again(0)
except RecursionError:
    print("caught again")
sys.setrecursionlimit(200)
depth = 0
try:
    recurse()
except RecursionError:
    print(100 < depth <= 200)
sys.setrecursionlimit(1000)
def fine(n): return 0 if n == 0 else 1 + fine(n - 1)
print(fine(500))
class Rep:
    def __repr__(self): return repr(self)
try:
    repr(Rep())
except RecursionError as e:
    print(type(e).__name__, e)
class Attr:
    def __getattr__(self, name): return getattr(self, name)
try:
    Attr().x
except RecursionError as e:
    print(type(e).__name__)
l = []
cur = l
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    repr(l)
except RecursionError as e:
    print(type(e).__name__, e)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
def mutual_a(n): return mutual_b(n)
def mutual_b(n): return mutual_a(n)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
print(fine(900))
