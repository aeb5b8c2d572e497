# Exceptions escaping a thread: threading.excepthook (default and custom),
# the hook's arguments, SystemExit, _thread's "Exception ignored" report.
import io
import sys
import threading


def boom(msg):
    raise ValueError(msg)


# the default hook writes to sys.stderr: capture it
saved = sys.stderr
sys.stderr = io.StringIO()
t = threading.Thread(target=boom, args=("first",), name="worker-1")
t.start()
t.join()
captured = sys.stderr.getvalue()
sys.stderr = saved
lines = captured.splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])
print("frames:", sum(1 for l in lines if l.startswith("  File ")))
print("thread still ends:", t.is_alive())

# a custom hook receives (exc_type, exc_value, exc_traceback, thread)
got = []


def hook(args):
    got.append((args.exc_type.__name__, str(args.exc_value), args.exc_traceback is not None, args.thread.name))


threading.excepthook = hook
for i in range(3):
    t = threading.Thread(target=boom, args=(f"msg{i}",), name=f"t{i}")
    t.start()
    t.join()
print(sorted(got))


# SystemExit is silent, also with a custom hook
def leave():
    sys.exit(3)


got.clear()
t = threading.Thread(target=leave)
t.start()
t.join()
print("after SystemExit:", got)


# a hook that raises: reported through sys.excepthook
def bad_hook(args):
    raise RuntimeError("hook failed")


def sys_hook(tp, value, tb):
    print("sys.excepthook got:", tp.__name__, value)


threading.excepthook = bad_hook
sys.excepthook = sys_hook
t = threading.Thread(target=boom, args=("x",))
t.start()
t.join()
threading.excepthook = threading.__excepthook__
sys.excepthook = sys.__excepthook__

# ExceptHookArgs
args = threading.ExceptHookArgs((KeyError, KeyError("k"), None, None))
print(type(args).__name__, args.exc_type.__name__, args.thread, len(args))
buf = io.StringIO()
sys.stderr = buf
threading.excepthook(args)
sys.stderr = saved
print(buf.getvalue().splitlines()[0].startswith("Exception in thread"), buf.getvalue().splitlines()[-1])

# an exception in a thread leaves the others and the main thread running
results = []


def ok(i):
    results.append(i)


threading.excepthook = lambda a: results.append("hooked")
ts = [threading.Thread(target=boom if i == 2 else ok, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results, key=str))
threading.excepthook = threading.__excepthook__

# _thread.start_new_thread: "Exception ignored in thread started by: <repr>"
import _thread
import time


class Failing:
    def __repr__(self):
        return "<Failing>"

    def __call__(self, lock):
        try:
            raise KeyError("low level")
        finally:
            lock.release()


lock = _thread.allocate_lock()
lock.acquire()
_thread.start_new_thread(Failing(), (lock,))
lock.acquire()
while _thread._count() != 0:
    time.sleep(0.001)
print("low-level thread ended")

# finally the default hook printing for real to stderr (its last line is compared)
t = threading.Thread(target=boom, args=("to stderr",), name="last")
t.start()
t.join()
print("done")
