# _io.FileIO: modes, read/write/readinto/readall, seek/tell/truncate, errors, repr.
import _io
import _io_tmp

p = _io_tmp.path("fileio")


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


f = _io.FileIO(p, "w")
print(f.mode, f.readable(), f.writable(), f.seekable(), f.closefd, f.closed)
print(f.write(b"hello world\n"), f.write(bytearray(b"abc")), f.write(memoryview(b"xyz")))
print(f.tell())
t("read on w", lambda: f.read())
f.close()
print(f.closed)
t("write closed", lambda: f.write(b"x"))
t("fileno closed", lambda: f.fileno())
t("repr closed", lambda: repr(f))

f = _io.FileIO(p)
print(f.mode, f.name == p)
print(f.read(5), f.read(1), f.tell())
print(f.readall())
print(f.read(), f.read(10))
print(f.seek(0), f.read(3), f.seek(2, 1), f.read(2), f.seek(-3, 2), f.read())
b = bytearray(4)
f.seek(0)
print(f.readinto(b), b)
t("write on r", lambda: f.write(b"x"))
t("truncate on r", lambda: f.truncate())
f.close()

f = _io.FileIO(p, "r+")
print(f.mode)
f.seek(6)
f.write(b"WORLD")
f.seek(0)
print(f.read())
print(f.truncate(5), f.tell())
f.seek(0)
print(f.read())
f.close()

f = _io.FileIO(p, "a")
print(f.mode, f.tell())
f.write(b"++")
f.close()
with _io.FileIO(p, "rb") as f:
    print(f.read())
print(f.closed)

with _io.FileIO(p, "a+") as f:
    print(f.mode, f.read(), f.seek(0), f.read())

try:
    _io.FileIO(p, "x")
except FileExistsError as e:
    print("x exists", e.errno, e.strerror, e.filename == p)
t("bad mode", lambda: _io.FileIO(p, "rw"))
t("bad mode2", lambda: _io.FileIO(p, "q"))
t("bad mode3", lambda: _io.FileIO(p, "r++"))
t("neg fd", lambda: _io.FileIO(-1))
t("float", lambda: _io.FileIO(1.5))
t("dir", lambda: _io.FileIO("/tmp"))
t("missing", lambda: _io.FileIO("/nonexistent/dir/file"))
t("closefd name", lambda: _io.FileIO(p, closefd=False))
t("opener bad", lambda: _io.FileIO(p, opener=lambda n, fl: -1))
t("opener type", lambda: _io.FileIO(p, opener=lambda n, fl: "x"))

f = _io.FileIO(p, "r")
g = _io.FileIO(f.fileno(), "r", closefd=False)
print(g.read(3), g.closefd, g.name == f.fileno())
g.close()
print(f.read(3))
f.close()

seen = []
def opener(name, flags):
    seen.append(name == p)
    return _io.FileIO(name, "r", closefd=False).fileno() if False else _real_open(name, flags)

_real_open = None
try:
    import posix
    _real_open = lambda n, fl: posix.open(n, fl)
except ImportError:
    pass
if _real_open is not None:
    with _io.FileIO(p, "r", opener=opener) as f:
        print(f.read(4), seen)

r = repr(_io.FileIO(p))
print(r.startswith("<_io.FileIO name="), r.endswith("mode='rb' closefd=True>"))
print(isinstance(f, _io._RawIOBase), isinstance(f, _io._IOBase), _io.FileIO.__mro__[1].__name__)
_io_tmp.cleanup()
