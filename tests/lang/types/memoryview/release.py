# memoryview.release(), the context manager, and what a released view still allows.
def t(f):
    try:
        r = f()
        print(repr(r) if not isinstance(r, str) else r[:17])
    except Exception as e:
        print(type(e).__name__, e)

r = memoryview(b'abc')
print(r.release(), r.release())
for f in [lambda: r[0], lambda: len(r), lambda: r.tobytes(), lambda: r.obj, lambda: r.nbytes, lambda: r.format,
          lambda: r.readonly, lambda: r.shape, lambda: r.itemsize, lambda: r.ndim, lambda: r.strides,
          lambda: r.suboffsets, lambda: r.c_contiguous, lambda: r.f_contiguous, lambda: r.contiguous,
          lambda: r == r, lambda: r != r, lambda: r == b'abc', lambda: r != b'abc', lambda: hash(r), lambda: list(r),
          lambda: r.cast('B'), lambda: r.hex(), lambda: r.tolist(), lambda: r.toreadonly(),
          lambda: memoryview(r), lambda: bytes(r), lambda: r.__enter__(), lambda: repr(r), lambda: r[0:1],
          lambda: r.__exit__(None, None, None), lambda: r.__setitem__(0, 1)]:
    t(f)
with memoryview(b'abc') as w:
    print(w[0], w.obj, w.__enter__() is w)
t(lambda: w[0])
t(lambda: repr(w))
with memoryview(bytearray(b'xy')) as w:
    w[0] = 65
    print(w.obj)
print(w.__exit__(), w.__exit__(1, 2, 3))
# iterating over a view released meanwhile
m = memoryview(b'abcd')
it = iter(m)
print(next(it))
m.release()
t(lambda: next(it))
# a hash computed before release stays available
h = memoryview(b'xyz')
x = hash(h)
h.release()
print(hash(h) == x)
# views of views are independent
a = memoryview(b'hello')
b = a[1:]
a.release()
print(b.tobytes(), b.obj)
