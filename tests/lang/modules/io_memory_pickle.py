# BytesIO and StringIO pickle and copy through __getstate__/__setstate__:
# contents, position, newline mode and instance __dict__ survive; bad states
# raise CPython's errors.
import io, pickle, copy

def t(label, f):
    try:
        r = f()
        print(label, "OK", r)
    except Exception as e:
        print(label, type(e).__name__, e)

b = io.BytesIO(b"hello\nworld")
b.seek(3)
b.tag = "x"
t("bio proto 0", lambda: pickle.dumps(b, 0))
t("sio proto 1", lambda: pickle.dumps(io.StringIO(), 1))
for proto in range(2, 6):
    c = pickle.loads(pickle.dumps(b, proto))
    print(proto, c.getvalue(), c.tell(), c.tag, c.read())
c = copy.copy(b); print(c.getvalue(), c.tell(), c.tag)
d = copy.deepcopy(b); print(d.getvalue(), d.tell(), d.tag)

for nl in (None, "", "\n", "\r", "\r\n"):
    s = io.StringIO("a\r\nb\rc\nd", newline=nl)
    s.seek(2)
    s.note = [1]
    for proto in (2, 4):
        c = pickle.loads(pickle.dumps(s, proto))
        print(repr(nl), proto, repr(c.getvalue()), c.tell(), c.note, repr(c.read()), repr(c.newlines))
    c = copy.deepcopy(s)
    print(repr(c.getvalue()), c.tell(), c.note is s.note)
    c.write("ZZ\n"); print(repr(c.getvalue()))

t("bio bad state", lambda: io.BytesIO().__setstate__((b"x",)))
t("bio not tuple", lambda: io.BytesIO().__setstate__([b"x", 0, None]))
t("bio pos type", lambda: io.BytesIO().__setstate__((b"x", "0", None)))
t("bio pos neg", lambda: io.BytesIO().__setstate__((b"x", -1, None)))
t("bio dict type", lambda: io.BytesIO().__setstate__((b"x", 0, 5)))
t("bio value type", lambda: io.BytesIO().__setstate__(("x", 0, None)))
t("sio bad state", lambda: io.StringIO().__setstate__(("x", None, 0)))
t("sio pos type", lambda: io.StringIO().__setstate__(("x", None, 1.0, None)))
t("sio pos neg", lambda: io.StringIO().__setstate__(("x", None, -2, None)))
t("sio dict type", lambda: io.StringIO().__setstate__(("x", None, 0, [])))
t("sio newline", lambda: io.StringIO().__setstate__(("x", "zz", 0, None)))
t("sio value", lambda: io.StringIO().__setstate__((b"x", None, 0, None)))
s = io.StringIO()
s.__setstate__(("abc\n", "\r\n", 1, {"k": 2}))
print(repr(s.getvalue()), s.tell(), s.k, s.read())
b = io.BytesIO(b"zz")
b.__setstate__((bytearray(b"123"), 5, {"q": 1}))
print(b.getvalue(), b.tell(), b.q, b.read())
b.close()
t("closed getstate", lambda: b.__getstate__())
