# mmap: anonymous and file-backed maps, the file-like methods, indexing/slicing and assignment, find/rfind,
# move/resize/flush/madvise, access modes, the buffer protocol (memoryview, re, struct, bytes), exports
# blocking close/resize, repr, iteration, the context manager, constants, and CPython's errors.
import mmap
import os
import re
import struct
import tempfile

def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

print(sorted(n for n in dir(mmap) if not n.startswith('__')))
print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY, mmap.PROT_READ, mmap.PROT_WRITE,
      mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANONYMOUS == mmap.MAP_ANON, mmap.MADV_DONTNEED,
      mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.PAGESIZE & (mmap.PAGESIZE - 1), mmap.error is OSError)
print(sorted(n for n in dir(mmap.mmap) if not n.startswith('__')))

m = mmap.mmap(-1, 16)
print(repr(m), len(m), m.tell(), m.closed, m[:])
attempt(m.size)
print(m.write(b'hello\nworld\nxyz'), m.tell(), repr(m))
m.seek(0)
print(m.readline(), m.readline(), m.readline(), m.readline(), m.tell())
m.seek(0)
print(m.read(3), m.read_byte(), m.read(None), m.read(), m.read(-5), m.tell())
m.seek(2)
m.seek(3, os.SEEK_CUR)
print(m.tell())
m.seek(-4, os.SEEK_END)
print(m.tell(), m.read())
m.seek(0)
print(m.find(b'o'), m.find(b'o', 5), m.find(b'o', 5, 7), m.find(b'zz'), m.find(b'', 3), m.find(b'l', -10, -3))
print(m.rfind(b'o'), m.rfind(b'o', 0, 7), m.rfind(b''), m.rfind(b'hello'), m.find(memoryview(b'wor')))
m.seek(6)
print(m.find(b'o'), m.rfind(b'l'))
print(m[0], m[-1], m[1:5], m[::2], m[10:2:-3], m[100:], m[-3:])
m[0] = 72
m[1:3] = b'EL'
m[::5] = b'ABCD'
print(m[:], list(m)[:4], type(iter(m)).__name__, b'x' in m[:])
m.move(0, 6, 5)
print(m[:])
m.seek(15)
m.write_byte(33)
print(m[:], m.tell())
attempt(m.write_byte, 1)
attempt(m.read_byte)
m.seek(14)
attempt(m.write, b'abc')
print(m.tell())

# resize (anonymous maps can grow and shrink)
m.resize(32)
print(len(m), m[:16], m[16:], m.tell())
m.resize(4)
print(len(m), m[:], m.tell())
attempt(m.resize, -1)
m.seek(0)

# errors
attempt(m.__getitem__, 10)
attempt(m.__getitem__, 'a')
attempt(m.__setitem__, 10, 1)
attempt(m.__setitem__, 0, 256)
attempt(m.__setitem__, 0, -1)
attempt(m.__setitem__, 0, b'a')
attempt(m.__setitem__, 'x', 1)
attempt(m.__setitem__, slice(0, 2), b'abc')
attempt(m.__setitem__, slice(0, 2), 'ab')
attempt(m.__delitem__, 0)
attempt(m.__delitem__, slice(0, 2))
attempt(m.seek, 5)
attempt(m.seek, -1)
attempt(m.seek, 0, 3)
attempt(m.seek, -5, 2)
attempt(m.seek, 1, os.SEEK_CUR)
attempt(m.seek, 10, os.SEEK_CUR)
attempt(m.move, 0, 0, 5)
attempt(m.move, -1, 0, 1)
attempt(m.find, 'str')
attempt(m.find, b'a', None)
attempt(m.read, 'x')
attempt(m.read, 1.5)
attempt(m.write, 'str')
attempt(m.write_byte, 256)
attempt(m.write_byte, -1)
attempt(m.flush, -1)
attempt(m.flush, 0, 100)
attempt(m.madvise, mmap.MADV_NORMAL, 100)
attempt(m.madvise, mmap.MADV_NORMAL, 0, -1)
attempt(m.madvise, mmap.MADV_NORMAL, 0, 100)
attempt(m.madvise, mmap.MADV_RANDOM)
print(m.flush(), m.flush(0, 4))
attempt(mmap.mmap, -1, -1)
attempt(mmap.mmap, -1, 10, offset=-1)
attempt(mmap.mmap, -1, 10, access=7)
attempt(mmap.mmap, -1, 10, prot=mmap.PROT_READ, access=mmap.ACCESS_READ)
attempt(mmap.mmap, -1, 0)
attempt(mmap.mmap, 'x', 10)
attempt(mmap.mmap, 9999, 10)

