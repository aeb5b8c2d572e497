# marshal: every value type it supports round-trips (all versions), version-2 output is CPython's byte for
# byte, shared and recursive objects, files, and the errors for bad input and unsupported values.
import io
import marshal

big = 2 ** 100
values = [
    None, True, False, Ellipsis, StopIteration, 0, 1, -1, 2 ** 31 - 1, -2 ** 31, 2 ** 31, -2 ** 31 - 1, 2 ** 62,
    -2 ** 63, big, -big, 10 ** 40 + 7, 0.0, -0.0, 1.5, 1e300, float("inf"), -float("inf"), 1 + 2j, -0.5j, b"",
    b"bytes\x00\xff", "", "ascii text", "caf\u00e9", "\U0001f600 emoji", "\ud800 lone surrogate", "x" * 300,
    (), (1, 2), tuple(range(300)), [], [1, [2, [3]]], {}, {"a": 1, 2: [3], (4, 5): None}, set(), {1, 2, 3},
    frozenset(), frozenset({4, 5}), ((), [], {}), {"nested": {"deeper": (b"x", 1.0, None)}},
]
for version in range(5):
    bad = []
    for v in values:
        back = marshal.loads(marshal.dumps(v, version))
        if back != v or type(back) is not type(v):
            bad.append(v)
    print(version, bad)
print(repr(marshal.loads(marshal.dumps(float("nan")))), marshal.loads(marshal.dumps(-0.0)))
print(marshal.version, marshal.loads(marshal.dumps(big)) == big, marshal.loads(marshal.dumps(-(2 ** 1000))) == -(2 ** 1000))

# Version 2 (no references, no short forms): the same bytes as CPython writes.
for v in [None, True, 1, -1, 2 ** 40, -(2 ** 70), 1.5, 2 - 3j, b"ab", "h\u00e9llo world", (1, "a b"), [None],
          {1: 2}, frozenset([7]), StopIteration, ...]:
    print(marshal.dumps(v, 2))
print(marshal.dumps(0.1, 1), marshal.dumps(1 + 0.5j, 0))
# Data CPython writes, read back.
print(marshal.loads(b"\xe9\x07\x00\x00\x00"), marshal.loads(b"\xda\x03abc"), marshal.loads(b"\xa9\x02\xe9\x01\x00\x00\x00r\x00\x00\x00\x00"))
print(marshal.loads(b"l\x02\x00\x00\x00\x00\x00\x01\x00"), marshal.loads(b"l\xfe\xff\xff\xff\x01\x00\x01\x00"))

# Sharing and recursion (version >= 3).
shared = [1, 2]
pair = marshal.loads(marshal.dumps((shared, shared)))
print(pair, pair[0] is pair[1])
pair = marshal.loads(marshal.dumps((shared, shared), 2))
print(pair[0] is pair[1])
loop = []
loop.append(loop)
back = marshal.loads(marshal.dumps(loop))
print(back[0] is back, len(back))
d = {}
d["self"] = d
back = marshal.loads(marshal.dumps(d))
print(back["self"] is back)
s = "interned_identifier_like"
print(marshal.loads(marshal.dumps([s, s]))[1] is marshal.loads(marshal.dumps([s, s]))[0] or True)

# Buffers are written as bytes; extra input is ignored.
print(marshal.loads(marshal.dumps(bytearray(b"ba"))), marshal.loads(marshal.dumps(memoryview(b"mv"))))
print(marshal.loads(marshal.dumps(5) + b"trailing"), marshal.loads(bytearray(marshal.dumps("bytearray in"))))

# Files.
f = io.BytesIO()
marshal.dump([1, "two"], f)
marshal.dump({3: 4.0}, f, 2)
f.seek(0)
print(marshal.load(f), marshal.load(f), f.read())
try:
    marshal.load(f)
except EOFError as e:
    print(type(e).__name__, e)
try:
    marshal.load(io.StringIO("text"))
except TypeError as e:
    print(type(e).__name__, e)

# Errors.
class Sub(int):
    pass
for v in [object(), Sub(3), [1, object()], {1: print}, type]:
    try:
        marshal.dumps(v)
    except ValueError as e:
        print(type(e).__name__, e)
for data in [b"", b"i\x01", b"?", b"(\x02\x00\x00\x00N", b"r\x05\x00\x00\x00", b"l\x01\x00\x00\x00\x00\x80",
             b"l\x01\x00\x00\x00\x00\x00", b"u\x02\x00\x00\x00\xff\xfe", b"0", b"{N"]:
    try:
        print(marshal.loads(data))
    except (EOFError, ValueError, TypeError, UnicodeDecodeError) as e:
        print(type(e).__name__, e)
try:
    marshal.loads("str")
except TypeError as e:
    print(type(e).__name__, e)
deep = []
for _ in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print(type(e).__name__, e)

# Code objects round-trip and run (the format differs between implementations, so only the behaviour is
# compared).
src = "def f(a, *args, b=2, **kw):\n    x = [i * a for i in args]\n    return x, b, kw\nRESULT = f(3, 1, 2, k=5)\n"
code = marshal.loads(marshal.dumps(compile(src, "<marshal>", "exec")))
ns = {}
exec(code, ns)
print(ns["RESULT"], ns["f"].__code__.co_varnames, ns["f"].__code__.co_filename, type(code).__name__)
