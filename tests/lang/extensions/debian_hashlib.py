# Debian's _hashlib binary (OpenSSL) through cpyext: digests, copies, pbkdf2,
# scrypt, HMAC, file_digest, errors (its table of digests is a _Py_hashtable).
import hashlib, _hashlib, hmac
print(sorted(n for n in hashlib.algorithms_guaranteed))
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "sha512_256", "shake_128"]:
    try:
        h = hashlib.new(name, b"abc")
    except ValueError as e:
        print(name, "ValueError", e); continue
    h.update(b"def" * 1000)
    if name.startswith("shake"):
        print(name, h.hexdigest(16), h.digest(8), h.name, h.digest_size)
    else:
        print(name, h.hexdigest(), h.digest()[:4], h.name, h.digest_size, h.block_size)
    c = h.copy(); c.update(b"x"); print(c.hexdigest()[:16] if not name.startswith("shake") else c.hexdigest(4))
print(type(hashlib.sha256()).__name__, type(hashlib.md5()).__module__)
print(_hashlib.openssl_sha256(b"x").hexdigest())
print(hashlib.sha256(b"abc", usedforsecurity=False).hexdigest())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, dklen=10).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=1024, r=8, p=16, dklen=32).hex())
print(hmac.new(b"key", b"msg", "sha256").hexdigest())
print(hmac.digest(b"key", b"msg", "md5").hex())
h = _hashlib.hmac_new(b"k", b"m", digestmod="sha512"); h.update(b"more"); print(h.hexdigest()[:32], h.name, h.digest_size, h.block_size)
print(_hashlib.compare_digest(b"abc", b"abc"), _hashlib.compare_digest("abc", "abd"))
print(hashlib.file_digest.__name__)
import io
print(hashlib.file_digest(io.BytesIO(b"hello" * 10000), "sha256").hexdigest())
for bad in [lambda: hashlib.new("nope"), lambda: hashlib.sha256("text"), lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0),
            lambda: _hashlib.new("sha256", 5), lambda: hashlib.shake_128(b"").hexdigest(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(len(hashlib.algorithms_available) > 10, "sha256" in _hashlib.openssl_md_meth_names)
print(_hashlib.get_fips_mode())
big = hashlib.sha1()
for i in range(2000):
    big.update(str(i).encode() * 20)
print(big.hexdigest())
