# binascii: hex, base64, uuencode, quoted-printable and the CRCs against CPython's outputs and errors.
import binascii

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

samples = [b'', b'a', b'ab', b'abc', b'abcd', b'hello world', bytes(range(256)), b'\x00\xff' * 20, b'x' * 45]

print('--- hex')
for s in samples:
    h = binascii.hexlify(s)
    assert binascii.unhexlify(h) == s and binascii.a2b_hex(h.decode()) == s
    print(h[:60], binascii.b2a_hex(s) == h)
for sep, n in [('-', 1), (b':', 2), ('_', -2), (' ', 3), (' ', -3), ('.', 0), ('.', 100)]:
    print(sep, n, binascii.hexlify(b'\x01\x02\x03\x04\x05\x06\x07', sep, n))
print(binascii.hexlify(b'abc', sep='\xe9'))
attempt(binascii.hexlify, b'abc', '--')
attempt(binascii.hexlify, b'abc', '\u20ac')
attempt(binascii.hexlify, b'abc', 1)
attempt(binascii.hexlify, b'abc', [1])
attempt(binascii.hexlify, 'abc')
attempt(binascii.hexlify, memoryview(b'abcdef'))
attempt(binascii.unhexlify, b'abc')
attempt(binascii.unhexlify, b'zz')
attempt(binascii.unhexlify, 'ABcd')
attempt(binascii.unhexlify, '\xe9\xe9')
attempt(binascii.unhexlify, 5)
attempt(binascii.unhexlify, bytearray(b'0a0B'))

print('--- base64')
for s in samples:
    e = binascii.b2a_base64(s)
    assert binascii.a2b_base64(e) == s
    print(e[:70], binascii.b2a_base64(s, newline=False)[-3:])
for text in [b'YWJj', b'YWJjZA==', b'YWJjZA=', b'YWJjZA', b'YWJjZ', b'Y', b'', b'YW Jj\nZA==', b'YWJjZA==YWJj',
             b'YW=Jj', b'=YWJj', b'YWJj====', b'!!YWJj', b'YQ==', b'YQ=', b'YQ', b'Y===', b'YWJ=', 'YWJj']:
    attempt(binascii.a2b_base64, text)
    attempt(binascii.a2b_base64, text, strict_mode=True)
attempt(binascii.a2b_base64, 'YWJj\xe9')
attempt(binascii.b2a_base64, 'abc')
attempt(binascii.b2a_base64, b'abc', newline=[])

print('--- uu')
for s in samples[:6] + samples[7:]:
    e = binascii.b2a_uu(s)
    print(e[:70], binascii.a2b_uu(e) == s, binascii.b2a_uu(s, backtick=True)[:20])
attempt(binascii.b2a_uu, b'x' * 46)
attempt(binascii.a2b_uu, b'')
attempt(binascii.a2b_uu, '')
attempt(binascii.a2b_uu, b'#86)C\n')
attempt(binascii.a2b_uu, b'#86)C   \n')
attempt(binascii.a2b_uu, b'#86)C  x')
attempt(binascii.a2b_uu, b'#8\x016)C')
attempt(binascii.a2b_uu, b'&86)C')
attempt(binascii.a2b_uu, b'`')
attempt(binascii.a2b_uu, b'!````')

print('--- qp')
qp_samples = [b'hello', b'a=b', b'tab\there', b'trailing space ', b'trailing tab\t', b'line1\nline2 \nline3',
              b'crlf\r\nline\r\n', b'x' * 100, b'y' * 75 + b'=', b'.\n', b'.', b'.x', b'caf\xc3\xa9', b'a_b c',
              b'\x00\x01\x7f\x80', b'mixed\r\nends\nhere', b'a' * 74 + b'\n' + b'b' * 80, b' ' * 80,
              b'end\r', b'\r\n', b'x\ry']
for s in qp_samples:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        e = binascii.b2a_qp(s, **kw)
        print(kw, e)
        d = binascii.a2b_qp(e, header=kw.get('header', False))
        if d != s:
            print('  roundtrip', d)
for text in [b'a=3Db', b'a=3db', b'soft=\nbreak', b'soft=\r\nbreak', b'x=\r  \nrest', b'bad=zz', b'end=', b'a==b',
             b'under_score', b'=4', b'=41=42', 'str=41']:
    print(binascii.a2b_qp(text), binascii.a2b_qp(text, header=True))

print('--- crc')
for s in samples:
    print(binascii.crc32(s), binascii.crc32(s, 12345), binascii.crc_hqx(s, 0), binascii.crc_hqx(s, 0xffff))
print(binascii.crc32(b'a', -1), binascii.crc32(b'a', 2**40 + 5), binascii.crc_hqx(b'a', -1), binascii.crc_hqx(b'a', 2**40))
crc = 0
for chunk in [b'hello ', b'wor', b'ld']:
    crc = binascii.crc32(chunk, crc)
print(crc == binascii.crc32(b'hello world'))
attempt(binascii.crc32, 'abc')
attempt(binascii.crc32, b'a', 1.5)
attempt(binascii.crc_hqx, b'a')

print('--- errors')
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__)
try:
    binascii.a2b_hex(b'1')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__, e)
print(sorted(n for n in dir(binascii) if not n.startswith('_')))
