# concurrent.futures.ThreadPoolExecutor: map, submit, exceptions, callbacks,
# as_completed, wait, shutdown.
import concurrent.futures as cf
import threading
import time


def square(x):
    return x * x


def slow_square(x):
    time.sleep(0.001 * (x % 3))
    return x * x


def fail(x):
    if x % 4 == 0:
        raise ValueError(f"bad {x}")
    return x


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    print(list(ex.map(slow_square, range(10))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    futs = [ex.submit(fail, i) for i in range(8)]
    outcomes = []
    for f in futs:
        try:
            outcomes.append(f.result())
        except ValueError as e:
            outcomes.append(repr(e))
    print(outcomes)
    print(sorted(f.result() for f in cf.as_completed([ex.submit(slow_square, i) for i in range(6)])))
    done, not_done = cf.wait([ex.submit(square, i) for i in range(5)])
    print(len(done), len(not_done), sorted(f.result() for f in done))
    f = ex.submit(fail, 0)
    print("exception():", repr(f.exception()))
    called = []
    callback_ran = threading.Event()
    f = ex.submit(square, 7)
    f.add_done_callback(lambda fut: (called.append(fut.result()), callback_ran.set()))
    callback_ran.wait()
    print("callback:", called)
    try:
        list(ex.map(fail, range(3)))
    except ValueError as e:
        print("map raised:", e)
    names = set(ex.submit(lambda: threading.current_thread().name).result() for _ in range(3))
    print("worker names:", all(n.startswith("ThreadPoolExecutor-") for n in names))

ex = cf.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool")
fs = [ex.submit(slow_square, i) for i in range(6)]
ex.shutdown(wait=True)
print([f.result() for f in fs], all(f.done() for f in fs))
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)


# nested submission and a future waited on by several threads
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    inner = ex.submit(slow_square, 5)
    waiters = [ex.submit(lambda: inner.result() + 1) for _ in range(2)]
    print([w.result() for w in waiters])
    try:
        ex.submit(time.sleep, 0.2).result(timeout=0.01)
    except cf.TimeoutError:
        print("TimeoutError")
