# io.text_encoding() and TextIOWrapper's encoding/errors defaults under
# -X utf8, -X warn_default_encoding (EncodingWarning, PEP 597) and -X dev
# (unknown error handlers fail at once); TextIOWrapper attributes after
# detach(); malformed Python decoders; FileIO.close() calling flush().
import _io
import codecs
import os
import subprocess
import sys
import tempfile


def run(*options, code):
    proc = subprocess.run([sys.executable, *options, "-c", code], capture_output=True, text=True)
    print(options, proc.returncode, proc.stdout.strip().splitlines(), proc.stderr.strip().splitlines()[-3:])


run("-X", "utf8=0", code="import io; print(io.text_encoding(None), io.text_encoding('latin-1'))")
run("-X", "utf8=1", code="import io, _io; print(io.text_encoding(None), _io.text_encoding(None, 5))")
run("-X", "utf8=1", code="import _io; print(_io.TextIOWrapper(_io.BytesIO()).encoding)")
run("-X", "warn_default_encoding", code="""if 1:
    import io, _io
    def f():
        return io.text_encoding(None)
    print(f())
    print(_io.text_encoding(None, 1))
    t = _io.TextIOWrapper(_io.BytesIO())
    with _io.open(__import__('sys').executable, 'rb') as b:
        pass
    io.text_encoding('utf-8')
    _io.TextIOWrapper(_io.BytesIO(), encoding='ascii')
""")
run("-X", "warn_default_encoding", "-W", "error::EncodingWarning", code="""if 1:
    import _io
    try:
        _io.TextIOWrapper(_io.BytesIO())
    except EncodingWarning as e:
        print('raised', e)
""")
check_errors = """if 1:
    import _io
    for errors in ('strict', 'surrogateescape', 'backslashreplace', 'Boom'):
        try:
            t = _io.TextIOWrapper(_io.BytesIO(), encoding='utf-8', errors=errors)
        except Exception as e:
            print(errors, type(e).__name__, e)
        else:
            print(errors, 'ok', t.errors)
"""
run(code=check_errors)
run("-X", "dev", code=check_errors)
run("-X", "dev", code=check_errors.replace("'Boom'", "'a\\0b'"))
run("-X", "dev", code="""if 1:
    import sys, _io
    try:
        open(sys.executable, errors='nope')
    except LookupError as e:
        print('open:', e)
""")

# attributes that survive detach(), and those that need the buffer
t = _io.TextIOWrapper(_io.BufferedWriter(_io.BytesIO()), encoding="ascii", line_buffering=True)
t.detach()
for name in ("encoding", "errors", "line_buffering", "write_through", "newlines", "name", "buffer", "_CHUNK_SIZE"):
    try:
        print(name, repr(getattr(t, name)))
    except ValueError as e:
        print(name, "ValueError", e)
print(repr(t))
t = _io.TextIOWrapper.__new__(_io.TextIOWrapper)
for name in ("encoding", "errors", "line_buffering", "write_through", "buffer"):
    try:
        print("new:", name, repr(getattr(t, name)))
    except ValueError as e:
        print("new:", name, "ValueError", e)


# a Python decoder whose state is malformed, or whose decode() gives no str
def wrapper(decoder_factory=None):
    quopri = codecs.lookup("quopri")
    saved = quopri.incrementaldecoder
    quopri._is_text_encoding = True
    if decoder_factory is not None:
        quopri.incrementaldecoder = decoder_factory
    try:
        return _io.TextIOWrapper(_io.BytesIO(b"aaaaaa"), newline="\n", encoding="quopri")
    finally:
        quopri._is_text_encoding = False
        quopri.incrementaldecoder = saved


for label, call in [("read(1)", lambda t: t.read(1)), ("readline", lambda t: t.readline()),
                    ("read()", lambda t: t.read())]:
    try:
        call(wrapper())
    except TypeError as e:
        print(label, "TypeError", e)

for state in (42, (), (1, 2), ("ab", 0)):
    class BadDecoder:
        def getstate(self, state=state):
            return state
    try:
        wrapper(lambda errors: BadDecoder()).read(42)
    except TypeError as e:
        print(repr(state), "TypeError", e)


# FileIO.close() calls self.flush() first; its error is raised after the close
record = []
class MyFileIO(_io.FileIO):
    def close(self):
        record.append("close")
        super().close()
    def flush(self):
        record.append("flush")
        super().flush()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "f")
    f = MyFileIO(path, "wb")
    f.write(b"xxx")
    f.close()
    f.close()
    print(record, f.closed)

    f = _io.FileIO(path, "wb")
    seen = []
    def bad_flush():
        seen.append(f.closed)
        raise OSError("flush failed")
    f.flush = bad_flush
    try:
        f.close()
    except OSError as e:
        print("close:", e, seen, f.closed)
    f.close()
    print(seen)


# __setstate__ of a closed in-memory stream; buffering=1 in binary mode warns
import warnings
for memio, state in ((_io.BytesIO(), (b"closed", 0, None)), (_io.StringIO(), ("closed", "", 0, None))):
    memio.close()
    for arg in (state, 0):
        try:
            memio.__setstate__(arg)
        except (TypeError, ValueError) as e:
            print(type(memio).__name__, type(e).__name__, e)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with _io.open(sys.executable, "rb", 1) as f:
        print(type(f).__name__)
    with _io.open(sys.executable, "r", 1, encoding="latin-1") as f:
        print(type(f).__name__, f.line_buffering)
print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        _io.open(sys.executable, "rb", 1)
    except RuntimeWarning as e:
        print("error:", e)
