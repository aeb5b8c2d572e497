# memoryview.hex with and without separators, on strided and cast views.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

m = memoryview(b'\xb9\x01\xef\x00\x10\xff\x7f')
t(lambda: m.hex())
for sep in [':', b'-', ' ', '::', '', b'', 'é', b'\xff', 1, [1], ['a'], None]:
    t(lambda: m.hex(sep))
for n in [1, 2, 3, -2, -3, 0, 7, 8, -8, 100, 'x', 2**70]:
    t(lambda: m.hex(':', n))
t(lambda: m.hex(sep='_', bytes_per_sep=2))
t(lambda: m[::2].hex())
t(lambda: m[::-1].hex('.'))
t(lambda: m[:6].cast('h').hex())
t(lambda: memoryview(b'').hex(':'))
t(lambda: m.cast('B', shape=[7, 1]).hex())
