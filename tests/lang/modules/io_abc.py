# import io: the ABCs over _io's classes, Python subclasses of the io bases
# stacked with the native buffered and text layers.
import io
import sys

print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BytesIO, io.BufferedIOBase),
      issubclass(io.StringIO, io.TextIOBase), issubclass(io.TextIOWrapper, io.IOBase))
print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdin, io.IOBase), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.DEFAULT_BUFFER_SIZE, io.UnsupportedOperation.__name__, io.open.__name__)


class Chunky(io.RawIOBase):
    """A raw stream that hands out at most 3 bytes per call."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


raw = Chunky("première ligne\nsecond line\r\nthird".encode("utf-8"))
text = io.TextIOWrapper(io.BufferedReader(raw, 4), encoding="utf-8")
print(text.readline(), text.readlines(), text.newlines)
print(Chunky(b"abcdefgh").read(), Chunky(b"xy").readall(), list(Chunky(b"a\nb\n")))


class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []

    def writable(self):
        return True

    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)


sink = Sink()
w = io.TextIOWrapper(io.BufferedWriter(sink, 8), encoding="utf-8", newline="\r\n")
w.write("one\ntwo\n")
print(sink.chunks)
w.flush()
print(b"".join(sink.chunks))
w.close()
print(sink.closed, w.closed)
try:
    w.write("x")
except ValueError as e:
    print(type(e).__name__, e)


class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print("shout", file=u)
print(repr(u.getvalue()))
try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
