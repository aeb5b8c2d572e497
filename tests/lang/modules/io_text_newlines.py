# TextIOWrapper: newline translation on read and write for every newline mode,
# encodings and errors, tell/seek round trips, line buffering, reconfigure.
import _io
import _io_tmp

p = _io_tmp.path("text")


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


raw = b"one\ntwo\r\nthree\rfour\r\n\r\nfive"
for nl in [None, "", "\n", "\r", "\r\n"]:
    with _io.open(p, "wb") as f:
        f.write(raw)
    with _io.open(p, "r", newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, f.newlines)
    with _io.open(p, "r", newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with _io.open(p, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd")
    with _io.open(p, "rb") as f:
        print(repr(nl), f.read())

# Small chunks: \r\n split between chunks, multi-byte characters split.
text = "héllo wörld €uro 𝄞\r\n" * 20 + "end\rlast"
with _io.open(p, "w", encoding="utf-8", newline="") as f:
    f.write(text)
for nl in [None, "", "\r\n"]:
    f = _io.open(p, "r", encoding="utf-8", newline=nl)
    f._CHUNK_SIZE = 5
    got = f.read()
    f.seek(0)
    lines = list(f)
    f.close()
    print(repr(nl), len(got), got[-12:].encode(), len(lines), lines[-1].encode(), lines[0].encode())

# tell/seek round trips at every line and after partial reads.
with _io.open(p, "r", encoding="utf-8") as f:
    f._CHUNK_SIZE = 7
    marks = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        marks.append((pos, line))
    ok = True
    for pos, line in marks:
        f.seek(pos)
        ok = ok and f.readline() == line
    print("line marks", len(marks), ok, marks[1][0], marks[2][0])
    f.seek(0)
    f.read(3)
    pos = f.tell()
    rest = f.read(10)
    f.seek(pos)
    print("partial", f.read(10) == rest)
    f.seek(0)
    f.readline()
    print("after line", f.tell())

# Encodings and errors.
for enc in ["utf-8", "latin-1", "ascii", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "UTF8"]:
    with _io.open(p, "w", encoding=enc) as f:
        f.write("abc\n")
        f.write("déf\n" if enc != "ascii" else "def\n")
    with _io.open(p, "rb") as f:
        data = f.read()
    with _io.open(p, "r", encoding=enc) as f:
        print(enc, data, f.readlines(), f.encoding)
with _io.open(p, "wb") as f:
    f.write(b"ok \xff bad\n")
for errors in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace"]:
    with _io.open(p, "r", encoding="utf-8", errors=errors) as f:
        t(errors, f.read)
with _io.open(p, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("é€\n")
with _io.open(p, "rb") as f:
    print(f.read())
f = _io.open(p, "w", encoding="ascii")
t("encode error", lambda: f.write("é"))
f.close()

# Over BytesIO, line buffering and write_through.
b = _io.BytesIO()
w = _io.TextIOWrapper(b, encoding="utf-8", line_buffering=True)
print(w.line_buffering, w.write_through, w.encoding, w.errors, w.newlines)
w.write("no newline")
print(b.getvalue())
w.write(" then\n")
print(b.getvalue())
w.reconfigure(line_buffering=False, write_through=True)
print(w.line_buffering, w.write_through)
w.reconfigure(encoding="latin-1")
w.write("é")
w.flush()
print(b.getvalue(), w.encoding, w.errors)
w.reconfigure(newline="\r\n")
w.write("x\ny")
w.flush()
print(b.getvalue())
r = _io.TextIOWrapper(_io.BytesIO(b"abc\ndef"), encoding="utf-8")
print(r.readline())
t("reconfigure after read", lambda: r.reconfigure(encoding="latin-1"))
t("tell in iteration", lambda: [r.tell() for line in r])
t("tell after", r.tell)
print(repr(r.read()), r.flush(), r.tell())
t("bad newline", lambda: _io.TextIOWrapper(_io.BytesIO(), newline="x"))
t("bad encoding", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="bogus-enc"))
t("encoding type", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding=5))
print(repr(_io.TextIOWrapper(_io.BytesIO(), encoding="utf-8")))
w = _io.TextIOWrapper(_io.BytesIO(b"data"), encoding="utf-8")
t("seek cur", lambda: w.seek(1, 1))
t("seek end", lambda: w.seek(1, 2))
t("seek neg", lambda: w.seek(-1))
t("seek whence", lambda: w.seek(0, 3))
print(w.seek(0, 2), w.read(), w.seek(0), w.read(2), w.seek(0, 1))
buf = w.detach()
print(buf.getvalue())
t("detached", lambda: w.read())
t("detached repr", lambda: repr(w))
_io_tmp.cleanup()
