# Coroutines driven manually and with asyncio: await, send, throw, close, awaitables.
import types
async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 3)
    return y
c = main()
print(type(c).__name__, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
class Awaitable:
    def __await__(self):
        print("await start")
        v = yield "suspended"
        print("resumed with", v)
        return "awaitable result"
async def uses():
    r = await Awaitable()
    return r + "!"
u = uses()
print(u.send(None))
try:
    u.send("val")
except StopIteration as e:
    print(e.value)
async def never(): pass
n = never()
n.close()
try:
    n.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
done = never()
try:
    done.send(None)
except StopIteration:
    pass
try:
    done.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
async def bad_await():
    await 5
b = bad_await()
try:
    b.send(None)
except TypeError as e:
    print(type(e).__name__, e)
class BadAwait:
    def __await__(self): return 5
async def bad2(): await BadAwait()
try:
    bad2().send(None)
except TypeError as e:
    print(type(e).__name__, e)
@types.coroutine
def legacy():
    v = yield "legacy yield"
    return v
async def use_legacy():
    return await legacy()
l = use_legacy()
print(l.send(None))
try:
    l.send("sent")
except StopIteration as e:
    print(e.value)
async def catcher():
    try:
        await Awaitable()
    except ValueError as e:
        return "caught " + str(e)
ct = catcher(); ct.send(None)
try:
    ct.throw(ValueError("thrown"))
except StopIteration as e:
    print(e.value)
import asyncio
async def worker(name, delay, log):
    log.append(f"{name} start")
    for _ in range(delay):
        await asyncio.sleep(0)
    log.append(f"{name} end")
    return name
async def run_all():
    log = []
    results = await asyncio.gather(worker("a", 2, log), worker("b", 1, log), worker("c", 0, log))
    print(results, log)
    t = asyncio.create_task(worker("t", 0, log))
    print(await t, t.done())
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError as e:
        print(type(e).__name__)
    return "finished"
print(asyncio.run(run_all()))
import inspect
print(inspect.iscoroutinefunction(add), inspect.iscoroutine(add(1, 2)) if False else True, asyncio.iscoroutinefunction(main))
cr = add(1, 1); print(cr.cr_frame is not None, cr.cr_running, cr.cr_code.co_name); cr.close()
