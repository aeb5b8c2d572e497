# array: every typecode, conversions and their errors, methods, slicing, comparisons, buffers, pickling.
import array, binascii, copy, hashlib, io, pickle, struct, sys, zlib

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
        return None
    else:
        print('ok', repr(r)[:100])
        return r

def attempt_type(f, *args):
    # Only the exception type: Tern's messages name builtin types of modules
    # without their module ('array', not 'array.array').
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__)

print('--- module')
print(array.typecodes, array.ArrayType is array.array, array.array.__name__, array.array.__module__)
print(sorted(n for n in dir(array) if not n.startswith('__')))

print('--- typecodes and item conversion')
values = [0, 1, -1, 127, 128, -128, -129, 255, 256, 2**15 - 1, 2**15, -2**15 - 1, 2**16, 2**31 - 1, 2**31,
          -2**31 - 1, 2**32, 2**63 - 1, 2**63, -2**63 - 1, 2**64, 1.5, 'a', 'ab', None, True]
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a.itemsize, a.typecode, repr(a))
    for v in values:
        try:
            a = array.array(tc, [v])
            r = a[0]
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(' ', repr(v), repr(r))
class Idx:
    def __index__(self):
        return 7
class Flt:
    def __float__(self):
        return 2.5
for tc in 'bBhHiIlLqQfd':
    print(tc, array.array(tc, [Idx()]))
print(array.array('f', [Flt(), 0.1, 1e300, -1e300]), array.array('d', [Flt(), 0.1, float('inf')]))
attempt(array.array, 'd', [2**2000])
attempt(array.array, 'f', [Flt(), 'x'])

print('--- constructor')
print(array.array('i', (1, 2, 3)), array.array('i', range(5)), array.array('b', b'\x01\xff'))
print(array.array('h', bytearray(b'\x01\x00\x02\x00')), array.array('u', 'h\xe9\U0001f600'))
print(array.array('i', array.array('i', [4, 5])), array.array('d', array.array('i', [4, 5])))
print(array.array('i', (x * x for x in range(4))), array.array('u', iter('xyz')))
attempt(array.array)
attempt(array.array, 'x')
attempt(array.array, 'xy')
attempt(array.array, 5)
attempt(array.array, 'i', 'abc')
attempt(array.array, 'i', array.array('u', 'ab'))
attempt(array.array, 'i', 5)
attempt(array.array, 'i', [1, 'x'])
attempt(array.array, 'i', [1], 2)
attempt(array.array, 'i', initializer=[1])
attempt(array.array, 'h', b'\x01')
attempt(array.array, 'z', [1])
attempt(array.array, 'z', 'abc')

print('--- sequence operations')
a = array.array('i', range(10))
print(len(a), a[0], a[-1], a[3:7], a[::2], a[::-3], a[100:], a[-100:2])
attempt(lambda: a[10])
attempt(lambda: a[-11])
attempt(lambda: a['x'])
attempt(lambda: a[1.0])
print(5 in a, 50 in a, 5.0 in a, 'x' in a)
a[0] = 100
a[-1] = -9
print(a)
attempt(a.__setitem__, 10, 1)
attempt(a.__setitem__, 0, 'x')
attempt(a.__setitem__, 'k', 1)
a[2:4] = array.array('i', [7, 7, 7, 7])
print(a)
a[1:8] = array.array('i')
print(a)
a[1:1] = array.array('i', [1, 2])
print(a)
a[5:2] = array.array('i', [42])
print(a)
a[::2] = array.array('i', [0] * len(a[::2]))
print(a)
a[::-1] = array.array('i', range(len(a)))
print(a)
attempt(a.__setitem__, slice(None, None, 2), array.array('i', [1]))
attempt(a.__setitem__, slice(0, 2), [1, 2])
attempt(a.__setitem__, slice(0, 2), array.array('h', [1, 2]))
a[:] = a
print(a)
a[1:3] = a
print(a)
b = array.array('i', range(20))
del b[3]
del b[-1]
print(b)
del b[::3]
print(b)
del b[::-2]
print(b)
del b[2:5]
print(b)
del b[5:1:-1]
print(b)
attempt(b.__delitem__, 100)
c = array.array('d', range(10))
del c[1:9:3]
print(c)
del c[100:200]
print(c)

print('--- concatenation and repetition')
x = array.array('b', [1, 2])
y = array.array('b', [3])
print(x + y, x * 3, 3 * x, x * 0, x * -1, type(x + y))
z = x
z += y
print(z, x, z is x)
z *= 2
print(z)
z *= 1
print(z)
attempt(lambda: x + [1])
attempt_type(lambda: [1] + x)
attempt(lambda: x + array.array('h', [1]))
attempt(lambda: x * 1.5)
attempt_type(lambda: 'a' * x)
def iadd_list():
    w = array.array('b')
    w += [1]
