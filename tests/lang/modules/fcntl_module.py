# fcntl: fcntl with int / bytes / str arguments, ioctl with int, read-only and mutable buffers, flock and
# lockf on a temporary file, the constants, and CPython's errors (argument types, buffer sizes, bad fds).
import fcntl
import os
import struct
import tempfile

def attempt(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

print(sorted(n for n in dir(fcntl) if not n.startswith('_')))
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_GETFD, fcntl.F_SETFD, fcntl.FD_CLOEXEC,
      fcntl.F_GETFL, fcntl.F_SETFL, fcntl.F_DUPFD, fcntl.DN_MULTISHOT, fcntl.F_SEAL_WRITE, fcntl.F_OFD_SETLKW)
print(fcntl.fcntl.__text_signature__, fcntl.ioctl.__text_signature__)
print(fcntl.flock.__text_signature__, fcntl.lockf.__text_signature__)

r, w = os.pipe()
flags = fcntl.fcntl(r, fcntl.F_GETFD)
print(type(flags), flags & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fl = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK))
d = fcntl.fcntl(r, fcntl.F_DUPFD, 100)
print(d >= 100)
os.close(d)
print(fcntl.fcntl(r, fcntl.F_GETFD, b'abc'), fcntl.fcntl(r, fcntl.F_GETFD, 'xyz\u00e9'))
print(fcntl.fcntl(r, fcntl.F_GETFD, b''))

class F:
    def fileno(self):
        return r
print(fcntl.fcntl(F(), fcntl.F_GETFD) == fcntl.fcntl(r, fcntl.F_GETFD))

# pipe size: F_GETPIPE_SZ / F_SETPIPE_SZ
fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 65536)
print(fcntl.fcntl(w, fcntl.F_GETPIPE_SZ))

for arg in [1.5, [], bytearray(b'x'), memoryview(b'ab'), None, b'x' * 1025, 2**40]:
    attempt(fcntl.fcntl, r, fcntl.F_GETFD, arg)
attempt(fcntl.fcntl, 'x', 1)
attempt(fcntl.fcntl, r, 'x')
attempt(fcntl.fcntl, -1, 1)
attempt(fcntl.fcntl, 1.5, 1)
attempt(fcntl.fcntl, 9999, fcntl.F_GETFD)
attempt(fcntl.fcntl, r)
attempt(fcntl.fcntl, r, 1, 2, 3)

class BadFileno:
    def fileno(self):
        return 'no'
attempt(fcntl.fcntl, BadFileno(), 1)

# ioctl: FIONREAD (0x541B) on a pipe, with an int, bytes and a mutable buffer.
os.write(w, b'hello')
FIONREAD = 0x541B
buf = bytearray(4)
print(fcntl.ioctl(r, FIONREAD, buf), struct.unpack('i', buf)[0])
buf = bytearray(4)
print(repr(fcntl.ioctl(r, FIONREAD, buf, False)), buf)
print(struct.unpack('i', fcntl.ioctl(r, FIONREAD, b'\0' * 4))[0])
print(struct.unpack('i', fcntl.ioctl(r, FIONREAD, '\0' * 4))[0])
print(struct.unpack('i', fcntl.ioctl(r, FIONREAD, memoryview(b'\0' * 4)))[0])
mv = memoryview(bytearray(8))[2:6]
print(fcntl.ioctl(r, FIONREAD, mv), struct.unpack('i', mv)[0], bytes(mv.obj))
big = bytearray(2000)
print(fcntl.ioctl(r, FIONREAD, big), struct.unpack('i', big[:4])[0])
attempt(fcntl.ioctl, r, FIONREAD, bytearray(2000), False)
attempt(fcntl.ioctl, r, FIONREAD, b'x' * 1025)
attempt(fcntl.ioctl, r, 0x5421 | 2**40)
attempt(fcntl.ioctl, r, -1, 1.5)
attempt(fcntl.ioctl, r, 'a')
attempt(fcntl.ioctl, r, -1)
attempt(fcntl.ioctl, 'r', 1)
os.read(r, 5)

# flock / lockf on a file
with tempfile.TemporaryFile() as f:
    f.write(b'0123456789')
    f.flush()
    print(fcntl.flock(f, fcntl.LOCK_EX), fcntl.flock(f.fileno(), fcntl.LOCK_UN))
    print(fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB), fcntl.flock(f, fcntl.LOCK_UN))
    print(fcntl.lockf(f, fcntl.LOCK_EX), fcntl.lockf(f, fcntl.LOCK_UN))
    print(fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 5, 2, os.SEEK_SET), fcntl.lockf(f, fcntl.LOCK_UN, 5, 2))
    attempt(fcntl.lockf, f, fcntl.LOCK_SH)  # read lock on a write-only? TemporaryFile is w+b: fine
    fcntl.lockf(f, fcntl.LOCK_UN)
    attempt(fcntl.lockf, f, 0)
    attempt(fcntl.lockf, f, fcntl.LOCK_SH, 1.5)
    attempt(fcntl.lockf, f, fcntl.LOCK_SH, 0, 'x')
    attempt(fcntl.lockf, f, fcntl.LOCK_SH, 0, 0, 99)
    attempt(fcntl.flock, f, 'x')
attempt(fcntl.flock, -1, 0)
attempt(fcntl.flock, 9999, fcntl.LOCK_SH)
attempt(fcntl.lockf, 9999, fcntl.LOCK_SH)
os.close(r)
os.close(w)
r, w = os.pipe()
for a in [2**40, -1, 2**31, -2**31 - 1, 2**64]:
    attempt(fcntl.ioctl, r, 0x5450, a)  # FIONCLEX ignores its argument
    attempt(fcntl.fcntl, r, fcntl.F_SETFD, a)
    attempt(fcntl.fcntl, r, a)
    attempt(fcntl.lockf, r, 1, a)
os.close(r)
os.close(w)
