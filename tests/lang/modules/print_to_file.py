# print() to files: file=, sep/end/flush, to a StringIO, to a binary file (error),
# and sys.stdout's io objects.
import _io
import sys
import _io_tmp

p = _io_tmp.path("print")
with _io.open(p, "w") as f:
    print("hello", 1, 2.5, None, file=f)
    print("a", "b", sep="-", end="!\n", file=f)
    print(file=f)
    print("flushed", file=f, flush=True)
    print("é€𝄞", file=f)
with _io.open(p) as f:
    print(repr(f.read()))

s = _io.StringIO()
print("to", "stringio", sep=", ", file=s)
print(repr(s.getvalue()))

with _io.open(p, "wb") as f:
    try:
        print("x", file=f)
    except TypeError as e:
        print(type(e).__name__, e)

print(type(sys.stdout).__name__, sys.stdout.encoding, sys.stdout.name, sys.stdout.mode, sys.stdout.errors)
print(type(sys.stderr).__name__, sys.stderr.errors, sys.stdin.name, sys.stdin.mode, sys.stdin.readable())
print(sys.stdout.writable(), sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.__stdout__ is sys.stdout, sys.stdout.closed)
sys.stdout.write("via write\n")
sys.stdout.buffer.write(b"via buffer\n")
sys.stdout.flush()
print(sys.stdin.read())
old = sys.stdout
sys.stdout = _io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
print("last line without flush", end="")
_io_tmp.cleanup()
