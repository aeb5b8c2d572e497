# memoryview.tobytes (orders C/F/A) and tolist for every native format and N-D shapes.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

data = bytes(range(1, 25))
m = memoryview(data)
for fmt in 'bBchHiIlLqQnNfd?':
    try:
        v = m[:16].cast(fmt)
    except TypeError as e:
        print(fmt, e)
        continue
    print(fmt, v.tolist(), v[::-1].tobytes())
n = m.cast('B', shape=[2, 3, 4])
print(n.tolist())
print(n.tobytes(), n.tobytes('C'), n.tobytes(None))
print(n.tobytes('F'))
print(n.tobytes('A'))
print(n[1:].tolist(), n[1:].tobytes('F'))
print(m.cast('h', shape=[3, 4]).tolist())
print(m.cast('h', shape=[3, 4]).tobytes('F'))
print(m[::3].tobytes('F'), m[::-5].tobytes('A'))
print(m.cast('d', shape=[3]).tolist())
print(memoryview(b'\x00\x00\xc0\x7f').cast('f').tolist())
print(memoryview(b'').tolist(), memoryview(b'').tobytes())
for order in ['X', 'c', '', 'CC', 1, b'C']:
    t(lambda: m.tobytes(order))
t(lambda: m.tobytes(order='F'))
t(lambda: m.tolist(1))
print(m.cast('Q', shape=[3]).tolist())
print(m[:8].cast('q', shape=[]).tolist())
