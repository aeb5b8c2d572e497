# bytes/bytearray concatenation (CPython's sq_concat): any buffer on the right, only
# bytes/bytearray on the left; memoryview, mmap and array have no sq_concat.
import mmap, array
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, str(e))
def mk():
    m = mmap.mmap(-1, 3); m.write(b"mmm"); return m
vals = {"bytes": lambda: b"ab", "bytearray": lambda: bytearray(b"cd"), "memoryview": lambda: memoryview(b"ef"),
        "array_b": lambda: array.array('b', [1, 2]), "array_i": lambda: array.array('i', [1]), "mmap": mk,
        "str": lambda: "s", "int": lambda: 1, "list": lambda: [1], "mv_bytearray": lambda: memoryview(bytearray(b"gh")),
        "mv_cast": lambda: memoryview(b"abcd").cast('i'), "mv_noncontig": lambda: memoryview(b"abcdef")[::2]}
for a in vals:
    for b in vals:
        t(f"{a}+{b}", lambda: vals[a]() + vals[b]())
for a in ["bytes", "bytearray", "mmap", "memoryview", "array_b"]:
    for b in ["bytes", "bytearray", "memoryview", "mmap", "array_b", "str"]:
        def inplace():
            x = vals[a](); x += vals[b](); return x
        t(f"{a}+={b}", inplace)
t("bytes.join", lambda: b"-".join([b"a", bytearray(b"b"), memoryview(b"c"), array.array('b', [65]), mk()]))
t("bytearray.join", lambda: bytearray(b"-").join([b"a", memoryview(b"c"), mk()]))
t("bytes*mmap", lambda: mk() * 2)
t("bytes in", lambda: b"m" in mk())
t("bytearray.extend mmap", lambda: bytearray(b"x").__iadd__(mk()))
class R:
    def __radd__(self, other):
        return "radd " + type(other).__name__
class L:
    def __add__(self, other):
        return NotImplemented
class SB(bytes):
    def __radd__(self, other):
        return "SB.radd"
t("bytes+R", lambda: b"a" + R())
t("bytearray+R", lambda: bytearray(b"a") + R())
t("memoryview+R", lambda: memoryview(b"a") + R())
t("mmap+R", lambda: mk() + R())
t("L+bytes", lambda: L() + b"a")
t("bytes+SB", lambda: b"a" + SB(b"b"))
t("SB+bytes", lambda: SB(b"b") + b"a")
t("bytearray+SB", lambda: bytearray(b"a") + SB(b"b"))
t("bytes+None", lambda: b"a" + None)
t("bytearray+=str", lambda: bytearray(b"a").__iadd__("s"))
class SB2(bytes):
    def __radd__(self, other):
        return NotImplemented
class N:
    def __radd__(self, other):
        return NotImplemented
t("bytearray+SB2", lambda: bytearray(b"a") + SB2(b"b"))
t("bytes+SB2", lambda: b"a" + SB2(b"b"))
t("bytes+N", lambda: b"a" + N())
t("bytearray+N", lambda: bytearray(b"a") + N())
t("mmap+N", lambda: mk() + N())
