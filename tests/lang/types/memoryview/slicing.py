# memoryview slicing: steps, negative steps, nested slices, empty slices; slices share the memory.
m = memoryview(b'0123456789')
for s in [slice(None), slice(2, 5), slice(None, None, 2), slice(None, None, -1), slice(8, 2, -2), slice(-3, None),
          slice(100, 200), slice(5, 2), slice(None, None, 3), slice(-100, 100, 4)]:
    v = m[s]
    print(s, v.tobytes(), len(v), v.strides, v.nbytes, v.c_contiguous)
v = m[::2][1:][::-1]
print(v.tobytes(), v.tolist(), v.strides)
print(m[1:9].cast('h')[::-2].tolist())
ba = bytearray(b'abcdefgh')
w = memoryview(ba)
s = w[2:6]
ba[3] = ord('X')
print(s.tobytes(), s.obj is ba)
s[0] = ord('Y')
print(ba)
try:
    m[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    m['a':]
except TypeError as e:
    print(type(e).__name__, e)
