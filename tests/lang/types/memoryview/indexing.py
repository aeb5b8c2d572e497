# memoryview indexing: ints, negative indexes, tuples, 0-dim and N-D views, bad keys.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

m = memoryview(b'abcdef')
for i in [0, 1, 5, -1, -6, 6, -7, True, False, 2**63, -2**70]:
    t(lambda: m[i])
class I:
    def __index__(self):
        return 2
t(lambda: m[I()])
t(lambda: m[(1,)])
t(lambda: m[1, 2])
t(lambda: m[()])
for key in ['a', 1.0, None, ..., [1], (1.0,), (slice(1), 1)]:
    t(lambda: m[key])
z = memoryview(b'a').cast('B', shape=[])
t(lambda: z[()])
t(lambda: z[...] is z)
t(lambda: z[0])
t(lambda: z[:])
t(lambda: len(z))
t(lambda: z.tolist())
n = m.cast('B', shape=[2, 3])
t(lambda: n[1, 2])
t(lambda: n[-1, -3])
t(lambda: n[0, 3])
t(lambda: n[2, 0])
t(lambda: n[0])
t(lambda: n[0, ])
t(lambda: n[0, 1, 2])
t(lambda: n[1:].tolist())
t(lambda: n[1:, 1:])
t(lambda: n[0, 1:])
t(lambda: n['x'])
t(lambda: len(n))
h = memoryview(b'\x01\x02\x03\x04').cast('h')
t(lambda: [h[0], h[1], h[-1]])
