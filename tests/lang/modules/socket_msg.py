# _socket's sendmsg / recvmsg / recvmsg_into over AF_UNIX socketpairs and loopback UDP: gathered and
# scattered data, SCM_RIGHTS (socket.send_fds / recv_fds), truncated ancillary data (MSG_CTRUNC),
# CMSG_LEN / CMSG_SPACE, the interface-name functions, sendall() interrupted by a signal, and
# CPython's errors.  Nothing printed depends on descriptor numbers or ports.
import array
import os
import signal
import socket

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

a, b = socket.socketpair()

print('--- errors')
attempt(a.sendmsg)
attempt(a.sendmsg, 1)
attempt(a.sendmsg, [1])
attempt(a.sendmsg, [b'x'], 1)
attempt(a.sendmsg, [b'x'], [1])
attempt(a.sendmsg, [b'x'], [(1, 2)])
attempt(a.sendmsg, [b'x'], [(1, 2, 3)])
attempt(a.sendmsg, [b'x'], [('a', 2, b'')])
attempt(a.sendmsg, [b'x'], [], 'x')
attempt(a.sendmsg, [b'x'], [], 0, 'addr')
attempt(a.sendmsg, [b'x'], flags=0)
attempt(b.recvmsg)
attempt(b.recvmsg, -1)
attempt(b.recvmsg, 10, -1)
attempt(b.recvmsg, 10, 10, 'x')
attempt(b.recvmsg, 10, 10, 0, 1)
attempt(b.recvmsg_into, 1)
attempt(b.recvmsg_into, [b'x'])
attempt(b.recvmsg_into, [bytearray(1)], -1)
attempt(a.sendto, b'x')
attempt(a.sendto, b'x', 0, None, 1)

print('--- CMSG_LEN, CMSG_SPACE')
print(socket.CMSG_LEN(0), socket.CMSG_LEN(5), socket.CMSG_SPACE(0), socket.CMSG_SPACE(5))
print(socket.CMSG_LEN(2**31 - 1 - socket.CMSG_LEN(0)), socket.CMSG_SPACE(2**31 - 1 - socket.CMSG_SPACE(1)))
for f, n in [(socket.CMSG_LEN, -1), (socket.CMSG_LEN, 2**31 - socket.CMSG_LEN(0)), (socket.CMSG_LEN, 2**62),
             (socket.CMSG_SPACE, -1), (socket.CMSG_SPACE, 2**31 - socket.CMSG_SPACE(1)), (socket.CMSG_LEN, 'x'),
             (socket.CMSG_LEN, 2**70)]:
    attempt(f, n)

print('--- gather and scatter')
print(a.sendmsg([b'ab', bytearray(b'cd'), memoryview(b'ef')]))
print(b.recvmsg(100))
print(a.sendmsg([]), a.sendmsg([b'hello world']))
bufs = [bytearray(3), bytearray(4)]
print(b.recvmsg_into(bufs), bufs)
print(b.recvmsg(100))
a.sendmsg([b'peek'])
print(b.recvmsg(100, 0, socket.MSG_PEEK), b.recvmsg(2), b.recvmsg(100))
view = memoryview(bytearray(6))
a.sendmsg([b'012345'])
print(b.recvmsg_into([view[:2], view[4:]]), bytes(view))
b.setblocking(False)
attempt(b.recvmsg, 10)
attempt(b.recvmsg_into, [bytearray(10)])
b.setblocking(True)

print('--- SCM_RIGHTS')
r, w = os.pipe()
os.write(w, b'through the descriptor')
print(socket.send_fds(a, [b'fds'], [r, w]))
msg, fds, flags, addr = socket.recv_fds(b, 100, 4)
print(msg, len(fds), flags, addr, all(fd not in (r, w) for fd in fds))
print(os.read(fds[0], 100))
for fd in fds:
    os.close(fd)
a.sendmsg([b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [r] * 3))])
data, ancdata, flags, addr = b.recvmsg(10, socket.CMSG_LEN(4))
print(data, [(level, kind, len(d)) for level, kind, d in ancdata], bool(flags & socket.MSG_CTRUNC))
for _, _, d in ancdata:
    for fd in array.array('i', d[:len(d) - len(d) % 4]):
        os.close(fd)
a.sendmsg([b'y'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [w]))])
data, ancdata, flags, addr = b.recvmsg(10, 0)
print(data, ancdata, bool(flags & socket.MSG_CTRUNC))
os.close(r)
os.close(w)

print('--- datagrams with addresses')
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.bind(('127.0.0.1', 0))
print(v.sendmsg([b'dgram', b'!'], [], 0, u.getsockname()))
data, ancdata, flags, addr = u.recvmsg(100)
print(data, ancdata, flags, addr == v.getsockname())
print(v.sendmsg([b'toolong'], [], 0, u.getsockname()))
data, ancdata, flags, addr = u.recvmsg(3)
print(data, bool(flags & socket.MSG_TRUNC), addr == v.getsockname())
print(v.sendto(b'to', u.getsockname()), v.sendto(b'flags', 0, u.getsockname()), u.recv(10), u.recv(10))
u.close()
v.close()

print('--- interfaces')
pairs = socket.if_nameindex()
print(all(socket.if_nametoindex(name) == index and socket.if_indextoname(index) == name for index, name in pairs))
print(socket.if_nametoindex('lo') == socket.if_nametoindex(b'lo'))
attempt(socket.if_nametoindex, '_DEADBEEF')
attempt(socket.if_nametoindex, 0)
attempt(socket.if_indextoname, 0)
attempt(socket.if_indextoname, -1)
attempt(socket.if_indextoname, '_DEADBEEF')
attempt(socket.if_indextoname, 1.0)

print('--- sendall interrupted')
payload = b'x' * (64 * 1024 * 1024)
def raising(signum, frame):
    1 // 0
def quiet(signum, frame):
    pass
old = signal.signal(signal.SIGALRM, raising)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    a.sendall(payload)  # the handler runs although send() returned a partial count
except ZeroDivisionError as e:
    print('handler raised', e)
signal.signal(signal.SIGALRM, quiet)
a.settimeout(0.3)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    a.sendall(payload)  # one deadline for the whole call
except TimeoutError as e:
    print('TimeoutError', e)
signal.signal(signal.SIGALRM, old)
a.close()
b.close()

print('--- AF_UNIX autobind, strict port names')
with socket.socket(socket.AF_UNIX) as s1, socket.socket(socket.AF_UNIX) as s2:
    s1.bind('')
    s2.bind('')
    name1, name2 = s1.getsockname(), s2.getsockname()
    print(type(name1).__name__, len(name1), name1[:1], name1 != name2)
attempt(socket.getaddrinfo, 'localhost', '\uD800')
print(socket.getaddrinfo('127.0.0.1', '80', type=socket.SOCK_STREAM)[0][4])
