# os.fork() while other threads run or wait for the GIL: the child has one
# thread, can start new ones, and collects garbage; the parent's threads go on.
import gc
import os
import sys
import threading
import time

stop = threading.Event()
counts = [0] * 3


def spin(i):
    junk = []
    while not stop.is_set():
        counts[i] += 1
        junk.append([counts[i]] * 3)
        if len(junk) > 100:
            junk = []


ts = [threading.Thread(target=spin, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
time.sleep(0.02)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    try:
        print("child: threads", threading.active_count(), threading.current_thread() is threading.main_thread())
        out = []
        kids = [threading.Thread(target=lambda i=i: out.append(sum(range(i * 1000)))) for i in range(4)]
        for k in kids:
            k.start()
        for k in kids:
            k.join()
        data = [[i, str(i)] for i in range(3000)]
        gc.collect()
        print("child: results", sorted(out), len(data), data[-1])
        lock = threading.Lock()
        with lock:
            print("child: lock works")
        sys.stdout.flush()
    finally:
        os._exit(7)
_, status = os.waitpid(pid, 0)
print("parent: child exit status", os.waitstatus_to_exitcode(status))
time.sleep(0.01)
stop.set()
for t in ts:
    t.join()
print("parent: threads ran", all(c > 0 for c in counts))
