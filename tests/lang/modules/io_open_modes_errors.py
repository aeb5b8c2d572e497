# open(): every mode combination, the types it returns, buffering rules,
# closefd/opener, and its errors.
import _io
import _io_tmp

p = _io_tmp.path("modes")
with open(p, "w") as f:
    f.write("hello\nworld\n")


def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, getattr(r, "mode", None))
        if hasattr(r, "close"):
            r.close()
    except Exception as e:
        print(label, type(e).__name__, e)


for mode in ["r", "rt", "r+", "w", "w+", "a", "a+", "rb", "rb+", "r+b", "wb", "wb+", "ab", "ab+", "br", "tr",
             "+r", "+rb"]:
    t(mode, lambda: _io.open(p, mode))
    if "w" in mode:
        with open(p, "w") as f:
            f.write("hello\nworld\n")

for mode in ["rw", "rr", "", "tb", "rt+b", "z", "U", "rU", "wU", "xr", "r++", "bt"]:
    t(repr(mode), lambda: _io.open(p, mode))

try:
    _io.open(p, "x")
except FileExistsError as e:
    print("x exists", e.errno, e.filename == p)
q = _io_tmp.path("modes_x")
t("x new", lambda: _io.open(q, "x"))
t("enc binary", lambda: _io.open(p, "rb", encoding="utf-8"))
t("errors binary", lambda: _io.open(p, "rb", errors="strict"))
t("newline binary", lambda: _io.open(p, "rb", newline="\n"))
t("unbuffered text", lambda: _io.open(p, "r", buffering=0))
t("unbuffered binary", lambda: _io.open(p, "rb", buffering=0))
t("bad newline", lambda: _io.open(p, "r", newline="x"))
t("newline type", lambda: _io.open(p, "r", newline=5))
t("encoding type", lambda: _io.open(p, "r", encoding=5))
t("errors type", lambda: _io.open(p, "r", errors=5))
t("unknown encoding", lambda: _io.open(p, "r", encoding="bogus"))
t("float file", lambda: _io.open(3.5))
t("mode type", lambda: _io.open(p, 5))
t("missing", lambda: _io.open("/nonexistent/x"))
t("dir", lambda: _io.open("/tmp"))
t("dir w", lambda: _io.open("/tmp", "w"))
t("closefd name", lambda: _io.open(p, closefd=False))
t("neg fd", lambda: _io.open(-1))
t("buffering float", lambda: _io.open(p, buffering=1.5))

f = _io.open(p, "rb", buffering=-5)
print(type(f).__name__)
f.close()
f = _io.open(p, "r", buffering=1)
print(f.line_buffering, type(f.buffer).__name__)
f.close()
f = _io.open(p, "r", buffering=5)
print(f.line_buffering, f.read())
f.close()
f = _io.open(p)
print(f.encoding, f.errors, f.newlines, f.name == p, f.mode, f.buffer.mode, f.buffer.raw.mode)
print(f.readable(), f.writable(), f.seekable(), f.isatty(), f.fileno() > 2)
f.close()
print(f.closed, f.buffer.closed, f.buffer.raw.closed)

# closefd=False with a descriptor, and an opener.
g = _io.open(p, "rb")
h = _io.open(g.fileno(), "r", closefd=False)
print(h.read(5), h.name == g.fileno())
h.close()
print(g.read(5), g.closed)
g.close()

calls = []


def opener(path, flags):
    calls.append(path == p)
    return _io.FileIO(path, "r", closefd=False).fileno() if False else __import__("posix").open(path, flags)


with _io.open(p, "r", opener=opener) as f:
    print(f.readline(), calls)

# open is builtins.open is _io.open
print(open is _io.open or open.__name__ == _io.open.__name__, open.__name__)
with open(p, "a") as f:
    print(f.write("more\n"))
with open(file=p, mode="r", encoding="utf-8") as f:
    print(f.readlines())
print(_io.DEFAULT_BUFFER_SIZE, issubclass(_io.UnsupportedOperation, OSError),
      issubclass(_io.UnsupportedOperation, ValueError), _io.UnsupportedOperation.__module__,
      _io.BlockingIOError is BlockingIOError)
_io_tmp.cleanup()
