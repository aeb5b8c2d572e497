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

# _testmultiphase: multi-phase initialisation (PEP 489) with module state,
# and the error each of its broken init functions must give.
import importlib.machinery
import importlib.util
import _testmultiphase


def load(name, path=_testmultiphase.__file__):
    loader = importlib.machinery.ExtensionFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


t = _testmultiphase
print(t.__name__, t.__doc__, t.foo(1, 2), t.int_const, t.str_const)
ex = t.Example()
ex.a = 5
print(ex.a, ex.demo("x"), ex.demo(), t.Str(12) + "3")
m = load("_testmultiphase_meth_state_access")
s = m.StateAccessType()
s.increment_count_clinic(3)
s.increment_count_noclinic(2, twice=True)
print(s.get_count(), s.get_defining_module() is m)
print(load("_testmultiphase_nonmodule").three, load("x").__name__)
print(load("_testmultiphase_zkou\u0161ka_na\u010dten\xed").__doc__)
for suffix in ["bad_slot_large", "bad_slot_negative", "create_int_with_state", "negative_size",
               "export_null", "export_uninitialized", "export_raise", "export_unreported_exception",
               "create_null", "create_raise", "create_unreported_exception",
               "nonmodule_with_exec_slots", "exec_err", "exec_raise", "exec_unreported_exception"]:
    try:
        load("_testmultiphase_" + suffix)
    except SystemError as e:
        print(suffix, "SystemError:", e)
try:
    load("_testmultiphase_missing")
except ImportError as e:
    print("ImportError:", e.name, e)
