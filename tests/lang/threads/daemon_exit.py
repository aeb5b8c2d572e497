# Interpreter exit: non-daemon threads are joined before atexit callbacks run;
# daemon threads still running (spinning, sleeping, blocked on a lock or a
# pipe, allocating) neither block the exit nor crash it.
import atexit
import os
import threading
import time

atexit.register(lambda: print("atexit callback: late thread finished =", finished))
finished = False


def late():
    global finished
    time.sleep(0.1)
    print("late non-daemon thread done")
    finished = True


def spin():
    x = []
    while True:
        x.append(len(x))
        if len(x) > 1000:
            x = [str(i) for i in range(10)]


def nap():
    while True:
        time.sleep(0.001)


blocker = threading.Lock()
blocker.acquire()
r, w = os.pipe()
started = threading.Barrier(6)


def wrap(f, *args):
    def run():
        started.wait()
        f(*args)
    return run


for f, args in [(spin, ()), (nap, ()), (blocker.acquire, ()), (os.read, (r, 10)), (threading.Event().wait, ())]:
    threading.Thread(target=wrap(f, *args), daemon=True).start()
started.wait()
threading.Thread(target=late).start()
print("main thread ends; daemon threads alive:", sum(t.daemon for t in threading.enumerate()))
