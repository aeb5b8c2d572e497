# Buffered objects over misbehaving or non-blocking raw streams: readinto
# results checked, raw.write results checked, BlockingIOError counts, the
# buffer kept across a blocked write, readinto1, constructor checks, the
# abilities a reader/writer does not have, close() error chaining.
import _io
import sys


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        cause = e.__cause__
        print(label, type(e).__name__, e, "| cause:", type(cause).__name__ if cause else None)


class Raw(_io._RawIOBase):
    """Reads come from `chunks` (one per readinto); writes are recorded."""

    def __init__(self, chunks=(), readinto_result=None):
        self.chunks = list(chunks)
        self.written = []
        self.reads = 0
        self.readinto_result = readinto_result

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def seek(self, pos, whence=0):
        return 0

    def tell(self):
        return 0

    def readinto(self, buf):
        self.reads += 1
        if not self.chunks:
            return 0
        data = self.chunks.pop(0)
        if data is None:
            return None
        buf[:len(data)] = data
        if self.readinto_result is not None:
            return self.readinto_result(buf, data)
        return len(data)

    def write(self, b):
        self.written.append(bytes(b))
        return len(b)


# raw.readinto returning a bad count or a non-integer
for label, result in [("negative", lambda buf, d: -1), ("too large", lambda buf, d: len(buf) * 5),
                      ("bytes", lambda buf, d: b""), ("float", lambda buf, d: 1.5)]:
    r = _io.BufferedReader(Raw([b"abc\n"], result), 16)
    t("readinto " + label + " readline", r.readline)
    r = _io.BufferedReader(Raw([b"abc\n"], result), 16)
    t("readinto " + label + " read", lambda: r.read(3))
    r = _io.BufferedReader(Raw([b"abc\n"], result), 16)
    t("readinto " + label + " peek", r.peek)

# the target is a memoryview of the size asked
seen = []
class Keeper(Raw):
    def readinto(self, buf):
        seen.append((type(buf).__name__, len(buf)))
        self.kept = buf
        return super().readinto(buf)
k = Keeper([b"xy"])
r = _io.BufferedReader(k, 8)
print(r.read(2), seen)

# readinto1: one raw read at most; room beyond the buffer size is read directly
raw = Raw([b"abc", b"de", b"fgh", b"jkl"])
r = _io.BufferedReader(raw, buffer_size=10)
b = bytearray(2)
print(r.peek(3), raw.reads, r.readinto1(b), bytes(b), raw.reads)
print(r.readinto1(b), bytes(b[:1]), raw.reads)
print(r.readinto1(b), bytes(b), raw.reads)
b = bytearray(20)
print(r.peek(3), raw.reads, r.readinto1(b), bytes(b[:6]), raw.reads)
print(r.readinto1(b), r.readinto(b), raw.reads)
raw = Raw([b"ab", b"cd", b"ef", b"gh"])
r = _io.BufferedReader(raw, buffer_size=4)
b = bytearray(7)
print(r.readinto(b), bytes(b), raw.reads)
raw = Raw([None])
print(_io.BufferedReader(raw, 4).readinto(bytearray(3)), _io.BufferedReader(Raw([None]), 4).read1(3))
r = _io.BufferedReader(Raw([b"x"]))
r.close()
t("readinto closed", lambda: r.readinto(bytearray(2)))
t("readinto1 closed", lambda: r.readinto1(bytearray(2)))
t("read1 closed", lambda: r.read1(-5))

# read1 makes one raw read of the size asked when nothing is buffered
raw = Raw([b"abcdef", b"gh"])
r = _io.BufferedReader(raw, 4)
print(r.read1(6), raw.reads, r.read1(6), r.read1(6), raw.reads)

# raw.read() without readall: read() loops on raw.read()
class ReadOnly(_io._RawIOBase):
    def __init__(self, chunks):
        self.chunks = list(chunks)
    def readable(self):
        return True
    def read(self, n=-1):
        return self.chunks.pop(0) if self.chunks else b""
    readall = None
r = _io.BufferedReader(ReadOnly([b"ab", b"cd"]))
t("readall None attr", r.read)


# raw.write returning a bad count
class BadWrite(Raw):
    def __init__(self, result):
        super().__init__()
        self.result = result
    def write(self, b):
        return self.result(b)

for label, result in [("too much", lambda b: len(b) * 2), ("negative", lambda b: -1),
                      ("float", lambda b: 1.0)]:
    w = _io.BufferedWriter(BadWrite(result), 4)
    t("write " + label, lambda: w.write(b"abcdef"))
    w = _io.BufferedWriter(BadWrite(result), 8)
    w.write(b"abc")
    t("flush " + label, w.flush)
    w.raw.result = lambda b: len(b)
    w.close()


# a non-blocking raw stream: None means "would block"; a partial write takes
# up to the blocker character
class NonBlock(Raw):
    blocker = None
    def write(self, b):
        b = bytes(b)
        if self.blocker:
            n = b.find(self.blocker)
            if n > 0:
                self.written.append(b[:n])
                return n
            if n == 0:
                self.blocker = None
                return None
        self.written.append(b)
        return len(b)
    def pop(self):
        s = b"".join(self.written)
        self.written.clear()
        return s

for tp in (_io.BufferedWriter, _io.BufferedRandom):
    raw = NonBlock()
    w = tp(raw, 8)
    print(tp.__name__, w.write(b"abcd"), w.write(b"efghi"))
    raw.blocker = b"k"
    print(w.write(b"jklmn"), raw.pop())
    raw.blocker = b"0"
    try:
        w.write(b"opqrwxyz0123456789")
    except BlockingIOError as e:
        print("blocked", e.characters_written, e.args, raw.pop())
    print(w.write(b"ABCDEFGHI"), raw.pop())
    raw.blocker = b"#"
    print(w.write(b"12#45"), raw.pop())
    try:
        w.flush()
    except BlockingIOError as e:
        print("flush blocked", e.characters_written, e.args, raw.pop())
    print(w.tell(), w.write(b"67"), raw.pop())
    try:
        w.write(b"abcdefghijkl")
    except BlockingIOError as e:
        print("blocked again", e.characters_written)
    w.flush()
    print(raw.pop())

# constructor checks; a failed __init__ leaves the object unusable
for tp in (_io.BufferedReader, _io.BufferedWriter, _io.BufferedRandom):
    raw = Raw([b"abc"])
    obj = tp(raw)
    for size in (0, -1, -16, sys.maxsize):
        t(tp.__name__ + " size %d" % size, lambda: obj.__init__(raw, size))
        t("  then tell", obj.tell)
    obj.__init__(raw, 16)
    print(obj.tell())
    t(tp.__name__ + " bad args", lambda: tp(raw, 1, 2))

# a reader is not writable, a writer not readable, whatever raw says
r = _io.BufferedReader(_io.BytesIO(b"abc"))
w = _io.BufferedWriter(_io.BytesIO())
print(r.readable(), r.writable(), w.readable(), w.writable())
print(type(r).writable is _io._IOBase.writable, type(w).readable is _io._IOBase.readable)
t("reader truncate", r.truncate)
t("writer read", lambda: w.read())


# BufferedRWPair.close: the reader's error, with the writer's as its context
def failing_close(name):
    def close():
        raise NameError(name)
    return close

reader, writer = Raw(), Raw()
reader.close = failing_close("reader")
writer.close = failing_close("writer")
pair = _io.BufferedRWPair(reader, writer)
try:
    pair.close()
except NameError as e:
    print("pair close:", e, "| context:", e.__context__)
print(pair.closed, reader.closed, writer.closed)
