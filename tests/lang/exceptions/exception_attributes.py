# Exception attributes: args, str/repr forms, with_traceback, add_note/__notes__, subclass attributes.
e = Exception()
print(e.args, str(e), repr(e))
e = Exception("one")
print(e.args, str(e), repr(e))
e = Exception("a", 2)
print(e.args, str(e), repr(e))
e.args = ("changed",)
print(str(e), e.args)
e.args = [1, 2]
print(type(e.args).__name__, e.args)
print(str(KeyError("k")), str(KeyError("k", "j")), str(KeyError()), repr(KeyError("k")))
print(str(ValueError(5)), str(ValueError(None)), str(ValueError("")), repr(ValueError("")))
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
m = MyErr(404, "not found")
print(m.code, m.args, str(m), repr(m))
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
n = NoSuper(1)
print(n.args, str(n), repr(n))
class StrOverride(Exception):
    def __str__(self): return "custom str"
print(str(StrOverride("ignored")), repr(StrOverride("a")))
err = ValueError("with notes")
print(hasattr(err, "__notes__"))
err.add_note("first note")
err.add_note("second note")
print(err.__notes__)
try:
    err.add_note(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
o = OSError(2, "No such file", "name.txt")
print(o.errno, o.strerror, o.filename, o.args, str(o), type(o).__name__)
print(type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__, type(OSError(17, "x")).__name__, type(OSError(1, "x")).__name__)
print(str(OSError("just message")), OSError("just message").errno)
s = SyntaxError("bad syntax", ("file.py", 3, 5, "x = = 1\n", 3, 6))
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset, str(s))
si = StopIteration(7)
print(si.value, StopIteration().value)
se = SystemExit(3)
print(se.code, SystemExit().code, SystemExit(1, 2).code)
k = KeyboardInterrupt()
print(isinstance(k, Exception), isinstance(k, BaseException))
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
ie = ImportError("msg", name="mod", path="/p")
print(ie.name, ie.path, ie.msg, str(ie))
ae = AttributeError("a", name="attr", obj=5)
print(ae.name, ae.obj, str(ae))
ne = NameError("n", name="nm")
print(ne.name)
try:
    BaseException.__new__(int)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(ValueError.__doc__ is not None, Exception.__module__ if hasattr(Exception, "__module__") else "", ValueError.__name__)
ex = RuntimeError("x")
print(ex.with_traceback(None) is ex)
