# repr of live and released views, toreadonly, truth value, method signatures.
m = memoryview(b'abc')
print(repr(m).startswith('<memory at 0x'), repr(m).endswith('>'), str(m) == repr(m))
m.release()
print(repr(m).startswith('<released memory at 0x'))
v = memoryview(bytearray(b'ab'))
ro = v.toreadonly()
print(ro.readonly, v.readonly, ro.obj is v.obj, ro.tolist())
try:
    ro[0] = 1
except TypeError as e:
    print('TypeError', e)
v[0] = 65
print(ro.tobytes())
print(memoryview(b'x').toreadonly().readonly)
print(bool(memoryview(b'')), bool(memoryview(b'a')))
print(memoryview.__hash__ is not None, type(memoryview.__len__).__name__)
for name in ['release', 'tobytes', 'hex', 'tolist', 'cast', 'toreadonly']:
    print(name, getattr(memoryview, name).__text_signature__)
