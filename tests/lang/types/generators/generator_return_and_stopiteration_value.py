# Generator return values: StopIteration.value, yield from result, return inside try/finally, StopIteration raised inside a generator (RuntimeError, PEP 479).
def g(n):
    for i in range(n):
        yield i
    return "done-" + str(n)
it = g(2)
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e.value), e.args)
try:
    next(it)
except StopIteration as e:
    print("again", repr(e.value), e.args)
def delegator():
    r = yield from g(3)
    print("delegate got", r)
    r2 = yield from []
    print("empty got", r2)
    return (r, r2)
gen = delegator()
print(list(gen))
def tuple_return():
    return (1, 2)
    yield
try:
    next(tuple_return())
except StopIteration as e:
    print(e.value, e.args)
def return_stopiter():
    return StopIteration("inner")
    yield
try:
    next(return_stopiter())
except StopIteration as e:
    print(type(e.value).__name__, e.value)
def raises_stopiter():
    yield 1
    raise StopIteration("leaked")
try:
    list(raises_stopiter())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)
def next_in_gen():
    yield next(iter([]))
try:
    list(next_in_gen())
except RuntimeError as e:
    print(type(e).__name__, e)
def finally_return():
    try:
        yield 1
        return "try"
    finally:
        return "finally"
fr = finally_return(); next(fr)
try:
    next(fr)
except StopIteration as e:
    print(e.value)
def none_return():
    yield
try:
    x = none_return(); next(x); next(x)
except StopIteration as e:
    print(e.value, e.args)
