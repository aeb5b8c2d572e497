# Signals and threads: Python handlers run on the main thread only, whichever
# thread the signal came from; _thread.interrupt_main() raises
# KeyboardInterrupt in the main thread.
import _thread
import os
import signal
import threading
import time

calls = []


def handler(signum, frame):
    calls.append((signum, threading.current_thread() is threading.main_thread()))


signal.signal(signal.SIGUSR1, handler)

# sent by a worker to the process: the handler runs on the main thread
t = threading.Thread(target=lambda: os.kill(os.getpid(), signal.SIGUSR1))
t.start()
t.join()
deadline = time.monotonic() + 5
while not calls and time.monotonic() < deadline:
    time.sleep(0.001)
print("os.kill from a thread:", calls)

# sent to the worker thread itself: still handled by the main thread
calls.clear()
ready = threading.Event()
leave = threading.Event()


def target():
    ready.set()
    leave.wait()


t = threading.Thread(target=target)
t.start()
ready.wait()
signal.pthread_kill(t.ident, signal.SIGUSR1)
deadline = time.monotonic() + 5
while not calls and time.monotonic() < deadline:
    time.sleep(0.001)
leave.set()
t.join()
print("pthread_kill to a worker:", calls)

# the main thread busy in a loop handles a signal from a worker
calls.clear()
t = threading.Thread(target=lambda: (time.sleep(0.01), os.kill(os.getpid(), signal.SIGUSR1)))
t.start()
n = 0
while not calls:
    n += 1
t.join()
print("handled in a loop:", calls)

# a handler that raises: the exception surfaces in the main thread
class Stop(Exception):
    pass


def raiser(signum, frame):
    raise Stop(threading.current_thread().name)


signal.signal(signal.SIGUSR2, raiser)
in_loop = threading.Event()
t = threading.Thread(target=lambda: (in_loop.wait(), os.kill(os.getpid(), signal.SIGUSR2)))
t.start()
try:
    in_loop.set()  # the signal comes only once the main thread is in the try block
    while True:
        pass
except Stop as e:
    print("Stop raised in", e)
t.join()

# interrupt_main: KeyboardInterrupt in the main thread, busy in a loop
in_loop = threading.Event()
t = threading.Thread(target=lambda: (in_loop.wait(), _thread.interrupt_main()))
t.start()
try:
    in_loop.set()
    while True:
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt in the main thread")
t.join()

# interrupt_main with a signal handled by Python, and with SIG_IGN (nothing)
calls.clear()
t = threading.Thread(target=_thread.interrupt_main, args=(signal.SIGUSR1,))
t.start()
t.join()
deadline = time.monotonic() + 5
while not calls and time.monotonic() < deadline:
    time.sleep(0.001)
print("interrupt_main(SIGUSR1):", calls)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
_thread.interrupt_main(signal.SIGUSR1)
time.sleep(0.01)
print("ignored signal: no effect")
try:
    _thread.interrupt_main(0)
except ValueError as e:
    print("ValueError:", e)
