# generator object attributes: gi_running/gi_frame/gi_yieldfrom/gi_suspended via inspect states, __name__/__qualname__, iter identity.
import inspect
def gen():
    yield 1
    yield from sub()
def sub():
    yield "s"
g = gen()
print(g.__name__, g.__qualname__, iter(g) is g, inspect.getgeneratorstate(g), g.gi_running, g.gi_yieldfrom)
print(next(g), inspect.getgeneratorstate(g), g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
print(next(g), type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
print(list(g), inspect.getgeneratorstate(g), g.gi_frame)
g.__name__ = "renamed"
print(g.__name__)
try:
    g.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
class K:
    def meth(self):
        yield self
print(K().meth().__qualname__, type(K().meth()).__name__, (x for x in []).__name__)
def running():
    yield inspect.getgeneratorstate(r), r.gi_running
r = running()
print(next(r))
e = (i for i in range(3))
print(next(e), list(e), list(e))
def empty():
    return
    yield
print(list(empty()), inspect.isgeneratorfunction(empty), inspect.isgenerator(empty()), inspect.isgeneratorfunction(lambda: None))
