# memoryviews may be weakly referenced.
import weakref
v = memoryview(bytearray(b'ab'))
r = weakref.ref(v)
print(r() is v, weakref.getweakrefcount(v))
