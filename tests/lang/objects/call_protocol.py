# __call__ on instances, callable(), calling classes, metaclass __call__.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, scale=1, **kw):
        return (self.n + x) * scale, rest, kw

add = Adder(10)
print(add(1), add(1, 2, 3, scale=2, extra='e'))
print(callable(add), callable(Adder), callable(5), callable(len), callable(None))
print(add.__call__(5))

class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
try:
    five = 5
    five()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "abc"
    s(1)
except TypeError as e:
    print(type(e).__name__, e)

# __call__ on the instance is ignored
n = NotCallable()
n.__call__ = lambda: "instance"
print(callable(n))
try:
    n()
except TypeError as e:
    print(type(e).__name__)

# __call__ that is itself a callable object
class Inner:
    def __call__(self, *a): return ("inner", a)
class Outer:
    __call__ = Inner()
print(Outer()(1, 2))

# chained calls and returning functions
def make(x):
    def f(y):
        def g(z):
            return x + y + z
        return g
    return f
print(make(1)(2)(3))

# calling a class: __new__ then __init__; __init__ skipped when __new__ returns another type
class Weird:
    def __new__(cls, v):
        print("new", v)
        if v < 0:
            return "not a Weird"
        return super().__new__(cls)
    def __init__(self, v):
        print("init", v)
print(Weird(1).__class__.__name__)
print(Weird(-1))

class InitReturns:
    def __init__(self): return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)

try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
class ArgsNoInit: pass
try:
    ArgsNoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
