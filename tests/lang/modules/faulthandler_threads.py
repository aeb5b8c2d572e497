# faulthandler with several threads: all_threads=True lists every thread, newest first, "Current
# thread" for the caller (dump_traceback, register()ed signals, the fatal handler in a child) and
# "Thread" for all from the dump_traceback_later watchdog; a forked child lists itself only;
# -X faulthandler, PYTHONFAULTHANDLER and -X dev enable the handler at start-up.  Thread ids are
# checked against threading's idents, then replaced by 0xTID.
import faulthandler
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

def clean(text):
    return re.sub(r'0x[0-9a-f]{16}', '0xTID', text)

def thread_ids(text):
    return [int(m, 16) for m in re.findall(r'^(?:Current )?[Tt]hread (0x[0-9a-f]{16})', text, re.M)]

class Waiter(threading.Thread):
    daemon = True

    def __init__(self):
        super().__init__()
        self.running = threading.Event()
        self.stop = threading.Event()

    def run(self):
        self.running.set()
        self.stop.wait()

def captured(fn, **kwargs):
    with tempfile.TemporaryFile('w+') as f:
        fn(file=f, **kwargs)
        f.seek(0)
        return f.read()

waiters = [Waiter(), Waiter()]
for w in waiters:
    w.start()
    w.running.wait()
newest_first = [w.ident for w in reversed(waiters)] + [threading.get_ident()]

print('--- dump_traceback(all_threads=True)')
def dump():
    return captured(faulthandler.dump_traceback)
out = dump()
print(thread_ids(out) == newest_first)
print(clean(out))
print(clean(captured(faulthandler.dump_traceback, all_threads=False)))

print('--- the watchdog')
with tempfile.TemporaryFile('w+') as f:
    faulthandler.dump_traceback_later(0.05, file=f)
    time.sleep(1)  # the watchdog writes meanwhile
    f.seek(0)
    out = f.read()
print(thread_ids(out) == newest_first)
print(clean(out))

print('--- a registered signal')
with tempfile.TemporaryFile('w+') as f:
    faulthandler.register(signal.SIGUSR1, file=f)
    os.kill(os.getpid(), signal.SIGUSR1)
    faulthandler.unregister(signal.SIGUSR1)
    f.seek(0)
    out = f.read()
print(thread_ids(out) == newest_first)
print(clean(out))

print('--- a forked child')
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    faulthandler.dump_traceback(w)
    os._exit(0)
os.close(w)
with os.fdopen(r) as f:
    print(clean(f.read()))
os.waitpid(pid, 0)

print('--- a thread that ended')
waiters[0].stop.set()
waiters[0].join()
out = dump()
print(thread_ids(out) == [waiters[1].ident, threading.get_ident()])
waiters[1].stop.set()
waiters[1].join()
print(clean(dump()))

print('--- a fatal signal with threads')
child = '''
import faulthandler, threading
started = threading.Event()
def spin():
    started.set()
    threading.Event().wait()
threading.Thread(target=spin, daemon=True).start()
started.wait()
faulthandler.enable()
faulthandler._sigsegv()
'''
# In a build with AddressSanitizer, ASan's handler would report the
# deliberate crash and exit 1: the children leave SIGSEGV to faulthandler.
crash_env = dict(os.environ)
if 'ASAN_OPTIONS' in crash_env:
    crash_env['ASAN_OPTIONS'] += ':handle_segv=0'
proc = subprocess.run([sys.executable, '-c', child], capture_output=True, text=True, env=crash_env)
print(proc.returncode, clean(proc.stderr).replace(sys.executable, 'PYTHON'))

print('--- enabled at start-up')
check = 'import faulthandler; print(faulthandler.is_enabled())'
for args, env in [([], {}), (['-X', 'faulthandler'], {}), ([], {'PYTHONFAULTHANDLER': '1'}),
                  ([], {'PYTHONFAULTHANDLER': ''}), (['-E'], {'PYTHONFAULTHANDLER': '1'}),
                  (['-X', 'dev'], {})]:
    environ = dict(os.environ, **env)
    environ.pop('PYTHONDEVMODE', None)
    proc = subprocess.run([sys.executable, *args, '-c', check], capture_output=True, text=True, env=environ)
    print(args, env, proc.stdout.strip(), proc.stderr)
proc = subprocess.run([sys.executable, '-X', 'faulthandler', '-c', 'import faulthandler; faulthandler._sigsegv()'],
                      capture_output=True, text=True, env=crash_env)
print(proc.returncode, clean(proc.stderr))
