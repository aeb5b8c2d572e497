# Generators: iteration, send, throw, close, return values, yield from, states.
def gen():
    print("start")
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)
    return "done"
g = gen()
print(type(g).__name__, g.__name__, g.__qualname__)
import inspect
print(inspect.getgeneratorstate(g))
print(next(g))
print(inspect.getgeneratorstate(g))
print(g.send("a"))
try:
    g.send("b")
except StopIteration as e:
    print("StopIteration", e.value, e.args)
print(inspect.getgeneratorstate(g))
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
g2 = gen()
try:
    g2.send(5)
except TypeError as e:
    print(type(e).__name__, e)
print(g2.send(None))
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "after catch"
c = catcher()
next(c)
print(c.throw(ValueError("boom")))
print(next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print(type(e).__name__, e)
print(inspect.getgeneratorstate(c))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
cl = closer()
next(cl)
cl.close()
cl.close()
print(inspect.getgeneratorstate(cl))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def inner():
    r = yield "i1"
    print("inner got", r)
    yield "i2"
    return "inner result"
def outer():
    res = yield from inner()
    print("yield from returned", res)
    yield from [10, 20]
    yield from range(2)
o = outer()
print(next(o), o.send("sent"), list(o))
def bad():
    yield 1
    raise StopIteration("inside")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def running():
    yield g_self.send(None)
g_self = running()
try:
    next(g_self)
except ValueError as e:
    print(type(e).__name__, e)
gen_exp = (x * x for x in range(4))
print(type(gen_exp).__name__, next(gen_exp), list(gen_exp), list(gen_exp))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
print(sum(x for x in range(10) if x % 2), max((len(w), w) for w in ["a", "abc", "ab"]))
def g_return(): 
    return 5
    yield
try:
    next(g_return())
except StopIteration as e:
    print("value", e.value)
print(g.gi_frame, g.gi_running, c.gi_frame is not None, hasattr(g, "gi_code"), g.gi_code.co_name)
