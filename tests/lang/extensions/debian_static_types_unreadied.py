# A CPython binary that adds static types to its module without PyType_Ready
# (Debian's lib-dynload _testbuffer: ndarray, staticarray): CPython readies
# such a type when it is first used, and so must cpyext — the types are
# real classes, and a collection with them in the module's dict is safe.
import gc
import _testbuffer

for t in (_testbuffer.ndarray, _testbuffer.staticarray):
    print(t.__name__, type(t).__name__, isinstance(t, type), t.__mro__[-1] is object)
gc.collect()
print(callable(_testbuffer.ndarray), "staticarray" in dir(_testbuffer))
s = _testbuffer.staticarray()
print(type(s).__name__, len(memoryview(s).tobytes()))
gc.collect()
print("collected")
