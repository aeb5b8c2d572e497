# callable() on many kinds of objects, iter(callable, sentinel) stop rules, next() with default, and iter() errors.
class WithCall:
    def __call__(self): return 1
class NoCall: pass
class MetaCall(type):
    def __call__(cls): return "meta"
class ViaMeta(metaclass=MetaCall): pass
inst = NoCall(); inst.__call__ = lambda: 1
for obj in [len, print, WithCall(), WithCall, NoCall(), NoCall, inst, ViaMeta, ViaMeta(), lambda: 0, 5, "s", str.upper, "s".upper, classmethod(len), staticmethod(len), type, object(), None]:
    print(type(obj).__name__, callable(obj))
it = iter([5, 3, 0, 7, 0])
f = lambda: next(it)
print(list(iter(f, 0)))
counter = [0]
def tick():
    counter[0] += 1
    if counter[0] > 5:
        raise StopIteration
    return counter[0]
print(list(iter(tick, 99)))
i2 = iter(lambda: 1 / 0, None)
try:
    next(i2)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
class EqAll:
    def __eq__(self, o): return True
print(list(iter(lambda: "x", EqAll())))
ci = iter(lambda: 5, 5); print(list(ci), list(ci), type(ci).__name__)
for f in [lambda: iter(5, 0), lambda: iter(5), lambda: iter(), lambda: next([1]), lambda: next(5)]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
e = iter([])
print(next(e, "default"), next(e, None), next(iter([1]), "unused"))
try:
    next(e)
except StopIteration as ex:
    print(type(ex).__name__, ex.args)
g = (x for x in [1])
print(next(g, "d"), next(g, "d"), next(g, "d"))
