# _io.BytesIO: reading, writing past the end, seek/tell/truncate, getvalue,
# getbuffer and its exports, iteration, closed errors.
import _io


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


b = _io.BytesIO(b"hello\nworld\nlast")
print(b.read(3), b.tell(), b.readline(), b.readline(2), b.readlines())
print(b.seek(0), list(b), b.read())
print(b.seek(2), b.read1(2), b.seek(-1, 1), b.read(1), b.seek(-2, 2), b.read())
print(b.seek(100), b.read(), b.tell())
print(b.write(b"!"), b.getvalue()[-5:], len(b.getvalue()))
print(b.seek(-5, 1), b.seek(-100, 1))
t("neg seek", lambda: b.seek(-1))
t("whence", lambda: b.seek(0, 3))
t("write str", lambda: b.write("x"))
t("trunc neg", lambda: b.truncate(-1))
print(b.truncate(5), b.getvalue(), b.tell())
print(b.seek(0, 2), b.truncate(), b.getvalue())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())

b = _io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"def")), b.write(memoryview(b"ghi")), b.getvalue())
b.writelines([b"1", b"2", b"3"])
print(b.getvalue())
buf = bytearray(4)
b.seek(0)
print(b.readinto(buf), buf)

view = b.getbuffer()
print(len(view), view.tobytes())
view[0] = ord("A")
print(b.getvalue()[:3])
t("write exported", lambda: b.write(b"x"))
t("truncate exported", lambda: b.truncate(0))
t("close exported", lambda: b.close())
view.release()
print(b.write(b"x"), b.getvalue())
with b.getbuffer() as v:
    print(v.readonly, v.nbytes)
print(b.write(b"y"))

b.close()
print(b.closed)
for name in ["read", "getvalue", "tell", "readable", "getbuffer", "flush", "isatty"]:
    t(name, getattr(b, name))

b = _io.BytesIO(b"x\ny")
print(next(b), next(b))
t("next end", lambda: next(b))
print(_io.BytesIO(bytearray(b"ba")).getvalue(), _io.BytesIO(memoryview(b"mv")).read())
t("init str", lambda: _io.BytesIO("str"))
with _io.BytesIO(b"ctx") as b:
    print(b.read())
print(b.closed, isinstance(b, _io._BufferedIOBase))


class Sub(_io.BytesIO):
    pass


s = Sub(b"sub")
s.extra = 1
print(s.read(), s.extra)
