# CPython 3.11's own extension binaries from Debian's lib-dynload, loaded
# unmodified through cpyext: bz2, lzma (C types with buffers, errors, state),
# xxlimited (heap types from specs, multi-phase init).
import bz2
import lzma
import xxlimited

data = b"The quick brown fox jumps over the lazy dog. " * 200

# bz2: one-shot and incremental, in both directions.
packed = bz2.compress(data, 9)
print(len(packed), bz2.decompress(packed) == data)
comp = bz2.BZ2Compressor(5)
chunks = [comp.compress(data[i:i + 777]) for i in range(0, len(data), 777)]
chunks.append(comp.flush())
print(bz2.decompress(b"".join(chunks)) == data)
dec = bz2.BZ2Decompressor()
out = b"".join(dec.decompress(packed[i:i + 100]) for i in range(0, len(packed), 100))
print(out == data, dec.eof, dec.unused_data, dec.needs_input)
try:
    bz2.decompress(b"not bz2 data at all")
except OSError as e:
    print("OSError:", e)
try:
    bz2.BZ2Compressor(10)
except ValueError as e:
    print("ValueError:", e)

# lzma: formats, filters, checks.
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    packed = lzma.compress(data, format=fmt)
    print(fmt, lzma.decompress(packed) == data)
raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "preset": 1}])
print(lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2}]) == data)
print(lzma.is_check_supported(lzma.CHECK_CRC64), lzma.is_check_supported(lzma.CHECK_UNKNOWN))
dec = lzma.LZMADecompressor()
print(dec.decompress(lzma.compress(b"abc")), dec.eof, dec.check)
try:
    lzma.decompress(b"garbage garbage")
except lzma.LZMAError as e:
    print("LZMAError:", e)

# xxlimited: heap types from specs, module state, an exception type.
o = xxlimited.Xxo()
o.attr = [1, 2]
print(type(o).__name__, type(o).__module__, o.attr)
del o.attr
try:
    o.attr
except AttributeError as e:
    print("AttributeError:", e)
print(xxlimited.foo(20, 22))
s = xxlimited.Str("text")
print(s, s.upper(), isinstance(s, str), type(s).__mro__)
print(issubclass(xxlimited.Error, Exception))
try:
    raise xxlimited.Error("boom")
except xxlimited.Error as e:
    print("Error:", e)
