# gzip, zipfile and tarfile (gz) over the native zlib: round trips, streaming, errors.
import gzip, io, os, shutil, tarfile, tempfile, zipfile, zlib

data = b"The quick brown fox jumps over the lazy dog\n" * 500 + bytes(range(256)) * 4
tmp = tempfile.mkdtemp()

print('--- gzip')
g = gzip.compress(data, mtime=0)
print(len(g), g[:10], gzip.decompress(g) == data)
for level in (0, 1, 9):
    print(level, len(gzip.compress(data, level, mtime=0)))
print(gzip.decompress(g + gzip.compress(b'second', mtime=0))[-6:])
p = os.path.join(tmp, 'a.txt.gz')
with gzip.open(p, 'wt', encoding='utf-8') as f:
    f.write('line1\nline2\n\u00e9\n')
with gzip.open(p, 'rt', encoding='utf-8') as f:
    print(f.readlines())
with gzip.open(p, 'rb') as f:
    print(f.read(3), f.tell(), f.seek(0), f.read(), f.tell())
with gzip.GzipFile(p, 'ab') as f:
    f.write(b'appended\n')
with gzip.open(p) as f:
    print(f.read())
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0, filename='') as f:
    for i in range(100):
        f.write(b'%d,' % i)
raw = buf.getvalue()
print(len(raw), gzip.decompress(raw)[:20])
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.read(10), f.peek(5)[:5], f.readline()[:10])
try:
    gzip.decompress(b'not gzip data')
except gzip.BadGzipFile as e:
    print('BadGzipFile', e)
try:
    gzip.decompress(g[:-10])
except EOFError as e:
    print('EOFError', e)
try:
    gzip.decompress(g[:15] + b'\x00' * 20 + g[35:])
except (zlib.error, gzip.BadGzipFile) as e:
    print(type(e).__name__, e)

print('--- zipfile')
zp = os.path.join(tmp, 'a.zip')
with zipfile.ZipFile(zp, 'w', compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr('x.txt', data)
    z.writestr('dir/y.txt', 'hello')
    z.writestr(zipfile.ZipInfo('stored.bin', date_time=(2020, 1, 1, 0, 0, 0)), data[:100],
               compress_type=zipfile.ZIP_STORED)
    z.writestr('lvl.txt', data, compresslevel=1)
with zipfile.ZipFile(zp) as z:
    print(z.namelist())
    for info in z.infolist():
        print(info.filename, info.file_size, info.compress_type, info.compress_size < info.file_size,
              info.CRC == zlib.crc32(z.read(info.filename)))
    print(z.read('x.txt') == data, z.read('dir/y.txt'), z.testzip())
    with z.open('x.txt') as f:
        print(f.read(5), f.readline()[:10], len(f.read()))
with zipfile.ZipFile(zp, 'a') as z:
    with z.open('streamed.txt', 'w') as f:
        f.write(b'streamed ' * 50)
with zipfile.ZipFile(zp) as z:
    print(z.read('streamed.txt')[:18], len(z.namelist()))
    z.extractall(os.path.join(tmp, 'out'))
print(sorted(os.listdir(os.path.join(tmp, 'out'))))
bad = bytearray(open(zp, 'rb').read())
i = bad.find(b'quick')
with zipfile.ZipFile(io.BytesIO(bytes(bad))) as z:
    pass
mem = io.BytesIO()
with zipfile.ZipFile(mem, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('a', data)
raw = bytearray(mem.getvalue())
raw[60] ^= 0xff
try:
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
        z.read('a')
except (zipfile.BadZipFile, zlib.error) as e:
    print(type(e).__name__, str(e)[:60])

print('--- tarfile')
tp = os.path.join(tmp, 'a.tgz')
with tarfile.open(tp, 'w:gz') as t:
    for name, content in [('hello.txt', data), ('dir/small.txt', b'small')]:
        ti = tarfile.TarInfo(name)
        ti.size = len(content)
        ti.mtime = 0
        t.addfile(ti, io.BytesIO(content))
with tarfile.open(tp, 'r:gz') as t:
    print(t.getnames(), t.extractfile('hello.txt').read() == data, t.extractfile('dir/small.txt').read())
with tarfile.open(tp) as t:
    print([m.size for m in t.getmembers()])
with tarfile.open(tp, 'r|gz') as t:
    print([m.name for m in t])
try:
    tarfile.open(fileobj=io.BytesIO(b'garbage' * 100), mode='r:gz')
except tarfile.ReadError as e:
    print('ReadError', e)

print('--- shutil')
src = os.path.join(tmp, 'src')
os.makedirs(os.path.join(src, 'sub'))
with open(os.path.join(src, 'sub', 'f.txt'), 'wb') as f:
    f.write(data)
for fmt in ('zip', 'gztar'):
    arc = shutil.make_archive(os.path.join(tmp, 'arc'), fmt, src)
    dest = os.path.join(tmp, 'unpacked-' + fmt)
    shutil.unpack_archive(arc, dest)
    with open(os.path.join(dest, 'sub', 'f.txt'), 'rb') as f:
        print(fmt, os.path.basename(arc), f.read() == data)
shutil.rmtree(tmp)