attempt(iadd_list)
def iadd_other():
    w = array.array('b')
    w += array.array('B')
attempt(iadd_other)
attempt_type(hash, x)

print('--- comparisons')
for p, q in [([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1, 2], [1]), ([], []), ([2], [1, 5])]:
    a1, a2 = array.array('i', p), array.array('i', q)
    print(p, q, a1 == a2, a1 != a2, a1 < a2, a1 <= a2, a1 > a2, a1 >= a2)
print(array.array('i', [1, 2]) == array.array('d', [1.0, 2.0]), array.array('b', [1]) < array.array('f', [1.5]))
nan = float('nan')
print(array.array('d', [nan]) == array.array('d', [nan]), array.array('d', [1, nan]) < array.array('d', [1, nan]))
print(array.array('u', 'abc') < array.array('u', 'abd'), array.array('i', [1]) == [1])
attempt_type(lambda: array.array('i') < [1])

print('--- methods')
a = array.array('h', [3, 1, 4, 1, 5])
a.append(9)
a.extend([2, 6])
a.extend(array.array('h', [5, 3]))
a.extend(x for x in (5, 8))
print(a, a.count(1), a.count(5), a.count('x'), a.index(5), a.index(5, 5), a.index(5, -4), a.index(1, 0, 4))
attempt(a.index, 5, 0, 3)
attempt(a.index, 42)
attempt(a.index, 1, 'x')
attempt(a.extend, array.array('i', [1]))
attempt(a.extend, 5)
attempt(a.extend, [1, 2**20])
print(a)
a.insert(0, -1)
a.insert(-1, -2)
a.insert(100, -3)
a.insert(-100, -4)
print(a)
attempt(a.insert, 0, 'x')
attempt(a.insert, 'x', 1)
print(a.pop(), a.pop(0), a.pop(-2), a)
attempt(a.pop, 100)
attempt(array.array('i').pop)
a.remove(1)
print(a)
attempt(a.remove, 100)
a.reverse()
print(a, a.tolist(), type(a.tolist()))
print(a.tobytes())
a.byteswap()
print(a)
a.byteswap()
for tc in 'bhiqfd':
    w = array.array(tc, [1, 2])
    w.byteswap()
    print(tc, w.tobytes())
w = array.array('i')
w.frombytes(b'\x01\x00\x00\x00\x02\x00\x00\x00')
w.frombytes(bytearray(b'\x03\x00\x00\x00'))
w.frombytes(memoryview(b'\x04\x00\x00\x00'))
print(w)
attempt(w.frombytes, b'\x01\x02')
attempt(w.frombytes, 'str')
w.fromlist([5, 6])
print(w)
attempt(w.fromlist, (7,))
attempt(w.fromlist, [7, 'x'])
print(w)
u = array.array('u', 'hello')
u.fromunicode(' world')
print(u, u.tounicode(), u.tolist()[:3])
attempt(u.fromunicode, b'x')
attempt(w.fromunicode, 'x')
attempt(w.tounicode)
u2 = array.array('u')
u2.frombytes(b'\x00\x00\x11\x00')
attempt(u2.tounicode)
attempt(lambda: u2[0])
attempt(repr, u2)
info = w.buffer_info()
print(type(info), len(info), info[1] == len(w), isinstance(info[0], int))
print(copy.copy(w), copy.deepcopy(w), copy.copy(w) is w)
print(array.array('i').__sizeof__(), array.array('i', [1, 2, 3]).__sizeof__())
g = array.array('i')
sizes = []
for i in range(20):
    g.append(i)
    sizes.append(g.__sizeof__())
print(sizes)

print('--- files')
f = io.BytesIO()
big = array.array('d', range(20000))
big.tofile(f)
array.array('i').tofile(f)
print(len(f.getvalue()))
f.seek(0)
r = array.array('d')
r.fromfile(f, 19999)
print(len(r), r[-1])
attempt(r.fromfile, f, 5)
print(len(r))
attempt(r.fromfile, f, -1)
attempt(r.fromfile, 'notafile', 1)
class BadRead:
    def read(self, n):
        return 'text'
attempt(r.fromfile, BadRead(), 1)
class Writer:
    def __init__(self):
        self.calls = []
    def write(self, b):
        self.calls.append(len(b))
wr = Writer()
big.tofile(wr)
print(wr.calls)

print('--- iteration')
it = iter(array.array('i', [1, 2, 3]))
print(type(it).__name__, next(it), it.__reduce__())
print(list(it), it.__reduce__())
it2 = iter(array.array('i', [1, 2, 3]))
it2.__setstate__(2)
print(list(it2))
it3 = iter(array.array('i', [1, 2, 3]))
it3.__setstate__(-5)
print(list(it3))
m = array.array('i', [1, 2])
it4 = iter(m)
next(it4)
m.append(3)
print(list(it4))

