# memoryview slice assignment: same-length sources of any buffer type, strided, overlapping, mismatches.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b'abcdefgh')
m = memoryview(ba)
def s(view, k, v):
    def f():
        view[k] = v
        return bytes(ba)
    return f
t(s(m, slice(0, 2), b'XY'))
t(s(m, slice(0, 2), bytearray(b'PQ')))
t(s(m, slice(0, 2), memoryview(b'RS')))
t(s(m, slice(None, None, 2), b'1234'))
t(s(m, slice(None, None, -1), b'hgfedcba'))
t(s(m, slice(0, 0), b''))
t(s(m, slice(0, 2), b'XYZ'))
t(s(m, slice(0, 2), b''))
t(s(m, slice(0, 2), 5))
t(s(m, slice(0, 2), 'ab'))
t(s(m, slice(0, 2), [1, 2]))
t(s(m, slice(0, 2), memoryview(b'ab').cast('c')))
t(s(m, slice(0, 2), memoryview(b'abcd').cast('h')))
t(s(m, slice(0, 2), memoryview(b'ab').cast('@B')))
t(s(m, slice(0, 4), memoryview(b'abcd').cast('B', shape=[2, 2])))
t(s(m, slice(0, 4), memoryview(b'zyxwvuts')[::2]))
# overlapping source and destination
t(s(m, slice(1, 8), m[0:7]))
t(s(m, slice(0, 7), m[1:8]))
t(s(m, slice(0, 4), m[::-2]))
h = m.cast('h')
t(s(h, slice(0, 2), memoryview(b'\x01\x00\x02\x00').cast('h')))
t(s(h, slice(0, 2), b'abcd'))
t(s(h, slice(0, 1), memoryview(b'\x03\x00').cast('H')))
c = m.cast('c')
t(s(c, slice(0, 2), b'ab'))
t(s(c, slice(0, 2), memoryview(b'ab').cast('c')))
print(ba)
