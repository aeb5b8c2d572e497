# queue.Queue / LifoQueue / PriorityQueue / SimpleQueue between producer and
# consumer threads; task_done/join; timeouts.
import queue
import threading

q = queue.Queue(maxsize=5)
results = []
rlock = threading.Lock()


def producer(base):
    for i in range(50):
        q.put(base + i)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with rlock:
            results.append(item * 2)
        q.task_done()


producers = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
consumers = [threading.Thread(target=consumer) for _ in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
q.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print(len(results), sum(results), sorted(results)[:5], sorted(results)[-3:])

# timeouts and the Empty/Full exceptions
small = queue.Queue(1)
small.put("x")
try:
    small.put("y", timeout=0.01)
except queue.Full:
    print("Full")
print(small.get(timeout=0.01))
try:
    small.get(timeout=0.01)
except queue.Empty:
    print("Empty")

# a blocked get wakes up when another thread puts
box = []
t = threading.Thread(target=lambda: box.append(small.get()))
t.start()
small.put("woken")
t.join()
print(box)

# LIFO and priority order survive concurrent filling
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
ts = [threading.Thread(target=lambda k=k: [pq.put((v, k)) for v in range(k, 30, 3)]) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([pq.get()[0] for _ in range(30)])
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)])

sq = queue.SimpleQueue()
out = []


def drain():
    while (v := sq.get()) is not None:
        out.append(v)


t = threading.Thread(target=drain)
t.start()
for i in range(100):
    sq.put(i)
sq.put(None)
t.join()
print(len(out), sum(out), out == sorted(out))
