# sys.getrefcount: defined in both; Tern reports 2 plus the references C code holds (docs/differences.md).
import sys

TERN = sys.implementation.name == "tern"

x = object()
n = sys.getrefcount(x)
print("int:", type(n) is int, n >= 2)
try:
    sys.getrefcount()
except TypeError as e:
    print("TypeError:", e)

held = [x, x, x]
m = sys.getrefcount(x)
if TERN:
    # Python references are not counted: the same as before.
    print("list references counted:", m == n + 3 or m == n)
else:
    print("list references counted:", m == n + 3 or m == n)
del held
print("back:", sys.getrefcount(x) == n)
print("small int:", sys.getrefcount(7) >= 2)
