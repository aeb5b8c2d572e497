# Awaitables: __await__ returning generators/iterators, awaiting coroutines twice, coroutine wrappers, cr_await chain.
import types
class Future:
    def __init__(self): self.result = None; self.done = False
    def __await__(self):
        if not self.done:
            yield self
        return self.result
async def waiter(fut):
    print("waiting")
    v = await fut
    print("got", v)
    return v * 2
f = Future()
co = waiter(f)
yielded = co.send(None)
print(yielded is f, co.cr_await is not None, co.cr_suspended if hasattr(co, "cr_suspended") else True)
f.result, f.done = 21, True
try:
    co.send(None)
except StopIteration as e:
    print("result", e.value)
async def inner(): return "inner value"
async def outer():
    c = inner()
    first = await c
    try:
        await c
    except RuntimeError as e:
        return first, type(e).__name__, str(e)
try:
    outer().send(None)
except StopIteration as e:
    print(e.value)
class IterAwait:
    def __await__(self): return iter(["a", "b"])
async def use_iter():
    return await IterAwait()
u = use_iter()
print(u.send(None), u.send(None))
try:
    u.send(None)
except StopIteration as e:
    print("iterator awaitable result", e.value)
class NotAwaitable: pass
async def bad(): await NotAwaitable()
try:
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
async def coro(): return 1
cw = coro().__await__()
print(type(cw).__name__)
try:
    next(cw)
except StopIteration as e:
    print("wrapper result", e.value)
def plain_gen():
    yield "not awaitable without types.coroutine"
async def await_gen():
    await plain_gen()
try:
    await_gen().send(None)
except TypeError as e:
    print(type(e).__name__, e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c2 = coro()
    del c2
    import gc; gc.collect()
    print(sorted({x.category.__name__ for x in w}))
