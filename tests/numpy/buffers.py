# numpy arrays over the buffers of runtime objects: array, mmap, bytearray,
# bytes, memoryview and np.memmap, written through both ways.
import array, mmap, numpy as np
a = array.array("b", [1, 2, 3]); x = np.frombuffer(a, dtype=np.int8); x[0] = 9; print(a, x)
try:
    a.append(4)
except BufferError as e:
    print("BufferError", e)
m = mmap.mmap(-1, 4); y = np.frombuffer(m, dtype=np.uint8); y[1] = 7; print(m[:], y)
b = bytearray(b'xyz'); z = np.frombuffer(b, dtype=np.uint8); z[0] = 65; print(b, z)
print(np.frombuffer(b'hi', dtype=np.uint8))
v = memoryview(a); print(np.asarray(v))
import tempfile, os
fn = tempfile.mktemp()
mm = np.memmap(fn, dtype=np.int16, mode='w+', shape=(4,)); mm[:] = [1, 2, 3, 4]; mm.flush(); del mm
print(np.fromfile(fn, dtype=np.int16)); os.unlink(fn)
