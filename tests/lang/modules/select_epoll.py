# select.epoll: creation (sizehint, flags, fromfd), register/modify/unregister/poll on pipes and
# socketpairs (level- and edge-triggered, EPOLLONESHOT, maxevents), timeouts, close/closed/fileno,
# the context manager, a signal interrupting poll() (PEP 475: handlers run, the wait resumes; a
# handler that raises ends it), and CPython's errors.  Descriptor numbers are printed relative to
# the descriptors the test made, never as such.
import os
import select
import signal
import socket
import time

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

print('--- constants')
for name in sorted(n for n in dir(select) if n.startswith('EPOLL')):
    print(name, getattr(select, name))

print('--- creation')
attempt(select.epoll, 0)
attempt(select.epoll, -2)
attempt(select.epoll, flags=1)
attempt(select.epoll, 1.5)
attempt(select.epoll, 'x')
attempt(select.epoll, None)
attempt(select.epoll, 2**40)
attempt(select.epoll, 1, 2, 3)
attempt(select.epoll, flags=-1)
for args, kwargs in [((), {}), ((5,), {}), ((), {'sizehint': 1, 'flags': select.EPOLL_CLOEXEC})]:
    ep = select.epoll(*args, **kwargs)
    print(ep.closed, os.get_inheritable(ep.fileno()), ep.close(), ep.closed, ep.close())
print(repr(select.epoll())[:21], select.epoll.__module__, select.epoll.__qualname__)
attempt(type, 'E', (select.epoll,), {})
ep = select.epoll()
attempt(setattr, ep, 'closed', True)
attempt(setattr, ep, 'x', 1)
ep.close()

print('--- fromfd')
ep = select.epoll()
other = select.epoll.fromfd(os.dup(ep.fileno()))
print(type(other).__name__, other.fileno() != ep.fileno(), other.closed)
r, w = os.pipe()
other.register(w, select.EPOLLOUT)
print(ep.poll(0) == [(w, select.EPOLLOUT)])  # same kernel object
other.close()
ep.close()
fresh = select.epoll.fromfd(-1)  # -1 makes a new one, as in CPython
print(fresh.closed, fresh.fileno() >= 0)
fresh.close()
attempt(select.epoll.fromfd, 'x')
attempt(select.epoll.fromfd)

print('--- register, modify, unregister')
ep = select.epoll()
attempt(ep.register, r)
attempt(ep.register, r)
attempt(ep.register, w, select.EPOLLOUT)
attempt(ep.register, -1)
attempt(ep.register, 'x')
attempt(ep.register, 1.0)
attempt(ep.register, r, -1)
attempt(ep.register, r, 2**33)
attempt(ep.register, r, 1.0)
attempt(ep.register)
attempt(ep.modify, w, 2**32 + select.EPOLLOUT)
attempt(ep.modify, w)
attempt(ep.modify, fd=w, eventmask=select.EPOLLOUT)
class FileLike:
    def fileno(self):
        return r
attempt(ep.unregister, FileLike())
attempt(ep.unregister, FileLike())
attempt(ep.register, fd=FileLike(), eventmask=select.EPOLLIN)

print('--- poll')
def show(events):
    return sorted((('r' if fd == r else 'w' if fd == w else fd), mask) for fd, mask in events)
print(show(ep.poll(0)))
os.write(w, b'x')
print(show(ep.poll(0)), show(ep.poll(timeout=0.5)), show(ep.poll(-1)), show(ep.poll(None)))
print(len(ep.poll(0, 1)), len(ep.poll(maxevents=2, timeout=0)))
attempt(ep.poll, 0, 0)
attempt(ep.poll, 0, -5)
attempt(ep.poll, 'x')
attempt(ep.poll, float('nan'))
attempt(ep.poll, 1e300)
attempt(ep.poll, 2**70)
attempt(ep.poll, 2**40)
attempt(ep.poll, 1e7)
attempt(ep.poll, 2147483.648)
attempt(ep.poll, -2**62)
attempt(ep.poll, 0, 2**31)
attempt(ep.poll, None, 1.0)
attempt(ep.poll, 0, 1, 2)
os.read(r, 1)
t0 = time.monotonic()
ep.modify(w, select.EPOLLIN)
print(ep.poll(0.1), time.monotonic() - t0 >= 0.09)
t0 = time.monotonic()
print(ep.poll(0.0001), ep.poll(0), ep.poll(-1e-10))  # a tiny negative timeout rounds to 0 ms
ep.unregister(r)
ep.unregister(w)
attempt(ep.unregister, w)
attempt(ep.modify, w, 1)

print('--- edge-triggered and one-shot')
a, b = socket.socketpair()
ep.register(a.fileno(), select.EPOLLIN | select.EPOLLET)
b.send(b'1')
print(ep.poll(0) == [(a.fileno(), select.EPOLLIN)], ep.poll(0))
b.send(b'2')
print(len(ep.poll(0)), a.recv(10))
ep.modify(a.fileno(), select.EPOLLIN | select.EPOLLONESHOT)
b.send(b'3')
print(len(ep.poll(0)), ep.poll(0))
ep.modify(a.fileno(), select.EPOLLIN | select.EPOLLRDHUP)
b.close()
print(ep.poll(0) == [(a.fileno(), select.EPOLLIN | select.EPOLLRDHUP | select.EPOLLHUP)])
ep.unregister(a)  # a socket object works through fileno()
a.close()

print('--- a descriptor closed while registered')
r2, w2 = os.pipe()
ep.register(r2)
os.close(r2)
os.close(w2)
print(ep.poll(0))
attempt(ep.unregister, r2)

print('--- signals')
def on_alarm(signum, frame):
    print('handler ran')
old = signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
print(ep.poll(0.3), time.monotonic() - t0 >= 0.29)
def raising(signum, frame):
    raise KeyboardInterrupt('from handler')
signal.signal(signal.SIGALRM, raising)
signal.setitimer(signal.ITIMER_REAL, 0.05)
attempt(ep.poll, 5)
signal.signal(signal.SIGALRM, old)

print('--- close')
print(ep.closed, ep.close(), ep.closed)
for name, args in [('fileno', ()), ('register', (r,)), ('modify', (r, 1)), ('unregister', (r,)),
                   ('poll', ()), ('__enter__', ())]:
    attempt(getattr(ep, name), *args)
attempt(ep.register, 'x')  # arguments are checked first
attempt(ep.poll, None, 'x')
attempt(ep.poll, 'x')
attempt(ep.fileno, 1)
attempt(ep.close, 1)
with select.epoll() as e:
    print(e.closed)
print(e.closed)
attempt(e.__exit__, 1, 2, 3, 4)
print(e.__exit__(1, 2, 3), e.__exit__())
try:
    with select.epoll() as e:
        raise ValueError('inside')
except ValueError as exc:
    print(exc, e.closed)
os.close(r)
os.close(w)

print('--- select() reads a list in place')
items = []
class Shrinking:
    def fileno(self):
        del items[-1]  # CPython walks the list as it shrinks
        return w_sel
r_sel, w_sel = os.pipe()
items[:] = [Shrinking()] * 10
ready = select.select([], items, [], 1)
print(ready == ([], items[:5], []), len(ready[1]))
os.close(r_sel)
os.close(w_sel)
