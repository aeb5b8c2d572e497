# _socket's families beyond AF_INET/AF_INET6/AF_UNIX, where the kernel has
# them: AF_NETLINK (a route socket bound, its address, a netlink request
# answered), AF_PACKET on the loopback interface (when allowed: raw sockets
# need CAP_NET_RAW), AF_VSOCK addresses, AF_ALG addresses and
# sendmsg_afalg's checks; every address's errors; the families' constants.
# What the kernel refuses is printed as the errno name, the same under both.
import errno
import os
import socket
import struct

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except OSError as e:
        if e.errno is not None:
            return f'OSError {errno.errorcode[e.errno]}'
        return f'{type(e).__name__} {e}'
    except Exception as e:
        return f'{type(e).__name__} {e}'
    return f'ok {r!r}'

def opened(family, type, proto=0):
    try:
        return socket.socket(family, type, proto)
    except OSError as e:
        print('socket', family, type, 'refused:', errno.errorcode[e.errno])
        return None

print('-- constants')
for name in ['AF_NETLINK', 'AF_PACKET', 'AF_VSOCK', 'AF_ALG', 'AF_CAN', 'AF_TIPC', 'AF_BLUETOOTH', 'PF_PACKET',
             'PF_CAN', 'NETLINK_ROUTE', 'NETLINK_USERSOCK', 'NETLINK_CRYPTO', 'PACKET_HOST', 'PACKET_OUTGOING',
             'VMADDR_CID_ANY', 'VMADDR_CID_HOST', 'VMADDR_PORT_ANY', 'SO_VM_SOCKETS_BUFFER_SIZE',
             'IOCTL_VM_SOCKETS_GET_LOCAL_CID', 'SOL_ALG', 'ALG_SET_KEY', 'ALG_SET_IV', 'ALG_SET_OP',
             'ALG_OP_ENCRYPT', 'ALG_OP_DECRYPT', 'ALG_OP_SIGN', 'ALG_SET_PUBKEY', 'ALG_SET_AEAD_ASSOCLEN',
             'CAN_RAW', 'CAN_BCM', 'CAN_EFF_FLAG', 'CAN_BCM_TX_SETUP', 'CAN_BCM_CAN_FD_FRAME', 'CAN_ISOTP',
             'CAN_J1939', 'J1939_NO_ADDR', 'J1939_PGN_MAX', 'SO_J1939_FILTER', 'SOL_CAN_RAW', 'TIPC_ADDR_ID',
             'SOL_TIPC', 'TIPC_WAIT_FOREVER', 'BTPROTO_RFCOMM', 'BTPROTO_L2CAP', 'SOL_HCI', 'HCI_FILTER',
             'BDADDR_ANY', 'BDADDR_LOCAL', 'AF_DECnet']:
    print(name, getattr(socket, name, 'missing'))
print(socket.AddressFamily.AF_NETLINK, socket.AddressFamily(socket.AF_PACKET).name)

