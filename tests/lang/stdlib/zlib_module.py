# zlib: one-shot and streaming (de)compression, checksums, constants and errors against CPython's.
import zlib

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
        return None
    else:
        print('ok', repr(r)[:80])
        return r

data = b"The quick brown fox jumps over the lazy dog. " * 200 + bytes(range(256)) * 10

print('--- constants')
for name in ['MAX_WBITS', 'DEFLATED', 'DEF_MEM_LEVEL', 'DEF_BUF_SIZE', 'Z_NO_COMPRESSION', 'Z_BEST_SPEED',
             'Z_BEST_COMPRESSION', 'Z_DEFAULT_COMPRESSION', 'Z_FILTERED', 'Z_HUFFMAN_ONLY', 'Z_RLE', 'Z_FIXED',
             'Z_DEFAULT_STRATEGY', 'Z_NO_FLUSH', 'Z_PARTIAL_FLUSH', 'Z_SYNC_FLUSH', 'Z_FULL_FLUSH', 'Z_FINISH',
             'Z_BLOCK', 'Z_TREES']:
    print(name, getattr(zlib, name))
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, type(zlib.ZLIB_VERSION))
print(issubclass(zlib.error, Exception), zlib.error.__module__, zlib.error.__name__)

print('--- checksums')
for s in [b'', b'a', b'hello', data, bytearray(b'xyz'), memoryview(b'abcdef')[1:4]]:
    print(zlib.crc32(s), zlib.adler32(s))
print(zlib.crc32(b'hello', 1), zlib.crc32(b'hello', -1), zlib.crc32(b'hello', 2**40 + 5))
print(zlib.adler32(b'hello', 0), zlib.adler32(b'hello', -1), zlib.adler32(b'hello', 2**33))
c = zlib.crc32(b'hello ')
print(zlib.crc32(b'world', c) == zlib.crc32(b'hello world'))
attempt(zlib.crc32, 'text')
attempt(zlib.crc32, b'x', 1.5)
attempt(zlib.adler32, b'x', 'a')
attempt(zlib.crc32)

print('--- compress/decompress')
for level in range(-1, 10):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.decompress(c) == data)
for wbits in [9, 12, 15, -9, -15, 25, 31]:
    c = zlib.compress(data, wbits=wbits)
    print(wbits, len(c), c[:2] if wbits > 0 else b'', zlib.decompress(c, wbits) == data)
gz = zlib.compress(data, wbits=31)
print(zlib.decompress(gz, 47) == data, zlib.decompress(zlib.compress(data), 32 + 15) == data)
print(zlib.decompress(zlib.compress(data), 0) == data)
print(zlib.compress(b''), zlib.decompress(zlib.compress(b'')))
print(zlib.decompress(zlib.compress(data), bufsize=1) == data, zlib.decompress(zlib.compress(data), bufsize=0) == data)
attempt(zlib.compress, data, 10)
attempt(zlib.compress, data, -2)
attempt(zlib.compress, data, wbits=7)
attempt(zlib.compress, data, wbits=100)
attempt(zlib.compress, 'text')
attempt(zlib.compress, data, 1.0)
attempt(zlib.compress, data, level='1')
attempt(zlib.decompress, b'not compressed')
attempt(zlib.decompress, zlib.compress(data)[:30])
attempt(zlib.decompress, zlib.compress(data)[:-1])
attempt(zlib.decompress, b'')
attempt(zlib.decompress, zlib.compress(data), -15)
attempt(zlib.decompress, zlib.compress(data), 99)
attempt(zlib.decompress, zlib.compress(data), bufsize=-1)
attempt(zlib.decompress, zlib.compress(data) + b'trailing')
attempt(zlib.decompress, 42)
c = bytearray(zlib.compress(b'abc'))
print(zlib.decompress(c), zlib.decompress(memoryview(c)))

print('--- compressobj')
for level, method, wbits, memlevel, strategy in [(6, 8, 15, 8, 0), (1, 8, -12, 1, 1), (9, 8, 31, 9, 2),
                                                  (0, 8, 15, 8, 3), (5, 8, 15, 8, 4)]:
    co = zlib.compressobj(level, method, wbits, memlevel, strategy)
    out = b''.join(co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)) + co.flush()
    print(level, wbits, len(out), zlib.decompress(out, wbits) == data)
