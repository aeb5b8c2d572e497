# memoryview item assignment: every format's conversions and range errors, read-only and deletion errors.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(16)
m = memoryview(ba)
def s(view, k, v):
    def f():
        view[k] = v
        return bytes(ba)
    return f
class I:
    def __index__(self):
        return 66
class F:
    def __float__(self):
        return 2.5
for v in [65, 255, 256, -1, 'a', 1.0, b'a', I(), True, None]:
    t(s(m, 0, v))
for fmt in 'bBhHiIlLqQnNP':
    v = m.cast(fmt)
    for x in [0, 1, -1, 127, 128, -129, 2**15, 2**16, 2**31, -2**31 - 1, 2**32, 2**63 - 1, 2**63, 2**64, -2**63, I(), 1.5]:
        try:
            v[0] = x
            print(fmt, x if not isinstance(x, I) else 'I', v[0])
        except (TypeError, ValueError) as e:
            print(fmt, type(e).__name__, e)
c = m.cast('c')
for v in [b'Z', b'ZZ', b'', 90, 'Z', bytearray(b'Z')]:
    t(s(c, 1, v))
q = m.cast('?')
for v in [5, 0, [], [1], None, 'x']:
    q[2] = v
    print(q[2], ba[2])
f = m.cast('f')
for v in [1.5, 1, -0.0, 1e300, float('inf'), F(), 'x', None, 2**2000]:
    t(s(f, 0, v))
    print(f[0])
d = m.cast('d')
for v in [1.5, 2**53 + 1, float('nan'), F(), 'x']:
    t(s(d, 1, v))
    print(d[1])
t(s(m, 16, 1))
t(s(m, -17, 1))
t(s(m, 'a', 1))
t(s(m, (0,), 7))
t(s(m, (0, 0), 1))
t(s(m, ..., 1))
def d0():
    del m[0]
t(d0)
def d1():
    del m[0:1]
t(d1)
ro = memoryview(b'abc')
t(s(ro, 0, 1))
t(s(ro, slice(0, 1), b'x'))
t(s(memoryview(bytearray(b'ab')).toreadonly(), 0, 1))
n = m.cast('B', shape=[4, 4])
t(s(n, (1, 2), 9))
t(s(n, 0, 9))
t(s(n, (0,), 9))
t(s(n, (1, 1, 1), 9))
t(s(n, (4, 0), 9))
t(s(n, slice(0, 1), b'abcd'))
t(s(n, (slice(0, 1), slice(0, 1)), b'a'))
z = memoryview(bytearray(b'a')).cast('B', shape=[])
z[()] = 5
print(z.tolist())
z[...] = 6
print(z.tolist())
t(s(z, 0, 1))