# the buffer protocol
v = memoryview(m)
print(v.readonly, v.nbytes, bytes(v[:2]), v.format)
attempt(m.close)
attempt(m.resize, 8)
v[0] = 122
print(m[0])
v.release()
print(bytes(m), bytearray(m)[:2], struct.unpack_from('<H', m, 0) == struct.unpack('<H', m[:2]))
m2 = mmap.mmap(-1, 64)
m2.write(b'the quick brown fox jumps over 12345 lazy dogs')
print(re.findall(rb'\d+', m2), re.search(rb'q\w+', m2).group(), re.sub(rb'o', b'0', m2[:20]))
print(m2.find(b"fox"), m2[4:9])
with memoryview(m2) as w:
    w[0:3] = b'THE'
print(m2[:9])
m2.close()
print(repr(m2), m2.closed)
attempt(m2.read)
attempt(len, m2)
attempt(m2.__getitem__, 0)
attempt(m2.tell)
attempt(m2.size)
attempt(memoryview, m2)
print(m2.close())
with mmap.mmap(-1, 8) as m3:
    print(m3.closed, m3[:])
print(m3.closed)
m.close()

# file-backed maps
fd, path = tempfile.mkstemp()
try:
    os.write(fd, b'0123456789' * 500)
    attempt(mmap.mmap, fd, 0, offset=6000)
    attempt(mmap.mmap, fd, 6000)
    f = mmap.mmap(fd, 0)
    print(len(f), f.size(), f[:10], repr(f)[:50])
    f[0:3] = b'abc'
    f.flush()
    os.lseek(fd, 0, 0)
    print(os.read(fd, 5))
    f.resize(6000)
    print(len(f), f.size(), os.fstat(fd).st_size, f[4999:5001])
    f.resize(100)
    print(os.fstat(fd).st_size)
    f.close()
    off = mmap.mmap(fd, 50, offset=mmap.ALLOCATIONGRANULARITY * 0)
    print(off[:5], repr(off))
    off.close()
    r = mmap.mmap(fd, 10, access=mmap.ACCESS_READ)
    print(r[:], repr(r))
    attempt(r.__setitem__, 0, 65)
    attempt(r.write, b'x')
    attempt(r.write_byte, 65)
    attempt(r.move, 0, 1, 1)
    attempt(r.resize, 5)
    with memoryview(r) as rv:
        print(rv.readonly)
        attempt(rv.__setitem__, 0, 65)
    r.close()
    c = mmap.mmap(fd, 10, access=mmap.ACCESS_COPY)
    c[0] = 90
    print(c[:3], c.flush())
    os.lseek(fd, 0, 0)
    print(os.read(fd, 3))
    attempt(c.resize, 20)
    c.close()
    w = mmap.mmap(fd, 10, access=mmap.ACCESS_WRITE)
    w[0] = 87
    w.close()
    os.lseek(fd, 0, 0)
    print(os.read(fd, 3))
    p = mmap.mmap(fd, 10, flags=mmap.MAP_PRIVATE)
    p[0] = 81
    print(p[:2], repr(p))
    p.close()
    ro = mmap.mmap(fd, 10, prot=mmap.PROT_READ)
    print(repr(ro))
    ro.close()
    empty_fd, empty_path = tempfile.mkstemp()
    attempt(mmap.mmap, empty_fd, 0)
    os.close(empty_fd)
    os.unlink(empty_path)
finally:
    os.close(fd)
    os.unlink(path)
attempt(__import__('pickle').dumps, mmap.mmap(-1, 4))

class Sub(mmap.mmap):
    pass
s = Sub(-1, 4)
print(type(s).__name__, len(s), isinstance(s, mmap.mmap), s[:])
s.close()
