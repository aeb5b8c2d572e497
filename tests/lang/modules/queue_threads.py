# _queue.SimpleQueue across real threads: a blocking get() releases the GIL and wakes when another
# thread puts; several producers and consumers; get(timeout=...) woken before its deadline.
import _queue
import threading
import time

q = _queue.SimpleQueue()

def producer(start):
    for i in range(start, start + 200):
        q.put(i)
        if i % 50 == 0:
            time.sleep(0.001)

threads = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
for t in threads:
    t.start()
got = [q.get() for _ in range(600)]
for t in threads:
    t.join()
print(len(got), sorted(got) == sorted(i + k * 1000 for k in range(3) for i in range(200)))
for k in range(3):
    mine = [x for x in got if k * 1000 <= x < k * 1000 + 200]
    print(mine == sorted(mine))

# consumers block first, the main thread produces later
results = []
lock = threading.Lock()
def consumer():
    while True:
        item = q.get()
        if item is None:
            return
        with lock:
            results.append(item)

consumers = [threading.Thread(target=consumer) for _ in range(4)]
for t in consumers:
    t.start()
time.sleep(0.05)
for i in range(400):
    q.put(i)
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print(sorted(results) == list(range(400)), q.empty())

def late_put():
    time.sleep(0.05)
    q.put('late')
t = threading.Thread(target=late_put)
t0 = time.monotonic()
t.start()
print(q.get(timeout=10), time.monotonic() - t0 < 5)
t.join()
