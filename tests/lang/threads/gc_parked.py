# Many threads allocate while others are parked in blocking calls (sleep,
# lock waits, pipe reads, queue gets): collections run on whichever thread
# holds the GIL and must find every other thread's references.  Each thread
# checks its own data after every blocking call.
import os
import queue
import sys
import threading
import time

sys.setswitchinterval(0.0005)
ROUNDS = 30
errors = []
report = {}
report_lock = threading.Lock()


def build(seed, n):
    return [{"id": seed + i, "name": str(seed + i), "pair": (seed, i), "items": [i] * (i % 4)} for i in range(n)]


def check(data, seed, n, where):
    ok = len(data) == n and all(
        d["id"] == seed + i and d["name"] == str(seed + i) and d["pair"] == (seed, i) and d["items"] == [i] * (i % 4)
        for i, d in enumerate(data)
    )
    if not ok:
        errors.append(where)


def allocator(k):
    total = 0
    keep = []
    for r in range(ROUNDS):
        data = build(k * 100000 + r, 40)
        keep.append(data)
        if len(keep) > 4:
            keep.pop(0)
        garbage = [str(i) * 3 for i in range(60)]
        total += len(garbage)
        check(data, k * 100000 + r, 40, f"alloc {k} round {r}")
    for j, data in enumerate(keep):
        check(data, k * 100000 + ROUNDS - len(keep) + j, 40, f"alloc {k} kept {j}")
    with report_lock:
        report[f"alloc{k}"] = total


def sleeper(k):
    for r in range(ROUNDS // 3):
        data = build(-k * 1000 - r, 20)
        text = "".join(d["name"] for d in data)
        time.sleep(0.001)
        check(data, -k * 1000 - r, 20, f"sleeper {k} round {r}")
        if text != "".join(str(-k * 1000 - r + i) for i in range(20)):
            errors.append(f"sleeper {k} text {r}")
    with report_lock:
        report[f"sleep{k}"] = r + 1


lock = threading.Lock()
cond = threading.Condition(lock)
state = {"turn": 0}


def ping(k, parties):
    seen = []
    for r in range(ROUNDS // 3):
        data = build(7000 + k * 100 + r, 10)
        with cond:
            while state["turn"] % parties != k:
                cond.wait()
            state["turn"] += 1
            seen.append(state["turn"])
            cond.notify_all()
        check(data, 7000 + k * 100 + r, 10, f"ping {k} round {r}")
    with report_lock:
        report[f"ping{k}"] = seen


rfd, wfd = os.pipe()


def pipe_reader():
    chunks = []
    data = build(5000, 30)
    while True:
        b = os.read(rfd, 64)
        if not b or b.endswith(b"."):
            chunks.append(b)
            break
        chunks.append(b)
    check(data, 5000, 30, "pipe reader")
    with report_lock:
        report["pipe"] = b"".join(chunks)


q = queue.Queue()


def queue_consumer():
    got = []
    while (item := q.get()) is not None:
        got.append((item[0], len(item[1]), item[1][-1]["name"]))
    with report_lock:
        report["queue"] = got


threads = [threading.Thread(target=allocator, args=(k,)) for k in range(3)]
threads += [threading.Thread(target=sleeper, args=(k,)) for k in range(2)]
threads += [threading.Thread(target=ping, args=(k, 2)) for k in range(2)]
threads += [threading.Thread(target=pipe_reader), threading.Thread(target=queue_consumer)]
for t in threads:
    t.start()
for i in range(10):
    q.put((i, build(i * 10, 5)))
    os.write(wfd, f"chunk{i};".encode())
    time.sleep(0.0005)
os.write(wfd, b".")
q.put(None)
for t in threads:
    t.join()
os.close(rfd)
os.close(wfd)
for key in sorted(report):
    print(key, report[key])
print("errors:", errors)
