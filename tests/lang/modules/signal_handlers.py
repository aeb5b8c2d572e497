# _signal through signal.py: installing and querying handlers, raise_signal running them, SIG_IGN/SIG_DFL,
# masks, timers with pause(), set_wakeup_fd, and CPython's errors.  Handlers run only where both runtimes
# are bound to run them (raise_signal, pause, signal()); SIGINT is never raised under default_int_handler
# (Tern leaves Ctrl-C at SIG_DFL then, docs/differences.md).
import os
import signal
import _signal

def attempt(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGTERM),
      signal.getsignal(signal.SIGUSR1))
print(signal.SIGINT, repr(signal.SIGTERM), signal.SIG_DFL, signal.SIG_IGN, signal.NSIG, int(signal.SIGRTMIN) > 31)
print(sorted(signal.valid_signals())[:10], len(signal.valid_signals()), signal.SIGKILL in signal.valid_signals())
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGSEGV), signal.strsignal(40))

got = []
def handler(signum, frame):
    got.append((signum, type(frame).__name__))

old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print(got, signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL), signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, True) if False else signal.signal(signal.SIGUSR1, 1))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

def boom(signum, frame):
    raise ValueError('from the handler for %d' % signum)
signal.signal(signal.SIGUSR2, boom)
attempt(signal.raise_signal, signal.SIGUSR2)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

def interrupt(signum, frame):
    raise KeyboardInterrupt('custom %d' % signum)
previous = signal.signal(signal.SIGINT, interrupt)
attempt(signal.raise_signal, signal.SIGINT)
print(signal.signal(signal.SIGINT, previous) is interrupt, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
attempt(signal.default_int_handler, 2, None)

print('--- masks and pending')
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]))
signal.signal(signal.SIGUSR2, handler)
got.clear()
signal.raise_signal(signal.SIGUSR2)
print(got, signal.sigpending())
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2]))
print(got)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

print('--- timers')
got.clear()
signal.signal(signal.SIGALRM, handler)
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
signal.pause()
print(got, signal.getitimer(signal.ITIMER_REAL))
print(signal.alarm(0))
signal.signal(signal.SIGALRM, signal.SIG_DFL)

print('--- wakeup fd')
r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.signal(signal.SIGUSR1, handler)
signal.raise_signal(signal.SIGUSR1)
print(os.read(r, 10), signal.set_wakeup_fd(-1) == w)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
rb, wb = os.pipe()
try:
    signal.set_wakeup_fd(wb)
except ValueError as e:
    print('ValueError', str(e).replace(str(wb), 'N'))
for fd in (r, w, rb, wb):
    os.close(fd)

print('--- errors')
attempt(_signal.signal, 0, 0)
attempt(_signal.signal, 65, 0)
attempt(_signal.signal, signal.SIGKILL, handler)
attempt(_signal.signal, 2, 5)
attempt(_signal.signal, 2, 'x')
attempt(_signal.signal, 'x', 0)
attempt(_signal.getsignal, 99)
attempt(_signal.strsignal, 99)
attempt(_signal.raise_signal, 99)
attempt(signal.pthread_sigmask, signal.SIG_BLOCK, [0])
attempt(signal.pthread_sigmask, 99, [])
print(issubclass(signal.ItimerError, OSError), signal.ItimerError.__name__)
attempt(signal.setitimer, 99, 1.0)

# A handler runs by the next backward jump of a loop after os.kill.
loop_hits = []
signal.signal(signal.SIGUSR2, lambda s, f: loop_hits.append(s))
os.kill(os.getpid(), signal.SIGUSR2)
for _ in range(3):
    pass
print("loop", loop_hits == [signal.SIGUSR2])
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
