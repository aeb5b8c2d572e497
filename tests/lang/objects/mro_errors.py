# Inconsistent hierarchies raise TypeError when the class is created.
class A: pass
class B(A): pass

def attempt(label, make):
    try:
        cls = make()
        print(label, "ok", [k.__name__ for k in cls.__mro__])
    except TypeError as e:
        print(label, type(e).__name__, e)

attempt("A,B", lambda: type("Bad", (A, B), {}))
attempt("B,A", lambda: type("Good", (B, A), {}))
attempt("dup", lambda: type("Dup", (A, A), {}))

class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
attempt("XY,YX", lambda: type("Z", (XY, YX), {}))

def bad_class():
    class C(A, B):
        pass
    return C
attempt("class stmt", bad_class)

try:
    class Sub(True.__class__):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class FromInt(1):
        pass
except TypeError as e:
    print(type(e).__name__)

# instance layout conflicts
try:
    class IntList(int, list):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class BadMro(type):
        def mro(cls):
            return [1]
    class Q(metaclass=BadMro):
        pass
except TypeError as e:
    print(type(e).__name__, e)
