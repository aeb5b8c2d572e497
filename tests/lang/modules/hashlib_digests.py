# The hash modules hashlib falls back on without OpenSSL (_md5, _sha1, _sha256, _sha512, _sha3, _blake2):
# digests at every padding boundary, incremental updates, copies, SHAKE lengths, BLAKE2 parameters and
# the errors.  CPython's hashlib prefers OpenSSL's objects, so attributes are probed on the modules'.
import hashlib
import hmac
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r if not hasattr(r, 'hexdigest') else type(r).__name__)

lengths = [0, 1, 3, 55, 56, 57, 63, 64, 65, 111, 112, 113, 127, 128, 129, 135, 136, 137, 167, 168, 169, 1000]
data = bytes((i * 7 + 3) % 256 for i in range(1000))
ctors = {'md5': _md5.md5, 'sha1': _sha1.sha1, 'sha224': _sha256.sha224, 'sha256': _sha256.sha256,
         'sha384': _sha512.sha384, 'sha512': _sha512.sha512, 'sha3_224': _sha3.sha3_224,
         'sha3_256': _sha3.sha3_256, 'sha3_384': _sha3.sha3_384, 'sha3_512': _sha3.sha3_512,
         'blake2b': _blake2.blake2b, 'blake2s': _blake2.blake2s, 'shake_128': _sha3.shake_128,
         'shake_256': _sha3.shake_256}
names = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
         'blake2b', 'blake2s']
for name in names:
    h = ctors[name]()
    print(name, h.name, h.digest_size, h.block_size)
    for n in lengths:
        d = ctors[name](data[:n]).hexdigest()
        print(' ', n, d, d == hashlib.new(name, data[:n]).hexdigest())
    inc = ctors[name]()
    for i in range(0, 1000, 37):
        inc.update(data[i:i + 37])
    print('  incremental', inc.hexdigest() == hashlib.new(name, data).hexdigest())
    c = inc.copy()
    c.update(b'more')
    print('  copy', c.hexdigest() != inc.hexdigest(), inc.digest() == bytes.fromhex(inc.hexdigest()))

for name in ['shake_128', 'shake_256']:
    for n in [0, 5, 200]:
        h = ctors[name](data[:n])
        print(name, n, h.hexdigest(16) == hashlib.new(name, data[:n]).hexdigest(16), h.hexdigest(0), h.hexdigest(16), h.hexdigest(500)[-32:], len(h.digest(333)))
    h = ctors[name]()
    print(name, h.name, h.digest_size, h.block_size, h._capacity_bits, h._rate_bits, h._suffix)
    attempt(h.digest, -1)
    attempt(h.digest, 2 ** 29)
    attempt(h.hexdigest, 2 ** 70)
    attempt(h.digest, 1.0)
print(_sha3.sha3_256()._capacity_bits, _sha3.sha3_256()._rate_bits, _sha3.sha3_256()._suffix)

print('--- blake2')
print(hashlib.blake2b(b'abc', key=b'key', salt=b'salt', person=b'me', digest_size=20).hexdigest())
print(hashlib.blake2s(b'abc', key=b'key', salt=b'salt', person=b'me', digest_size=20).hexdigest())
print(hashlib.blake2b(b'abc', key=b'k' * 64).hexdigest())
print(hashlib.blake2s(key=b'k' * 32).hexdigest())
print(hashlib.blake2b(key=b'k').hexdigest(), hashlib.blake2b(b'a' * 128, key=b'k').hexdigest())
print(hashlib.blake2b(data, fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=64,
                      last_node=True).hexdigest())
print(hashlib.blake2s(data, fanout=0, depth=255, leaf_size=2 ** 32 - 1, node_offset=2 ** 48 - 1, node_depth=255,
                      inner_size=32, last_node=True).hexdigest())
print(hashlib.blake2b(digest_size=1).hexdigest(), hashlib.blake2b(digest_size=1).digest_size)
print(_blake2.blake2b.SALT_SIZE, _blake2.blake2b.PERSON_SIZE, _blake2.blake2b.MAX_KEY_SIZE,
      _blake2.blake2b.MAX_DIGEST_SIZE, _blake2.blake2s.SALT_SIZE, _blake2.blake2s.MAX_DIGEST_SIZE,
      _blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE)
for kwargs in [dict(digest_size=0), dict(digest_size=65), dict(key=b'x' * 65), dict(salt=b'x' * 17),
               dict(person=b'x' * 17), dict(fanout=256), dict(fanout=-1), dict(depth=0), dict(depth=256),
               dict(leaf_size=-1), dict(leaf_size=2 ** 32), dict(node_offset=-1), dict(node_depth=256),
               dict(inner_size=65), dict(inner_size=-1), dict(digest_size=1.5), dict(key='abc'), dict(key=None),
               dict(data=b'a'), dict(string=b'a')]:
    attempt(hashlib.blake2b, **kwargs)
attempt(_blake2.blake2s, digest_size=33)
attempt(_blake2.blake2s, salt=b'x' * 9)
attempt(_blake2.blake2s, node_offset=2 ** 48)
attempt(_blake2.blake2b, 'abc')
attempt(_blake2.blake2b, None)
attempt(_blake2.blake2b, b'a', b'b')

print('--- argument errors')
for ctor in [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
             _sha3.sha3_224, _sha3.shake_128]:
    attempt(ctor, 'abc')
    attempt(ctor, 1)
    attempt(ctor, b'a', usedforsecurity=False)
    attempt(ctor().update, 'x')
    attempt(ctor().update, memoryview(b'abcdef')[::2])
attempt(_md5.md5, string=b'abc')
attempt(_sha3.sha3_224, string=b'a')
attempt(_sha3.sha3_224, None)
h = _md5.md5(bytearray(b'abc'))
h.update(memoryview(b'def'))
print(h.hexdigest() == hashlib.md5(b'abcdef').hexdigest())

print('--- types')
print(type(_md5.md5()).__name__, type(_sha256.sha224()).__name__, type(_sha512.sha384()).__name__)
print(_md5.MD5Type is type(_md5.md5()), _sha1.SHA1Type is type(_sha1.sha1()),
      _sha256.SHA224Type is type(_sha256.sha224()), _sha256.SHA256Type is type(_sha256.sha256()),
      _sha512.SHA384Type is type(_sha512.sha512()))
print(sorted(n for n in dir(_sha3) if not n.startswith('__')))
print(sorted(n for n in dir(_md5.md5()) if not n.startswith('__')))
print(sorted(n for n in dir(_sha3.sha3_224()) if not n.startswith('__')))
for t in [_sha3.sha3_224, _blake2.blake2b]:
    try:
        class Sub(t):
            pass
    except TypeError as e:
        print('TypeError', e.__class__.__name__)

print('--- hmac and friends')
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.digest(b'key', b'msg', 'md5').hex())
print(hmac.new(b'k' * 200, b'msg', hashlib.sha512).hexdigest())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'))
print(sorted(hashlib.algorithms_guaranteed))
