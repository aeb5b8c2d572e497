# Files dropped without close() are flushed and closed by their finalizers:
# no written data is lost (collected explicitly, and at exit).
import _io
import atexit
import gc
import _io_tmp

p = _io_tmp.path("finalize")
q = _io_tmp.path("finalize_exit")


def collect():
    # Calls like the ones the dropped files saw overwrite stale words they left
    # on the C++ stack (scanned conservatively) before each collection.
    for _ in range(4):
        x = _io.BufferedWriter(_io.BytesIO())
        x.seekable()
        x.write(b"y")
        x.close()
        [str(i) * 3 for i in range(200)]
        gc.collect()


def write_without_close(path, text):
    f = _io.open(path, "w")
    f.write(text)
    # no close(): the wrapper, its buffer and the FileIO become garbage together


write_without_close(p, "line one\n" * 1000 + "tail without newline")
collect()
with _io.open(p) as f:
    data = f.read()
print(len(data), data[-20:])

b = _io.open(p, "wb")
b.write(b"binary data")
del b
collect()
with _io.open(p, "rb") as f:
    print(f.read())

# A Python subclass: close() (and so flush) runs once; a user close() override is honoured.
log = []


class Logged(_io.FileIO):
    def close(self):
        log.append("close")
        super().close()


def make():
    Logged(p, "r")


make()
collect()
print(log)

# Still referenced at exit: flushed after the atexit callbacks (which remove
# the file's name first, so nothing is left behind).
keep = _io.open(q, "w")
keep.write("written at exit\n")
with _io.open(q) as f:
    print(repr(f.read()))
atexit.register(_io_tmp.cleanup)
