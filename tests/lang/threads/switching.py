# The GIL is handed over while threads run pure Python: CPU-bound threads
# all make progress, `while` loops (whose back edge is a conditional jump)
# and `for` loops both yield, and a busy thread does not starve the main one.
import sys
import threading
import time

stop = False
counts = [0, 0, 0]


def spin_while(i):
    while not stop:
        counts[i] += 1


def spin_for(i):
    for _ in iter(int, 1):
        if stop:
            break
        counts[i] += 1


def spin_none(i):
    x = 0
    while x is not None:
        counts[i] += 1
        x = None if stop else x + 1


ts = [threading.Thread(target=f, args=(i,)) for i, f in enumerate((spin_while, spin_for, spin_none))]
for t in ts:
    t.start()
t0 = time.monotonic()
n = 0
while time.monotonic() - t0 < 0.3:
    n += 1
stop = True
for t in ts:
    t.join()
print("every thread ran:", all(c > 0 for c in counts), "main ran:", n > 0)

# a short switch interval: two threads alternate through a shared list
sys.setswitchinterval(0.0001)
trace = []
done = threading.Event()


def writer(tag):
    i = 0
    while not done.is_set() and i < 200_000:
        trace.append(tag)
        i += 1
        if len(trace) > 20_000:
            break


a = threading.Thread(target=writer, args=("a",))
b = threading.Thread(target=writer, args=("b",))
a.start()
b.start()
a.join()
b.join()
done.set()
switches = sum(1 for x, y in zip(trace, trace[1:]) if x != y)
print("interleaved:", switches > 0, set(trace) == {"a", "b"})
sys.setswitchinterval(0.005)


# a thread waiting on a lock held by a busy thread gets it once released
lock = threading.Lock()
events = []


def holder():
    with lock:
        s = 0
        for i in range(20000):
            s += i
        events.append("holder done")


def waiter():
    time.sleep(0.001)
    with lock:
        events.append("waiter got lock")


h = threading.Thread(target=holder)
w = threading.Thread(target=waiter)
h.start()
w.start()
h.join()
w.join()
print(events)

# recursion (no loops) in one thread while another loops
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


res = {}
ts = [threading.Thread(target=lambda: res.__setitem__("fib", fib(15))),
      threading.Thread(target=lambda: res.__setitem__("sum", sum(i * i for i in range(10000))))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(res.items()))