print('-- AF_NETLINK')
s = opened(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
if s is not None:
    with s:
        print(s.family, s.type, s.proto)
        print(s.getsockname())
        for bad in [[0, 0], 5, (0,), (0, 0, 0), ('a', 0), (0, 1.5), (None, 0)]:
            print(bad, attempt(s.bind, bad))
        print(attempt(s.bind, (0, 0)))
        pid, groups = s.getsockname()
        print(pid > 0, groups, s.getpeername())
        # RTM_GETLINK dump request: the kernel answers with one message per link.
        RTM_GETLINK, NLM_F_REQUEST, NLM_F_DUMP = 18, 1, 0x300
        body = struct.pack('BxHiII', socket.AF_UNSPEC, 0, 0, 0, 0)
        header = struct.pack('=IHHII', 16 + len(body), RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
        print(s.sendto(header + body, (0, 0)))
        data, address = s.recvfrom(65536)
        length, kind, flags, seq, port = struct.unpack_from('=IHHII', data)
        print(length <= len(data), kind, seq, address)
    # A fresh socket takes any pid (the kernel checks it) and masks it as CPython does.
    for address in [(-1, 0), (2**32 + 7, 0)]:
        with socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, socket.NETLINK_ROUTE) as t:
            r = attempt(t.bind, address)
            print(address, r, t.getsockname() if r.startswith('ok') else '')

print('-- AF_PACKET')
p = opened(socket.AF_PACKET, socket.SOCK_RAW, 0)
if p is not None:
    with p:
        print(p.getsockname())
        for bad in ['lo', ('lo',), ('lo', 0, 0, 0, b'123456789'), ('nosuchif0', 0), ('x' * 20, 0), ('lo', 70000),
                    ('lo', -1), (b'lo', 0), ('l\0o', 0), ('lo', 'x'), ('lo', 0, 'x'), ('lo', 0, 0, 0, 'ab'),
                    ('lo', 0, 0, 0, b'', 1), ('lo', 2**31)]:
            print(bad, attempt(p.bind, bad))
        print(attempt(p.bind, ('lo', 0x0800, 0, 0, b'\1\2')), p.getsockname())
        print(attempt(p.bind, ('lo', 3, 256, 65537)), p.getsockname())
    with socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, 0x86dd) as q:
        print(q.getsockname())

print('-- AF_VSOCK')
v = opened(socket.AF_VSOCK, socket.SOCK_STREAM)
if v is not None:
    with v:
        print(v.getsockname())
        for bad in [(1,), (1, 2, 3), 'x', [1, 2], (socket.VMADDR_CID_ANY, 'p')]:
            print(bad, attempt(v.bind, bad))
        print(attempt(v.bind, (socket.VMADDR_CID_ANY, socket.VMADDR_PORT_ANY)))
        cid, port = v.getsockname()
        print(cid == socket.VMADDR_CID_ANY, port != socket.VMADDR_PORT_ANY)
        print(attempt(v.getpeername))

print('-- AF_ALG')
alg = opened(socket.AF_ALG, socket.SOCK_SEQPACKET)
if alg is not None:
    with alg:
        for bad in ['hash', ('hash',), ('hash', 'sha256', 1, 2, 3), (b'hash', 'sha256'), ('h' * 14, 'sha256'),
                    ('hash', 'x' * 64), ('hash', 'sha256', 'f')]:
            print(bad, attempt(alg.bind, bad))
        alg.bind(('hash', 'sha256'))
        op, _ = alg.accept()
        with op:
            op.sendall(b'abc')
            print(op.recv(32).hex())
            print(attempt(op.sendmsg_afalg, [b'abc'], iv=b''), attempt(op.sendmsg_afalg, [b'abc'], op=-1))
a, b = socket.socketpair()
with a, b:
    print(attempt(a.sendmsg_afalg))
    print(attempt(a.sendmsg_afalg, [b'x'], op=socket.ALG_OP_ENCRYPT, iv=b'1234'))
    print(a.sendmsg_afalg.__doc__)
if p is not None:
    with socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0) as p:
        for bad in [('lo', 0, 2**31), ('lo', 0, 0, -2**31 - 1), ('lo', -2**31 - 1)]:
            print(bad, attempt(p.bind, bad))
if v is not None:
    # VSOCK's options are 64-bit values.
    with socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM) as v:
        size = v.getsockopt(socket.AF_VSOCK, socket.SO_VM_SOCKETS_BUFFER_MAX_SIZE)
        v.setsockopt(socket.AF_VSOCK, socket.SO_VM_SOCKETS_BUFFER_MAX_SIZE, size * 2)
        print(v.getsockopt(socket.AF_VSOCK, socket.SO_VM_SOCKETS_BUFFER_MAX_SIZE) == size * 2)
        print(attempt(v.setsockopt, socket.AF_VSOCK, socket.SO_VM_SOCKETS_BUFFER_SIZE, 1.5))
        print(attempt(v.setsockopt, socket.AF_VSOCK, socket.SO_VM_SOCKETS_BUFFER_SIZE, 1, 4))
