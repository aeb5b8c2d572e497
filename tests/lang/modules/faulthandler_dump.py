# faulthandler in-process: dump_traceback (all_threads True/False, to files and fds, escaping of non-ASCII
# names, the 100-frame limit), enable/disable/is_enabled, register/unregister with chaining,
# dump_traceback_later (once, repeated, cancelled), and CPython's errors (faulthandler_fatal.py has the
# fatal signals).  Thread ids are replaced by 0xTID.
import faulthandler
import io
import os
import re
import signal
import sys
import tempfile
import time

def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

def clean(text):
    return re.sub(r'0x[0-9a-f]{16}', '0xTID', text)

def captured(fn, **kw):
    with tempfile.TemporaryFile('w+') as f:
        fn(file=f, **kw)
        f.seek(0)
        return clean(f.read())

def inner():
    return captured(faulthandler.dump_traceback)

def outer():
    return inner()

print(outer(), end='')
print(captured(faulthandler.dump_traceback, all_threads=False), end='')

def café_中文():
    return captured(faulthandler.dump_traceback, all_threads=False)
print(café_中文(), end='')

def deep(n):
    if n == 0:
        return captured(faulthandler.dump_traceback, all_threads=False)
    return deep(n - 1)
lines = deep(120).splitlines()
print(len(lines), lines[-1], lines[1] == lines[50])

def gen():
    yield captured(faulthandler.dump_traceback, all_threads=False)
print(next(gen()), end='')

r, w = os.pipe()
faulthandler.dump_traceback(w, all_threads=False)
os.close(w)
print(os.read(r, 1000).decode(), end='')
os.close(r)

print(faulthandler.is_enabled(), faulthandler.disable())
with tempfile.TemporaryFile() as f:
    print(faulthandler.enable(f), faulthandler.is_enabled(), faulthandler.enable(file=f, all_threads=False))
    print(faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

attempt(faulthandler.enable, -1)
attempt(faulthandler.enable, 'x')
attempt(faulthandler.dump_traceback, io.StringIO())
class BadFileno:
    def fileno(self):
        return 'x'
attempt(faulthandler.dump_traceback, BadFileno())
attempt(faulthandler.register, signal.SIGSEGV)
attempt(faulthandler.register, 0)
attempt(faulthandler.register, 999)
attempt(faulthandler.unregister, signal.SIGUSR2)
attempt(faulthandler.unregister, 999)
attempt(faulthandler.dump_traceback_later, 0)
attempt(faulthandler.dump_traceback_later, -1.5)
attempt(faulthandler.dump_traceback_later, 1e300)
attempt(faulthandler.dump_traceback_later, 'x')
print(faulthandler.cancel_dump_traceback_later())

# register(): a user signal writes the traceback of the thread that takes it
with tempfile.TemporaryFile('w+') as f:
    faulthandler.register(signal.SIGUSR1, file=f, all_threads=False)
    def send():
        os.kill(os.getpid(), signal.SIGUSR1)
    send()
    time.sleep(0.01)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
    f.seek(0)
    print(clean(f.read()), end='')

# chain=True: the previous Python handler runs too
got = []
signal.signal(signal.SIGUSR2, lambda signum, frame: got.append(signum))
with tempfile.TemporaryFile('w+') as f:
    faulthandler.register(signal.SIGUSR2, file=f, chain=True)
    os.kill(os.getpid(), signal.SIGUSR2)
    time.sleep(0.01)
    for _ in range(1000):  # Tern runs Python signal handlers at loop back-edges
        pass
    faulthandler.unregister(signal.SIGUSR2)
    f.seek(0)
    print(clean(f.read()), end='')
print(got)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

# dump_traceback_later: once, then cancelled before it fires, then repeated
def sleeper(seconds):
    time.sleep(seconds)
with tempfile.TemporaryFile('w+') as f:
    faulthandler.dump_traceback_later(0.05, file=f)
    sleeper(0.3)
    faulthandler.dump_traceback_later(5, file=f)
    faulthandler.cancel_dump_traceback_later()
    faulthandler.dump_traceback_later(0.0625, repeat=True, file=f)
    sleeper(0.3)
    faulthandler.cancel_dump_traceback_later()
    f.seek(0)
    out = clean(f.read())
    blocks = out.split('Timeout ')
    print(repr(blocks[0]), blocks[1], len(blocks) >= 4, blocks[2].splitlines()[0])

