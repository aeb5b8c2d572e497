# _queue.SimpleQueue (queue.SimpleQueue): FIFO order, qsize/empty, get/put variants and their keyword
# arguments, timeouts, Empty, a blocking get() interrupted by a signal handler that raises, subclasses,
# weak references, GenericAlias, many items, and CPython's errors.
import _queue
import gc
import queue
import signal
import time
import weakref

def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except BaseException as e:
        print(type(e).__name__, repr(e))
    else:
        print('ok', repr(r))

print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty, _queue.Empty.__mro__)
print(_queue.Empty.__module__, _queue.Empty.__doc__, _queue.SimpleQueue.__doc__)
print(sorted(n for n in dir(_queue) if not n.startswith('__')))
print([(n, getattr(_queue.SimpleQueue, n).__text_signature__) for n in sorted(dir(_queue.SimpleQueue))
       if not n.startswith('__')])
print(_queue.SimpleQueue[int], type(_queue.SimpleQueue[str]).__name__)

q = queue.SimpleQueue()
print(q.empty(), q.qsize())
q.put(1)
q.put('two', block=False)
q.put(item=[3], timeout=5)
q.put_nowait(4.0)
q.put_nowait(item=None)
print(q.empty(), q.qsize())
print(q.get(), q.get(block=False), q.get(True, 1), q.get_nowait(), q.get(timeout=0))
print(q.empty(), q.qsize())
attempt(q.get, False)
attempt(q.get_nowait)
attempt(q.get, timeout=0)
attempt(q.get, False, -1)
t0 = time.monotonic()
attempt(q.get, timeout=0.05)
print(time.monotonic() - t0 >= 0.04)
attempt(q.get, timeout=-1)
attempt(q.get, timeout='x')
attempt(q.get, timeout=float('nan'))
attempt(q.get, timeout=1e300)
attempt(q.get, timeout=2**70)
attempt(q.put)
attempt(q.put, 1, 2, 3, 4)
attempt(_queue.SimpleQueue, 1)
attempt(_queue.SimpleQueue, a=1)
attempt(q.get, 1, 2, 3)

# many items, interleaved
for i in range(1000):
    q.put(i)
out = [q.get() for _ in range(600)]
for i in range(1000, 1500):
    q.put(i)
out += [q.get_nowait() for _ in range(900)]
print(out == list(range(1500)), q.qsize(), q.empty())

# a blocking get() ends when a signal handler raises
def alarm(signum, frame):
    raise RuntimeError('alarm during get')
old = signal.signal(signal.SIGALRM, alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
attempt(q.get)
signal.setitimer(signal.ITIMER_REAL, 0.05)
attempt(q.get, timeout=5)
# a handler that does not raise: the wait goes on until its timeout
signal.signal(signal.SIGALRM, lambda *a: None)
signal.setitimer(signal.ITIMER_REAL, 0.02)
t0 = time.monotonic()
attempt(q.get, timeout=0.1)
print(time.monotonic() - t0 >= 0.09)
signal.signal(signal.SIGALRM, old)

class MyQueue(_queue.SimpleQueue):
    def put(self, item):
        super().put(item * 2)
m = MyQueue()
m.put(21)
print(type(m).__name__, m.get(), isinstance(m, _queue.SimpleQueue))
r = weakref.ref(q)
print(r() is q)
big = _queue.SimpleQueue()
for i in range(200):
    big.put(bytearray(100))
    big.get()
print(big.qsize())
import copy
import pickle
attempt(pickle.dumps, _queue.SimpleQueue())
attempt(copy.copy, _queue.SimpleQueue())
print(repr(_queue.SimpleQueue()).split(' at ')[0])
