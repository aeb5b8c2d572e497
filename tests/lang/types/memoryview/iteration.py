# Iterating over memoryviews: formats, strided views, reversed(), `in`, 0-dim and N-D views.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

m = memoryview(b'abcdef')
print(list(m), list(m[::-2]), list(m.cast('c')), list(m.cast('h')))
it = iter(m)
print(type(it).__name__, iter(it) is it, next(it), next(it))
print(list(it), list(it))
print(list(reversed(m)), 97 in m, 200 in m, b'a' in m.cast('c'))
print([x for x in memoryview(b'')])
print(sum(memoryview(bytes(range(100)))))
t(lambda: iter(memoryview(b'a').cast('B', shape=[])))
t(lambda: list(m.cast('B', shape=[2, 3])))
t(lambda: list(enumerate(memoryview(bytearray(b'xy')))))
ba = bytearray(b'abc')
v = memoryview(ba)
it = iter(v)
print(next(it))
v[1] = 66
print(next(it), next(it))
t(lambda: next(it))
