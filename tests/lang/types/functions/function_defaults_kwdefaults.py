# function __defaults__ and __kwdefaults__: reading, reassigning, deleting, mutable default sharing, evaluation time.
def f(a, b=1, *args, c, d=2, **kw):
    return (a, b, args, c, d, kw)
print(f.__defaults__, f.__kwdefaults__, f(0, c=5))
f.__defaults__ = (10,)
f.__kwdefaults__ = {"c": 30, "d": 40}
print(f(0), f(0, 1, 2, d=9))
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print(type(e).__name__, e)
del f.__kwdefaults__
print(f.__kwdefaults__, f.__defaults__)
try:
    f(0, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    f.__kwdefaults__ = [("c", 1)]
except TypeError as e:
    print(type(e).__name__, e)
def g(x, acc=[]):
    acc.append(x)
    return acc
print(g(1), g(2), g(3, []), g(4), g.__defaults__)
counter = 0
def make():
    global counter
    counter += 1
    return counter
def h(v=make()):
    return v
print(h(), h(), counter)
def no_defaults(a): pass
print(no_defaults.__defaults__, no_defaults.__kwdefaults__, (lambda x=1, *, y=2: 0).__defaults__, (lambda x=1, *, y=2: 0).__kwdefaults__)
def pos(a, b=2, /, c=3): return a, b, c
print(pos.__defaults__, pos(1), pos(1, c=4))