print('--- buffers')
a = array.array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.tolist(), m.readonly, m.shape)
m[0] = 42
print(a)
attempt(a.append, 4)
attempt(a.pop)
attempt(a.frombytes, b'\x00' * 4)
attempt(a.__delitem__, 0)
a[1] = 7
a[0:2] = array.array('i', [8, 9])
print(a)
m.release()
a.append(4)
print(a, bytes(array.array('h', [1, 2])), bytearray(array.array('b', [65, 66])))
print(memoryview(array.array('d', [1.5, 2.5])).cast('B')[:4].tolist(), memoryview(array.array('Q', [2**64 - 1])).tolist())
with memoryview(a) as mv:
    print(mv.tolist()[1:], mv.format)
a.append(5)
print(a)
print(b'x'.join([array.array('b', [65, 66]), b'C']), array.array('B', b'abc') == array.array('B', [97, 98, 99]))

print('--- pickling')
for tc in array.typecodes:
    items = 'abc' if tc == 'u' else [1, 2, 3]
    a = array.array(tc, items)
    for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and b.typecode == a.typecode, (tc, proto)
    print(tc, a.__reduce_ex__(2)[1], a.__reduce_ex__(3)[1][1:3])
class Sub(array.array):
    pass
s = Sub('i', [1, 2])
s.tag = 'hello'
s2 = pickle.loads(pickle.dumps(s))
print(type(s2).__name__, s2, s2.tag, repr(s), s + s, type(s + s).__name__, type(s[:1]).__name__)
print(type(copy.copy(s)).__name__)
attempt(array.array('i').__reduce_ex__, 'x')
rc = array._array_reconstructor
print(rc(array.array, 'l', 13, bytes(range(8))), rc(array.array, 'b', 13, bytes(range(8))))
print(rc(array.array, 'd', 15, bytes(range(8))), rc(array.array, 'd', 14, bytes(range(8))))
print(rc(array.array, 'f', 17, bytes(range(8))), rc(array.array, 'u', 19, 'ab'.encode('utf-16-be')))
print(rc(array.array, 'u', 21, 'ab'.encode('utf-32-be')), rc(array.array, 'u', 18, 'xy'.encode('utf-16-le')))
print(rc(array.array, 'B', 3, bytes(range(4))), rc(array.array, 'i', 0, b'\xff\x01'), rc(array.array, 'b', 1, b'\xff'))
print(rc(array.array, 'h', 5, b'\xff\xfe'), rc(array.array, 'I', 7, b'\x00\x00\x01\x00'), rc(Sub, 'i', 8, b'\x01\x00\x00\x00'))
for args in [(1, 'b', 1, b''), (int, 'b', 1, b''), (array.array, 'z', 1, b''), (array.array, 'b', 22, b''),
             (array.array, 'b', 1, ''), (array.array, 'b', -1, b'x'), (array.array, 'B', 3, bytes(range(5)))]:
    attempt(rc, *args)

print('--- subclass')
class Arr(array.array):
    def __init__(self, typecode, init=(), extra=None):
        self.extra = extra
attempt(Arr, 'i', [1, 2], extra=5)
a = Arr('i', [1, 2])
print(a, a.extra, isinstance(a, array.array))
class Arr2(array.array):
    def __new__(cls, *args, **kw):
        return super().__new__(cls, *args)
print(Arr2('i', [1], foo=1))
import weakref
wr = weakref.ref(a)
print(wr() is a)
for a in [('d', 15, bytes(5)), ('u', 19, bytes(3)), ('u', 21, bytes(5)), ('i', 8, bytes(5)), ('d', 16, bytes(5)),
          ('u', 18, b'\x00\xd8'), ('u', 18, b'\x00\xd8\x00\xd8')]:
    attempt(rc, array.array, *a)

print('--- other buffer consumers')
a = array.array('b', [0] * 8)
print(io.BytesIO(b'abcdefgh').readinto(a), a)
struct.pack_into('<i', a, 0, 258); print(a)
print(hashlib.md5(array.array('i', [1, 2])).hexdigest(), binascii.hexlify(array.array('h', [1, 2])), zlib.crc32(array.array('i', [7])))
m = memoryview(array.array('i', [1, 2, 3]))
print(m[1], m.cast('B').tolist()[:4], m.tobytes(), m.nbytes, m.contiguous)
print(array.array('d', [1.0]) * 2 == array.array('d', [1.0, 1.0]), sum(array.array('i', range(10))), max(array.array('f', [1.5, 0.5])))
f = io.BytesIO(); array.array('H', [1, 2, 3]).tofile(f); print(f.getvalue())
print(array.array('b', b'ab') + array.array('b', b'c'), list(reversed(array.array('i', [1, 2, 3]))))
print(array.array('u', 'abc') * 2, array.array('u', 'ab') < array.array('u', 'b'))
mu = memoryview(array.array('u', 'ab'))
print(mu.format, mu.itemsize, mu.nbytes, bytes(mu))
