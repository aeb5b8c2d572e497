# SIGINT raises KeyboardInterrupt in the main thread: signal.default_int_handler is installed at start-up; loops see it between bytecodes.
import os
import signal
import subprocess
import sys

# Started with SIGINT ignored (as a background job of a non-interactive shell
# is), neither interpreter installs its handler and the loops below would
# never end: start again with the default disposition.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execv(sys.executable, [sys.executable, *sys.argv])

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)

# Inside a while loop.
n = 0
try:
    while True:
        n += 1
        if n == 100:
            os.kill(os.getpid(), signal.SIGINT)
except KeyboardInterrupt as e:
    print("caught in while", type(e).__name__, e.args, n >= 100)

# Inside a for loop, in a nested function call.
def work():
    total = 0
    for i in range(10**9):
        total += i
        if i == 50:
            os.kill(os.getpid(), signal.SIGINT)
    return total

try:
    work()
except KeyboardInterrupt:
    print("caught in for")

# The handler can be replaced and restored.
got = []
old = signal.signal(signal.SIGINT, lambda signum, frame: got.append(signum))
print(old is signal.default_int_handler)
os.kill(os.getpid(), signal.SIGINT)
for _ in range(1000):
    pass
print("own handler", got == [signal.SIGINT])
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    for _ in range(10**9):
        signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("default_int_handler again")

# try/finally and with run while it unwinds.
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("__exit__", exc[0].__name__)
        return False

try:
    with CM():
        try:
            while True:
                os.kill(os.getpid(), signal.SIGINT)
        finally:
            print("finally ran")
except KeyboardInterrupt:
    print("caught after unwinding")

# Ignored SIGINT is inherited: the child keeps ignoring it.
code = "import signal, os; print(signal.getsignal(signal.SIGINT)); os.kill(os.getpid(), signal.SIGINT); print('alive')"
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
print("ignored:", p.returncode, p.stdout.split())

# Uncaught: traceback, 'KeyboardInterrupt' last, and the process ends by SIGINT.
code = "import os, signal\nprint('started', flush=True)\nwhile True:\n    os.kill(os.getpid(), signal.SIGINT)\n"
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
print("uncaught:", p.returncode, p.stdout.split(), p.stderr.splitlines()[0], p.stderr.splitlines()[-1])
