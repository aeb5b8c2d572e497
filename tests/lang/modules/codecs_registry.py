# _codecs / codecs: the search-function registry, lookup cache, error handlers, per-codec functions.
import codecs
import _codecs

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

for name in ['UTF-8', 'utf8', 'Latin-1', 'ascii', 'utf-16', 'UTF_16_LE', 'utf-32-be', 'cp1252', 'iso8859-15',
             'mac-roman', 'rot13']:
    info = codecs.lookup(name)
    print(name, info.name, type(info).__name__, isinstance(info, tuple), len(info))
print(codecs.lookup('utf-8') is codecs.lookup('UTF-8'))
attempt(codecs.lookup, 'no-such-codec')
attempt(codecs.lookup, 3)
attempt(_codecs.register, 3)

# A search function of our own.
def search(name):
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode('ascii'), len(s)),
                                lambda b, errors='strict': (bytes(b).decode('ascii').lower(), len(b)),
                                name='my-codec')
    if name == 'bad_codec':
        return (1, 2)
    return None
codecs.register(search)
print(codecs.lookup('My Codec').name, codecs.encode('abc', 'my codec'), codecs.decode(b'XYZ', 'my_codec'))
print('hello'.encode('my_codec'), b'HELLO'.decode('my_codec'))
attempt(codecs.lookup, 'bad_codec')
codecs.unregister(search)
attempt(codecs.lookup, 'my_codec')

# text vs non-text codecs
attempt('abc'.encode, 'rot13')
attempt(b'abc'.decode, 'rot13')
print(codecs.encode('abc', 'rot13'), codecs.decode('nop', 'rot13'))
attempt(codecs.encode, 'abc', 'nonexistent')

# error handlers
for name in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'surrogateescape',
             'surrogatepass']:
    print(name, codecs.lookup_error(name).__name__)
print(codecs.strict_errors is codecs.lookup_error('strict'), codecs.ignore_errors.__name__)
attempt(codecs.lookup_error, 'nope')
enc = UnicodeEncodeError('ascii', 'a\xe9\u20acb', 1, 3, 'bad')
dec = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'bad')
for h in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(h, codecs.lookup_error(h)(enc))
for h in ['ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    print(h, ascii(codecs.lookup_error(h)(dec)))
attempt(codecs.strict_errors, enc)
attempt(codecs.strict_errors, 'x')
attempt(codecs.xmlcharrefreplace_errors, dec)
attempt(codecs.ignore_errors, ValueError('x'))
print(ascii(codecs.lookup_error('surrogateescape')(UnicodeEncodeError('ascii', 'a\udcff\udc80', 1, 3, 'x'))))
print(codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'x')))

def my_handler(e):
    return ('<%d-%d>' % (e.start, e.end), e.end)
codecs.register_error('mine', my_handler)
print(codecs.lookup_error('mine') is my_handler)
print('a\u20acb\u20ac'.encode('cp1252', 'strict'), 'a\u0100b'.encode('cp1252', 'mine'), b'a\x81b'.decode('cp1252', 'mine'))
attempt(codecs.register_error, 'x', 3)

# per-codec functions
print(_codecs.utf_8_encode('a\xe9\u20ac'), _codecs.utf_8_decode(b'a\xc3\xa9\xe2\x82', 'strict', False),
      _codecs.utf_8_decode(b'a\xc3\xa9\xe2\x82', 'replace', True))
print(_codecs.utf_8_decode(b'\xf0\x9f\x98', None, False), _codecs.utf_8_decode(b'\xf0\x9f\x98\x80'))
attempt(_codecs.utf_8_decode, b'a\xc3\xa9\xe2\x82', 'strict', True)
attempt(_codecs.utf_8_decode, b'\xff', 'strict', False)
print(_codecs.latin_1_encode('\xe9'), _codecs.latin_1_decode(b'\xe9'), _codecs.ascii_encode('ab'), _codecs.ascii_decode(b'ab'))
attempt(_codecs.ascii_encode, '\xe9')
attempt(_codecs.latin_1_encode, '\u20ac', 'replace')
for bo in (0, -1, 1):
    print(bo, _codecs.utf_16_encode('a\U0001f600', None, bo), _codecs.utf_32_encode('a', None, bo))
