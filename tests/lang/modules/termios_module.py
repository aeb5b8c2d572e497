# termios on a pseudo-terminal opened through /dev/ptmx (fcntl.ioctl with TIOCSPTLCK / TIOCGPTN):
# tcgetattr's list shape, tcsetattr round trips, non-canonical cc entries, window sizes, the line
# controls, tty.setraw/setcbreak, termios.error, and CPython's TypeErrors.
import fcntl
import os
import struct
import termios

def attempt(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

names = sorted(n for n in dir(termios) if not n.startswith('__'))
print(len(names), names[:8], names[-10:])
print(termios.TCSANOW, termios.TCSADRAIN, termios.TCSAFLUSH, termios.ICANON, termios.ECHO, termios.VMIN,
      termios.VTIME, termios.NCCS, termios.B38400, termios.TIOCGWINSZ, termios.VSWTCH, termios.CEOF, termios.CDSUSP)
print(termios.error.__mro__, termios.error.__module__)
print(termios.tcgetattr.__text_signature__, termios.tcsetattr.__text_signature__,
      termios.tcsetwinsize.__text_signature__)

master = os.open('/dev/ptmx', os.O_RDWR | os.O_NOCTTY)
fcntl.ioctl(master, 0x40045431, struct.pack('i', 0))  # TIOCSPTLCK: unlock
n = struct.unpack('i', fcntl.ioctl(master, 0x80045430, b'\0' * 4))[0]  # TIOCGPTN
slave = os.open('/dev/pts/%d' % n, os.O_RDWR | os.O_NOCTTY)

a = termios.tcgetattr(slave)
print(type(a), len(a), [type(x).__name__ for x in a], len(a[6]), set(map(type, a[6])))
print(bool(a[3] & termios.ICANON), a[6][termios.VINTR], a[6][termios.VEOF])
termios.tcsetattr(slave, termios.TCSANOW, a)
print(termios.tcgetattr(slave) == a)
b = list(a)
b[3] = b[3] & ~(termios.ICANON | termios.ECHO)
b[6] = list(a[6])
b[6][termios.VMIN] = 1
b[6][termios.VTIME] = 0
b[6][termios.VINTR] = 4
termios.tcsetattr(slave, termios.TCSADRAIN, b)
c = termios.tcgetattr(slave)
print(c[6][termios.VMIN], c[6][termios.VTIME], c[6][termios.VINTR], bool(c[3] & termios.ICANON))
b[4] = b[5] = termios.B9600
termios.tcsetattr(slave, termios.TCSAFLUSH, b)
print(termios.tcgetattr(slave)[4:6] == [termios.B9600, termios.B9600])
termios.tcsetattr(slave, termios.TCSANOW, a)

print(termios.tcgetwinsize(slave))
termios.tcsetwinsize(slave, (30, 100))
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcsetwinsize(slave, [24, 80])
print(termios.tcgetwinsize(slave))
print(termios.tcdrain(slave), termios.tcflush(slave, termios.TCIOFLUSH), termios.tcflow(slave, termios.TCOON),
      termios.tcsendbreak(slave, 0))

import getpass
import pty
import tty
tty.setraw(slave)
r = termios.tcgetattr(slave)
print(r[6][termios.VMIN], r[6][termios.VTIME], r[3] & termios.ICANON, r[3] & termios.ECHO)
termios.tcsetattr(slave, termios.TCSANOW, a)
tty.setcbreak(slave)
r = termios.tcgetattr(slave)
print(r[6][termios.VMIN], r[3] & termios.ICANON, bool(r[3] & termios.ECHO))
print(callable(pty.spawn), callable(getpass.getpass), getpass.getuser() != '')

class FD:
    def fileno(self):
        return slave
print(termios.tcgetattr(FD()) == termios.tcgetattr(slave))

attempt(termios.tcsetwinsize, slave, (-1, 3))
attempt(termios.tcsetwinsize, slave, (70000, 3))
attempt(termios.tcsetwinsize, slave, 5)
attempt(termios.tcsetwinsize, slave, (1, 2, 3))
attempt(termios.tcsetwinsize, slave, ('a', 2))
attempt(termios.tcsetattr, slave, 0, a[:6] + [[1] * 3])
attempt(termios.tcsetattr, slave, 0, a[:6] + [[1.5] * termios.NCCS])
attempt(termios.tcsetattr, slave, 0, a[:6] + [[b'ab'] * termios.NCCS])
attempt(termios.tcsetattr, slave, 0, tuple(a))
attempt(termios.tcsetattr, slave, 0, [])
attempt(termios.tcsetattr, slave, 0, ['x'] + a[1:])
attempt(termios.tcsetattr, slave, 12345, a)

r, w = os.pipe()
for f, args in [(termios.tcgetattr, ()), (termios.tcsetattr, (0, a)), (termios.tcgetwinsize, ()),
                (termios.tcsetwinsize, ((1, 2),)), (termios.tcdrain, ()), (termios.tcflush, (termios.TCIFLUSH,)),
                (termios.tcflow, (termios.TCOON,)), (termios.tcsendbreak, (0,))]:
    try:
        f(r, *args)
    except termios.error as e:
        print(f.__name__, type(e).__name__, e.args, isinstance(e, OSError))
attempt(termios.tcgetattr, -1)
attempt(termios.tcgetattr, 'x')
attempt(termios.tcgetattr, 9999)
attempt(termios.tcflush, slave, 'x')
for fd in (r, w, slave, master):
    os.close(fd)
