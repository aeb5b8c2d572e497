# threading.Thread and _thread.start_new_thread: start, join, identity, names,
# arguments, subclasses, counts, the switch interval.
import _thread
import sys
import threading
import time

main = threading.current_thread()
print("main:", main.name, main is threading.main_thread(), main.daemon)
print("main ident matches:", main.ident == threading.get_ident() == _thread.get_ident())

# target with args and kwargs; results collected and printed after join
results = {}


def work(key, a, b=0, *, scale=1):
    results[key] = (a + b) * scale


threads = [threading.Thread(target=work, args=(i, i * 10), kwargs={"b": 1, "scale": 2}) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print("alive after join:", [t.is_alive() for t in threads])

# idents are distinct while threads live at the same time; native ids too
gate = threading.Event()
seen = []
seen_lock = threading.Lock()


def record():
    with seen_lock:
        seen.append((threading.get_ident(), threading.get_native_id(), threading.current_thread().name))
    gate.wait()


threads = [threading.Thread(target=record, name=f"rec-{i}") for i in range(4)]
for t in threads:
    t.start()
while True:
    with seen_lock:
        if len(seen) == 4:
            break
    time.sleep(0.001)
print("distinct idents:", len({s[0] for s in seen}) == 4, "distinct native:", len({s[1] for s in seen}) == 4)
print("native differs from main:", all(s[1] != threading.get_native_id() for s in seen))
print("names:", sorted(s[2] for s in seen))
print("idents match Thread.ident:", sorted(s[0] for s in seen) == sorted(t.ident for t in threads))
print("active while blocked:", threading.active_count(), len(threading.enumerate()), _thread._count())
gate.set()
for t in threads:
    t.join()
print("active after:", threading.active_count(), _thread._count())


# a Thread subclass overriding run
class Adder(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"adder{n}")
        self.n = n
        self.total = None

    def run(self):
        self.total = sum(range(self.n))


adders = [Adder(n) for n in (10, 100, 1000)]
for a in adders:
    a.start()
for a in adders:
    a.join()
print([(a.name, a.total) for a in adders])

# default names, repr states, daemon inheritance
t = threading.Thread(target=lambda: None)
print("initial:", "initial" in repr(t), t.ident, t.native_id, t.is_alive())
t.start()
t.join()
print("stopped:", "stopped" in repr(t))
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=lambda: None).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

inherited = []


def spawn_child():
    c = threading.Thread(target=lambda: None)
    inherited.append(c.daemon)
    c.start()
    c.join()


d = threading.Thread(target=spawn_child, daemon=True)
d.start()
d.join()
print("child of daemon is daemon:", inherited)

# join with a timeout on a thread that is still blocked
ev = threading.Event()
t = threading.Thread(target=ev.wait)
t.start()
t.join(0.01)
print("still alive after join(0.01):", t.is_alive())
ev.set()
t.join()
print("alive after set:", t.is_alive())

# _thread.start_new_thread with a lock as the completion signal
done = _thread.allocate_lock()
done.acquire()
box = []


def low_level(x, y, z=None):
    box.append((x, y, z, _thread.get_ident() != main.ident))
    done.release()


ident = _thread.start_new_thread(low_level, (1, 2), {"z": 3})
done.acquire()
print("low level:", box, isinstance(ident, int))
try:
    _thread.start_new_thread(1, ())
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(print, [])
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(print, (), [])
except TypeError as e:
    print("TypeError:", e)

# _thread.exit / SystemExit end a thread silently
def exits():
    _thread.exit()


t = threading.Thread(target=exits)
t.start()
t.join()
print("exit() ended the thread quietly")

# stack_size
print("stack_size:", _thread.stack_size(), threading.stack_size(1 << 20), threading.stack_size())
t = threading.Thread(target=work, args=("big", 1))
t.start()
t.join()
print("ran with a set stack size:", results["big"])
print(threading.stack_size(0))
try:
    threading.stack_size(100)
except ValueError as e:
    print("ValueError:", e)

# the switch interval
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
