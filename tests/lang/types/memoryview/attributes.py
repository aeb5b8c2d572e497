# memoryview attributes: nbytes, readonly, itemsize, format, ndim, shape, strides, suboffsets, contiguity.
def show(m):
    print(m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets,
          m.c_contiguous, m.f_contiguous, m.contiguous)

m = memoryview(b'abcdefgh')
show(m)
show(memoryview(bytearray(b'abcd')))
show(m[::2])
show(m[::-1])
show(m[1:1])
show(m[::-3])
show(m.cast('h'))
show(m.cast('i')[::-1])
show(m.cast('B', shape=[2, 4]))
show(m.cast('B', shape=[2, 4])[1:])
show(m.cast('B', shape=[2, 2, 2]))
show(m.cast('h', shape=[1, 4]))
show(m.cast('B', shape=[8, 1]))
show(m.cast('Q', shape=[]))
show(m.cast('d'))
show(m.cast('@B'))
show(memoryview(b''))
for name in ['obj', 'nbytes', 'readonly', 'itemsize', 'format', 'ndim', 'shape', 'strides', 'suboffsets',
             'c_contiguous', 'f_contiguous', 'contiguous']:
    try:
        setattr(m, name, 1)
    except AttributeError as e:
        print(name, type(e).__name__)
    print(name, getattr(memoryview, name).__doc__)
