# _io.StringIO: read/write/seek/tell/truncate, every newline mode, newlines, errors.
import _io


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


s = _io.StringIO("héllo\nwörld\nlast")
print(repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.readline(2)), s.readlines())
print(s.seek(0), list(s), repr(s.read()))
print(s.seek(100), repr(s.read()), s.write("€"), repr(s.getvalue()[-6:]), len(s.getvalue()))
t("neg seek", lambda: s.seek(-1))
t("cur seek", lambda: s.seek(1, 1))
t("end seek", lambda: s.seek(1, 2))
t("whence", lambda: s.seek(0, 3))
print(s.seek(0, 2), s.seek(0, 1), s.seek(3), s.truncate(), repr(s.getvalue()))
t("trunc neg", lambda: s.truncate(-1))
t("write bytes", lambda: s.write(b"x"))
print(s.readable(), s.writable(), s.seekable(), s.line_buffering, s.newlines)

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = _io.StringIO("a\nb\rc\r\nd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
    s = _io.StringIO(newline=nl)
    s.write("x\ny\rz\r\n")
    s.write("w")
    print(repr(nl), repr(s.getvalue()), s.newlines, s.tell())
    s.seek(0)
    print(repr(nl), [s.readline() for _ in range(5)])

t("bad newline", lambda: _io.StringIO("", "q"))
t("newline type", lambda: _io.StringIO("", 5))
t("initial type", lambda: _io.StringIO(b"x"))
print(repr(_io.StringIO(None).getvalue()))

s = _io.StringIO()
s.write("abc")
s.seek(6)
s.write("z")
print(repr(s.getvalue()))
s.close()
print(s.closed)
t("read closed", lambda: s.read())
t("getvalue closed", lambda: s.getvalue())
t("write closed", lambda: s.write("x"))
s = _io.StringIO("𝄞 wide\nline")
print(s.read(1), s.readline(), s.tell())
print(isinstance(s, _io._TextIOBase), s.encoding, s.errors)
