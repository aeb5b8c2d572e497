# Debian's _asyncio binary through cpyext: asyncio's Future and Task are its
# C types.  Python subclasses of them are awaited through the __await__ slot
# wrapper of am_await; tasks sit in a WeakSet, whose weak references to a C
# task must die with it; tasks step coroutines with
# _PyGen_FetchStopIterationValue.
import asyncio
import gc
import weakref
import _asyncio

print(asyncio.Future is _asyncio.Future, asyncio.Task is _asyncio.Task)
print(asyncio.futures._CFuture is _asyncio.Future, asyncio.tasks._CTask is _asyncio.Task)
print(hasattr(_asyncio.Future, "__await__"), hasattr(_asyncio.Future, "__iter__"))
print(asyncio.get_event_loop_policy().__class__.__name__)


def collect_until(pred, tries=10):
    """Garbage dies at some collection, not at a given one (Tern's GC)."""
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


async def add(a, b, delay=0):
    await asyncio.sleep(delay)
    return a + b


async def fails(message):
    await asyncio.sleep(0)
    raise ValueError(message)


async def basics():
    loop = asyncio.get_running_loop()
    print(asyncio.get_running_loop() is loop, asyncio.current_task().get_name())
    print(await add(1, 2), await asyncio.create_task(add(3, 4)))
    # A coroutine returning values of every kind through StopIteration.
    for value in (None, 0, (1, 2), [3], StopIteration("inner"), "text"):
        async def give(v=value):
            await asyncio.sleep(0)
            return v
        got = await asyncio.create_task(give())
        print(type(got).__name__, got if not isinstance(got, BaseException) else got.args)
    # A future resolved from a callback.
    fut = loop.create_future()
    print(type(fut) is _asyncio.Future, fut.done(), repr(fut).startswith("<Future pending"))
    loop.call_soon(fut.set_result, "from callback")
    print(await fut, fut.done(), fut.result())
    # Callbacks run in order with the future; removal.
    seen = []
    fut = loop.create_future()
    fut.add_done_callback(lambda f: seen.append(("a", f.result())))
    cb = lambda f: seen.append(("b", f.result()))
    fut.add_done_callback(cb)
    fut.add_done_callback(lambda f: seen.append(("c", f.result())))
    print(fut.remove_done_callback(cb))
    fut.set_result(5)
    await asyncio.sleep(0)
    print(seen)
    # Exceptions.
    try:
        await asyncio.create_task(fails("boom"))
    except ValueError as e:
        print("ValueError", e)
    fut = loop.create_future()
    fut.set_exception(KeyError("k"))
    print(type(fut.exception()).__name__)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    try:
        loop.create_future().result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    # gather: _GatheringFuture is a Python subclass of the C Future.
    results = await asyncio.gather(add(1, 1), add(2, 2, 0.001), add(3, 3))
    print(results)
    print(await asyncio.gather(fails("x"), add(1, 1), return_exceptions=True))
    gathering = asyncio.gather(add(5, 5))
    print(type(gathering).__name__, type(gathering).__mro__[1] is _asyncio.Future, "__await__" in dir(gathering))
    print(await gathering)
    # wait_for, wait, shield, as_completed.
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.001)
    except asyncio.TimeoutError:
        print("TimeoutError")
    done, pending = await asyncio.wait([asyncio.create_task(add(i, i)) for i in range(3)])
    print(sorted(t.result() for t in done), len(pending))
    print(await asyncio.shield(add(7, 7)))
    print(sorted([await f for f in asyncio.as_completed([add(1, 0, 0.002), add(2, 0, 0.001)])]))


async def cancellation():
    started = asyncio.Event()

    async def sleeper():
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("sleeper cancelled")
            raise

    task = asyncio.create_task(sleeper(), name="sleeper")
    await started.wait()
    print(task.get_name(), task.cancel("stop"), task.cancelling())
    try:
        await task
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    print(task.cancelled(), task.done())
    fut = asyncio.get_running_loop().create_future()
    fut.cancel(msg="gone")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    # Uncancel, and a task cancelled before it started.
    t = asyncio.create_task(add(1, 1))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start", t.cancelled())
    try:
        async with asyncio.timeout(0.001) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("inner cancelled")
                raise
    except TimeoutError:
        print("TimeoutError", cm.expired())


async def tasks_and_weakrefs():
    loop = asyncio.get_running_loop()
    # all_tasks is a WeakSet of C tasks: finished tasks leave it when they die.
    tasks = [asyncio.create_task(add(i, 1)) for i in range(20)]
    print(len(asyncio.all_tasks()) >= 21)
    print(sum(await asyncio.gather(*tasks)))
    del tasks
    for _ in range(3):
        gc.collect()
    print(asyncio.all_tasks() == {asyncio.current_task()})
    # A weak reference to a future dies with it; its callback runs.
    called = []
    fut = loop.create_future()
    ref = weakref.ref(fut, lambda r: called.append(r is ref))
    print(ref() is fut)
    del fut
    print(collect_until(lambda: ref() is None and called), ref(), called)
    # A weak set of futures, as asyncio keeps tasks.
    ws = weakref.WeakSet(loop.create_future() for _ in range(10))
    keep = loop.create_future()
    ws.add(keep)
    print(collect_until(lambda: len(ws) == 1), list(ws) == [keep])
    # Tasks in a cycle with their coroutine's frame.
    async def selfref():
        me = asyncio.current_task()
        await asyncio.sleep(0)
        return me.get_name()
    print(await asyncio.create_task(selfref(), name="cyclic"))


class MyFuture(asyncio.Future):
    def describe(self):
        return f"MyFuture({self.result()})"


class MyTask(asyncio.Task):
    steps = 0

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(coro, loop=loop, name=name, context=context)
        MyTask.steps += 1


async def subclasses():
    loop = asyncio.get_running_loop()
    fut = MyFuture()
    loop.call_soon(fut.set_result, 9)
    print(await fut, fut.describe())
    print(list(MyFuture.__mro__) == [MyFuture, _asyncio.Future, object])
    loop.set_task_factory(lambda loop, coro, **kw: MyTask(coro, loop=loop, **kw))
    t = asyncio.create_task(add(2, 3))
    print(type(t).__name__, await t, MyTask.steps)
    loop.set_task_factory(None)

    # An awaitable whose __await__ yields a C future (the Future protocol).
    class Awaitable:
        def __await__(self):
            f = loop.create_future()
            loop.call_soon(f.set_result, "awaited")
            return (yield from f)

    print(await Awaitable())
    # Iterating a future by hand (yield from, as generator-based code does).
    f = loop.create_future()
    it = f.__await__()
    print(next(it) is f, f._asyncio_future_blocking)
    f.set_result(3)
    try:
        next(it)
    except StopIteration as e:
        print("StopIteration", e.value)


def main_sync():
    for part in (basics, cancellation, tasks_and_weakrefs, subclasses):
        asyncio.run(part())
    # Several loops in a row, and a task left pending when the loop ends.
    async def leave_pending():
        asyncio.create_task(asyncio.sleep(10))
        return "left"
    print(asyncio.run(leave_pending()))
    loop = asyncio.new_event_loop()
    print(loop.run_until_complete(add(20, 22)))
    loop.close()
    print(_asyncio._get_running_loop())


main_sync()
for _ in range(3):
    gc.collect()
print("done")
