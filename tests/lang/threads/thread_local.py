# threading.local / _thread._local: one attribute set per thread, __init__
# re-run in each thread with the constructor's arguments, subclasses.
import _thread
import threading

data = threading.local()
data.x = "main"
seen = []
lock = threading.Lock()


def visit(i):
    before = getattr(data, "x", None)
    data.x = i
    with lock:
        seen.append((i, before, data.x, sorted(data.__dict__)))


ts = [threading.Thread(target=visit, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen))
print("main keeps its value:", data.x)

# a thread started after others ended still gets a fresh namespace
# (thread idents are reused as soon as a thread ends)
fresh = []
for i in range(5):
    t = threading.Thread(target=lambda: fresh.append(hasattr(data, "x")))
    t.start()
    t.join()
    t = threading.Thread(target=lambda: setattr(data, "x", 1))
    t.start()
    t.join()
print("fresh each time:", fresh)


class Counter(threading.local):
    created = 0

    def __init__(self, start, step=1):
        Counter.created += 1
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
res = []


def use_counter():
    res.append((c.bump(), c.bump()))


ts = [threading.Thread(target=use_counter) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(res, c.value, Counter.created)

try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)

raw = _thread._local()
raw.a = 1
out = []
t = threading.Thread(target=lambda: out.append(getattr(raw, "a", "missing")))
t.start()
t.join()
print(out, raw.a)
del raw.a
print(hasattr(raw, "a"))


class WithSlots(threading.local):
    __slots__ = ("shared",)


w = WithSlots()
w.shared = "slot"
w.own = "dict"
got = []


def peek():
    got.append((getattr(w, "shared", None), getattr(w, "own", None)))


t = threading.Thread(target=peek)
t.start()
t.join()
print(got)