co = zlib.compressobj()
a = co.compress(data[:1000])
b = co.flush(zlib.Z_SYNC_FLUSH)
print(len(a), len(b), b[-4:])
print(co.flush(zlib.Z_NO_FLUSH))
cc = co.compress(data[1000:]) + co.flush(zlib.Z_FULL_FLUSH) + co.flush()
print(zlib.decompress(a + b + cc) == data)
attempt(co.flush)
attempt(co.compress, b'more')
attempt(co.copy)
attempt(zlib.compressobj, 10)
attempt(zlib.compressobj, method=9)
attempt(zlib.compressobj, wbits=5)
attempt(zlib.compressobj, memLevel=0)
attempt(zlib.compressobj, strategy=7)
attempt(zlib.compressobj, zdict='str')
attempt(zlib.compressobj, foo=1)
co = zlib.compressobj(level=9, zdict=b'quick brown fox lazy dog')
c1 = co.compress(data) + co.flush()
print(len(c1))
attempt(zlib.decompress, c1)
do = zlib.decompressobj(zdict=b'quick brown fox lazy dog')
print(do.decompress(c1) == data, do.eof)
do = zlib.decompressobj()
attempt(do.decompress, c1)
co = zlib.compressobj(wbits=-15, zdict=b'quick brown fox')
c2 = co.compress(data) + co.flush()
do = zlib.decompressobj(wbits=-15, zdict=b'quick brown fox')
print(do.decompress(c2) == data)
do = zlib.decompressobj(wbits=-15, zdict=bytearray(b'quick brown fox'))
print(do.decompress(c2) == data)
attempt(zlib.decompressobj, zdict='str')
attempt(zlib.decompressobj, zdict=5)
attempt(zlib.decompressobj, 5)
attempt(zlib.decompressobj, wbits=100)

print('--- copy')
co = zlib.compressobj()
x = co.compress(data[:3000])
c2 = co.copy()
import copy
c3 = copy.copy(co)
c4 = copy.deepcopy(co)
outs = [x + c.compress(data[3000:]) + c.flush() for c in (co, c2, c3, c4)]
print([zlib.decompress(o) == data for o in outs], type(c2).__name__, type(c2) is type(co))
print(type(co), type(zlib.decompressobj()))

print('--- decompressobj')
comp = zlib.compress(data)
do = zlib.decompressobj()
parts = []
for i in range(0, len(comp), 7):
    parts.append(do.decompress(comp[i:i + 7]))
parts.append(do.flush())
print(b''.join(parts) == data, do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
print(do.eof, do.unused_data, do.unconsumed_tail)
out = do.decompress(comp + b'tail data')
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b'more'), do.unused_data)
print(do.flush(), do.eof, do.unused_data)
do = zlib.decompressobj()
chunks = []
r = do.decompress(comp, 100)
chunks.append(r)
print(len(r), len(do.unconsumed_tail), do.eof)
while do.unconsumed_tail:
    r = do.decompress(do.unconsumed_tail, 1000)
    chunks.append(r)
print(len(chunks), [len(c) for c in chunks][:5], b''.join(chunks) == data, do.eof)
do = zlib.decompressobj()
r = do.decompress(comp, 50)
rest = do.flush()
print(len(r), len(rest), r + rest == data, do.eof, do.unconsumed_tail)
do = zlib.decompressobj()
r = do.decompress(comp, 50)
d2 = do.copy()
print(d2.unconsumed_tail == do.unconsumed_tail, d2.decompress(d2.unconsumed_tail) + r == data)
attempt(do.decompress, comp, -1)
attempt(do.flush, 0)
attempt(do.flush, -5)
attempt(do.decompress, 'str')
do = zlib.decompressobj()
attempt(do.decompress, b'garbage data here')
print(do.eof)
do = zlib.decompressobj()
r = do.decompress(comp[:50])
print(len(r), do.eof)
print(len(do.flush()), do.eof)
do = zlib.decompressobj()
do.decompress(comp)
print(do.eof)
f = do.flush()
print(f, do.eof)
attempt(do.copy)
do = zlib.decompressobj(wbits=31)
print(do.decompress(zlib.compress(data, wbits=31)) == data, do.eof)
try:
    do.eof = False
except AttributeError as e:
    print('AttributeError', e)
try:
    do.unused_data = b''
except AttributeError as e:
    print('AttributeError', e)

print('--- many streams')
blob = b''.join(zlib.compress(bytes([i]) * (i * 37 + 1)) for i in range(20))
pos = blob
n = 0
while pos:
    do = zlib.decompressobj()
    out = do.decompress(pos)
    assert out == bytes([n]) * (n * 37 + 1), n
    pos = do.unused_data
    n += 1
print(n)
