# StopIteration handling: for loops, next() defaults, generators (PEP 479), iterators raising it early.
class Counter:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration("done counting")
        self.n -= 1
        return self.n
print(list(Counter(3)))
c = Counter(1)
print(next(c), next(c, "exhausted"))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, e.args, e.value)
def gen_leaks():
    yield next(iter([]))
try:
    list(gen_leaks())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def gen_returns():
    yield 1
    return "ret"
print(list(gen_returns()))
g = gen_returns(); next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
print([x for x in Counter(2)], sum(Counter(4)), max(Counter(3)), dict(zip(Counter(2), "ab")))
def gen_catches():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"
print(list(gen_catches()))
class Stop2(StopIteration): pass
def gen_subclass():
    raise Stop2
    yield
try:
    list(gen_subclass())
except RuntimeError as e:
    print(type(e).__name__, type(e.__cause__).__name__)
async def coro_stop():
    raise StopIteration
try:
    coro_stop().send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
