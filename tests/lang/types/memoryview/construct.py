# memoryview(x): from bytes, bytearray and memoryview; .obj; argument errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = b'abcdef'
m = memoryview(b)
print(type(m).__name__, m.obj is b, len(m), m.tobytes())
ba = bytearray(b'xyz')
mb = memoryview(ba)
print(mb.obj is ba, mb.readonly, mb.tobytes())
m2 = memoryview(m)
print(m2 is m, m2.obj is b, m2 == m, m2.readonly)
m3 = memoryview(mb[1:])
print(m3.obj is ba, m3.tobytes(), m3.readonly)
print(memoryview(object=b'kw').tobytes())
print(memoryview(b'').tobytes(), len(memoryview(b'')), memoryview(bytearray()).tolist())
class B(bytes):
    pass
class BA(bytearray):
    pass
print(memoryview(B(b'sub')).tobytes(), memoryview(BA(b'sub2')).tobytes(), type(memoryview(BA(b's')).obj).__name__)
t(lambda: memoryview(1))
t(lambda: memoryview('abc'))
t(lambda: memoryview([1, 2]))
t(lambda: memoryview(None))
t(lambda: memoryview())
t(lambda: memoryview(b'x', b'y'))
t(lambda: type(memoryview(b'')).__name__)
t(lambda: isinstance(memoryview(b''), memoryview))
try:
    class Sub(memoryview):
        pass
except TypeError as e:
    print('TypeError', e)
print(memoryview.__doc__)