print(_codecs.utf_16_le_encode('ab'), _codecs.utf_16_be_encode('ab'), _codecs.utf_32_le_encode('a'), _codecs.utf_32_be_encode('a'))
print(_codecs.utf_16_decode(b'\xff\xfea\x00b'), _codecs.utf_16_decode(b'\xfe\xff\x00a\xd8', None, False))
print(_codecs.utf_16_ex_decode(b'\xfe\xff\x00a'), _codecs.utf_16_ex_decode(b'a\x00'), _codecs.utf_16_ex_decode(b'\xff', None, 0, False))
print(_codecs.utf_16_le_decode(b'a\x00=\xd8\x00', None, False), _codecs.utf_16_be_decode(b'\x00a'))
print(_codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00b\x00'), _codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a'))
print(_codecs.utf_32_le_decode(b'a\x00\x00\x00b', None, False), _codecs.utf_32_be_decode(b'\x00\x00\x00a'))
attempt(_codecs.utf_16_le_decode, b'a\x00b', 'strict', True)

# incremental codecs through the stdlib
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac')), repr(d.decode(b'', final=True)))
d16 = codecs.getincrementaldecoder('utf-16')()
print(repr(d16.decode(b'\xff')), repr(d16.decode(b'\xfea')), repr(d16.decode(b'\x00')))
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('a'), e.encode('b'))
print(codecs.getencoder('latin-1')('\xe9'), codecs.getdecoder('utf-8')(b'\xc3\xa9'))
print(list(codecs.iterdecode([b'\xe2', b'\x82\xac', b'x'], 'utf-8')), list(codecs.iterencode(['a', '\xe9'], 'cp1252')))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
print(codecs.lookup('cp1252').name)

# escape codecs
print(_codecs.escape_encode(b'\'"\\\x00\x7f\xff\t\n\r'), _codecs.escape_decode(b'a\\x41\\n\\101\\\n'))
print(_codecs.escape_decode('\\x41'), _codecs.readbuffer_encode(b'ab'), _codecs.readbuffer_encode('\xe9'))
attempt(_codecs.escape_decode, b'\\x4')
attempt(_codecs.escape_decode, b'abc\\')
print(_codecs.escape_decode(b'\\x4z', 'replace'), _codecs.escape_decode(b'\\x4z', 'ignore'))
print(_codecs.unicode_escape_encode('\'"\\\x00\x7f\xff\t\n\r\u1234\U00012345'))
print(_codecs.raw_unicode_escape_encode('a\\\xff\u1234\U00012345'))
print(_codecs.unicode_escape_decode(b'a\\x41\\u20ac\\U0001F600\\n\\101\\t\xe9'), _codecs.unicode_escape_decode(b'ab\\x4', 'strict', False))
for d in [b'\\x4', b'abc\\', b'\\u12', b'\\U00110000', b'\\xzz']:
    attempt(_codecs.unicode_escape_decode, d)
print(_codecs.unicode_escape_decode(b'a\\x4g\\u1', 'replace'), _codecs.unicode_escape_decode(b'a\\x4g', 'backslashreplace'))
for d in [b'\\u12', b'\\U00110000', b'\\\\u1234', b'\\\\\\u1234', b'\\x41', b'a\xe9\\u20acz', b'\\']:
    attempt(_codecs.raw_unicode_escape_decode, d)
print('\u20ac\n'.encode('unicode_escape'), b'\\u20ac'.decode('unicode_escape'), '\u20ac\n'.encode('raw_unicode_escape'))
print(codecs.decode(b'\\xe9', 'unicode-escape'), codecs.encode('\xe9', 'raw-unicode-escape'))

# custom error handlers with the native codecs

def h(e):
    return ('<%s %d-%d>' % (type(e).__name__, e.start, e.end), e.end)
codecs.register_error('mine', h)
print('a\u20acb\udc80c'.encode('ascii', 'mine'), 'a\ud800b'.encode('utf-8', 'mine'), 'x\u0100'.encode('latin-1', 'mine'))
print(b'a\xffb\xc3'.decode('utf-8', 'mine'), b'a\x80'.decode('ascii', 'mine'), b'\xff\xfea\x00\x00\xdcb\x00'.decode('utf-16', 'mine'))
print('a\ud800'.encode('utf-16', 'mine'), 'a\ud800'.encode('utf-32', 'mine'))
def hb(e):
    return (b'!!', e.end)
codecs.register_error('bytesrep', hb)
print('a\u20ac'.encode('ascii', 'bytesrep'))
try: 'a\xe9'.encode('ascii', 'nosuch')
except LookupError as e: print(e)
print('abc'.encode('ascii', 'nosuch'))
print(codecs.utf_8_encode('a\ud800', 'mine'), codecs.utf_8_decode(b'a\xff', 'mine'))

# An encoding no search function knows.
for call in (lambda: "a".encode("foo"), lambda: b"a".decode("no-such-codec")):
    try:
        call()
    except LookupError as e:
        print("LookupError", e)
