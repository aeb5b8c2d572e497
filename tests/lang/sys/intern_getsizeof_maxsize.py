# sys.intern (identity of interned strings, type checks), sys.getsizeof (ints > 0, __sizeof__ hook and default, errors), sys.maxsize relations.
import sys
a = sys.intern("".join(["dyn", "amic"]))
b = sys.intern("dyn" + "amic")
print(a is b, a == "dynamic", type(a).__name__)
for bad in [5, b"bytes", None]:
    try:
        sys.intern(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class S(str): pass
try:
    sys.intern(S("sub"))
except TypeError as e:
    print(type(e).__name__, e)
print(all(isinstance(sys.getsizeof(o), int) and sys.getsizeof(o) > 0 for o in [0, 1.5, "s", [], {}, (), None, object()]))
class Sized:
    def __sizeof__(self): return 1000
print(sys.getsizeof(Sized()) >= 1000, sys.getsizeof(Sized(), 5) >= 1000)
class Neg:
    def __sizeof__(self): return -1
class NotInt:
    def __sizeof__(self): return "big"
for obj in [Neg(), NotInt()]:
    try:
        sys.getsizeof(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Broken:
    def __sizeof__(self): raise RuntimeError("nope")
try:
    sys.getsizeof(Broken())
except RuntimeError as e:
    print(type(e).__name__, e)
print(sys.getsizeof(Broken, "default") != "default", sys.getsizeof(Broken(), "dflt") if False else "skip")
print(sys.maxsize == 2 ** 63 - 1, -sys.maxsize - 1 == -(2 ** 63), type(sys.maxsize).__name__, len(range(sys.maxsize)) == sys.maxsize)
try:
    len(range(sys.maxsize + 1))
except OverflowError as e:
    print(type(e).__name__, e)
print(sys.getsizeof([]) <= sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
