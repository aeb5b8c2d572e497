# _thread and threading without starting threads: Lock, RLock, identity, thread-local data, start_new_thread's refusal.
import _thread

lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
for args, kw in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": "x"})]:
    try:
        lock.acquire(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())
print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX)

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested", r._is_owned())
state = (r.acquire(), r._release_save())[1]
print(state[0], state[1] == _thread.get_ident(), r._is_owned())
r._acquire_restore(state)
print(r._is_owned())
r.release()

print(type(_thread.get_ident()).__name__, _thread.get_ident() == _thread.get_ident(), _thread.get_native_id() > 0)
print(_thread._count(), _thread.stack_size())
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError", e)
try:
    _thread.start_new_thread(1, ())
except TypeError as e:
    print("TypeError", e)
try:
    _thread.start_new_thread(print, [])
except TypeError as e:
    print("TypeError", e)

# thread-local data
loc = _thread._local()
loc.x = 1
print(loc.x, loc.__dict__)
del loc.x
print(hasattr(loc, "x"))
try:
    _thread._local(1)
except TypeError as e:
    print("TypeError", e)
class MyLocal(_thread._local):
    def __init__(self, v):
        self.v = v
ml = MyLocal(5)
ml.w = 6
print(ml.v, ml.w, sorted(ml.__dict__.items()))

# threading at import, and its objects that need no second thread
import threading
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.get_ident() == _thread.get_ident(), threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX)
L = threading.Lock(); R = threading.RLock(); c = threading.Condition(); ev = threading.Event(); sem = threading.Semaphore(2)
with L, R, c:
    print(c.wait(0.001), ev.is_set(), ev.wait(0.001))
ev.set()
print(ev.wait(), sem.acquire(), sem.acquire(), sem.acquire(timeout=0.001))
sem.release(2)
local = threading.local()
local.a = 3
print(local.a)
