# BufferedReader/Writer/Random/RWPair over FileIO and BytesIO: buffering, peek,
# read1, readline, seek/tell across the buffer, detach, errors.
import _io
import _io_tmp

p = _io_tmp.path("buffered")


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


w = _io.BufferedWriter(_io.FileIO(p, "w"), buffer_size=16)
print(w.write(b"0123456789"), w.tell(), w.raw.tell())
print(w.write(b"abcdefghij"), w.tell())
print(w.write(b"K" * 40), w.tell(), w.raw.tell())
w.flush()
print(w.raw.tell(), w.writable(), w.readable(), w.seekable(), w.mode, w.name == p)
t("read on writer", lambda: w.read())
w.close()
print(w.closed, w.raw.closed)
t("write closed", lambda: w.write(b"x"))
t("flush closed", lambda: w.flush())

r = _io.BufferedReader(_io.FileIO(p), 8)
print(r.read(3), r.tell(), r.raw.tell())
print(r.peek(2)[:2], r.read1(4), r.read1(100)[:3])
print(r.seek(0), r.readline(), r.readline(5))
print(r.seek(10), r.read(5), r.seek(-2, 1), r.read(4), r.tell())
print(r.seek(-5, 2), r.read())
print(r.read(), r.read(3), r.peek())
r.seek(0)
b = bytearray(12)
print(r.readinto(b), bytes(b))
print(r.readinto1(b), r.tell())
t("bad size", lambda: r.read(-2))
t("whence", lambda: r.seek(0, 3))
t("write on reader", lambda: r.write(b"x"))
t("truncate on reader", lambda: r.truncate())
raw = r.detach()
print(type(raw).__name__, raw.closed)
t("after detach", lambda: r.read())
t("raw after detach", lambda: r.raw)
print(repr(r))
raw.close()

with _io.open(p, "rb") as f:
    print(type(f).__name__, len(f.read()), list(iter(_io.BytesIO(b"a\nb\nc")))) 
with _io.open(p, "rb") as f:
    print([len(line) for line in f][:3], f.readlines())

with _io.open(p, "r+b") as f:
    print(type(f).__name__, f.read(4), f.tell())
    f.write(b"WXYZ")
    print(f.tell(), f.read(2), f.tell())
    f.seek(0)
    print(f.read(12))
    f.seek(0, 2)
    f.write(b"END")
    f.seek(-5, 2)
    print(f.read(), f.tell())
    print(f.truncate(10), f.tell())
    f.seek(0)
    print(f.read())

t("random on reader raw", lambda: _io.BufferedRandom(_io.FileIO(p, "r")))
t("reader on writer raw", lambda: _io.BufferedReader(_io.FileIO(p, "a")))
t("writer on reader raw", lambda: _io.BufferedWriter(_io.FileIO(p, "r")))
t("zero size", lambda: _io.BufferedReader(_io.BytesIO(), 0))

# Over an in-memory raw stream and a Python raw class.
br = _io.BufferedReader(_io.BytesIO(b"line one\nline two\nthree"))
print(br.readline(), br.readlines())


class Raw(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0

    def readable(self):
        return True

    def readinto(self, b):
        self.calls += 1
        n = min(len(b), len(self.data) - self.pos, 3)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


raw = Raw(b"abcdefghijklmnop")
br = _io.BufferedReader(raw, 4)
print(br.read(5), br.read(), raw.calls > 2)
print(Raw(b"xyz").read(), Raw(b"hello").readall())

pair = _io.BufferedRWPair(_io.BytesIO(b"input data"), _io.BytesIO())
print(pair.read(5), pair.peek(1)[:1], pair.write(b"out"), pair.readable(), pair.writable(), pair.closed)
pair.flush()
pair.close()
print(pair.closed)

# Written data sits in the buffer until flush.
w = _io.open(p, "wb", buffering=100)
w.write(b"pending")
with _io.open(p, "rb") as f:
    print(f.read())
w.flush()
with _io.open(p, "rb") as f:
    print(f.read())
w.close()
_io_tmp.cleanup()
