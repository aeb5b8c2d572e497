# Lock, RLock, Condition, Event, Semaphore, BoundedSemaphore, Barrier across
# threads: blocking waits release the GIL, timeouts, errors.
import _thread
import threading
import time

# --- Lock: another thread blocks until release; timeouts; non-blocking
lock = threading.Lock()
order = []
lock.acquire()


def waiter():
    with lock:
        order.append("waiter got it")


t = threading.Thread(target=waiter)
t.start()
time.sleep(0.02)
order.append("main releases")
lock.release()
t.join()
print(order)

lock.acquire()
t0 = time.monotonic()
got = []
t = threading.Thread(target=lambda: got.append(lock.acquire(timeout=0.05)))
t.start()
t.join()
print("timed out:", got, time.monotonic() - t0 >= 0.04)
t = threading.Thread(target=lambda: got.append(lock.acquire(False)))
t.start()
t.join()
print("non-blocking:", got)
# a lock may be released by another thread
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released elsewhere:", lock.locked())
for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": "x"})]:
    try:
        lock.acquire(*args, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(lock.acquire(timeout=0), lock.acquire(timeout=0.01), lock.locked())
lock.release()

# --- RLock: re-entrant for the owner, exclusive for others
rlock = threading.RLock()
with rlock:
    with rlock:
        res = []
        t = threading.Thread(target=lambda: res.append(rlock.acquire(timeout=0.02)))
        t.start()
        t.join()
        print("other thread got the rlock:", res)

        def bad_release():
            try:
                rlock.release()
            except RuntimeError as e:
                res.append(str(e))

        t = threading.Thread(target=bad_release)
        t.start()
        t.join()
        print(res)
print("rlock free:", rlock.acquire(blocking=False))
rlock.release()
counter = [0]


def bump(n):
    for _ in range(n):
        with rlock:
            with rlock:
                counter[0] += 1


ts = [threading.Thread(target=bump, args=(500,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("rlock counter:", counter[0])

# --- Condition: notify / notify_all / wait_for / timeout
cond = threading.Condition()
items = []
consumed = []


def consumer(n):
    with cond:
        cond.wait_for(lambda: len(items) >= n)
        consumed.append(n)


ts = [threading.Thread(target=consumer, args=(n,)) for n in (1, 2, 3)]
for t in ts:
    t.start()
for i in range(3):
    time.sleep(0.005)
    with cond:
        items.append(i)
        cond.notify_all()
for t in ts:
    t.join()
print("consumed:", sorted(consumed))
with cond:
    print("wait timeout:", cond.wait(0.01))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# --- Event
ev = threading.Event()
flags = []
ts = [threading.Thread(target=lambda: flags.append(ev.wait(2))) for _ in range(3)]
for t in ts:
    t.start()
time.sleep(0.01)
ev.set()
for t in ts:
    t.join()
print("event:", flags, ev.is_set(), threading.Event().wait(0.01))

# --- Semaphore: at most 2 inside at once
sem = threading.Semaphore(2)
inside = [0]
peak = [0]
guard = threading.Lock()


def limited():
    with sem:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.005)
        with guard:
            inside[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("semaphore peak within bound:", 1 <= peak[0] <= 2, "inside now:", inside[0])
print(sem.acquire(timeout=0.01), sem.acquire(blocking=False), sem.acquire(blocking=False))
bsem = threading.BoundedSemaphore(1)
bsem.acquire()
bsem.release()
try:
    bsem.release()
except ValueError as e:
    print("ValueError:", e)

# --- Barrier
barrier = threading.Barrier(4)
arrivals = []
alock = threading.Lock()


def at_barrier(i):
    idx = barrier.wait()
    with alock:
        arrivals.append(idx)


ts = [threading.Thread(target=at_barrier, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("barrier indices:", sorted(arrivals), barrier.broken)
b2 = threading.Barrier(2, timeout=0.02)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken barrier:", b2.broken)

# --- the raw lock type
lk = _thread.allocate_lock()
print(type(lk).__name__, isinstance(lk, _thread.LockType), lk.acquire(), lk.locked())
lk.release()
print("TIMEOUT_MAX > 0:", _thread.TIMEOUT_MAX > 0)
