# charmap codecs: the stdlib's 8-bit code pages through str.encode/bytes.decode, and charmap_* directly.
import codecs
import _codecs

def raising_handler(e):
    raise TypeError('handler says no')
codecs.register_error('mine_typeerror', raising_handler)

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', ascii(r))

text = 'caf\xe9 \u20ac \u2019quoted\u2019 \xe6\xf8\xe5'
for enc in ['cp1252', 'cp1250', 'cp437', 'cp850', 'iso8859-15', 'iso8859_2', 'koi8-r', 'mac-roman', 'cp1251',
            'latin9', 'windows-1252', 'IBM437', 'cp037', 'hp-roman8', 'tis-620', 'iso8859-7']:
    data = text.encode(enc, 'replace')
    print(enc, data, ascii(data.decode(enc)), ascii(bytes(range(128, 256, 7)).decode(enc, 'replace')))

print('x'.encode('cp1252'), b'\xe9'.decode('cp1252'), str(b'\x80\x99', 'cp1252'))
attempt('\u0100'.encode, 'cp1252')
attempt(b'\x81'.decode, 'cp1252')
attempt('a\u0100\u0101b'.encode, 'cp1252')
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(errors, 'a\u0100\u0101b\u20ac'.encode('cp1252', errors))
for errors in ['ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    print(errors, ascii(b'a\x81\x8db\x80'.decode('cp1252', errors)))
attempt('\u0100'.encode, 'cp1252', 'nosuchhandler')
attempt(b'\x81'.decode, 'cp1252', 'nosuchhandler')
try:
    b'\x81'.decode('cp1252', 'nosuchhandler')
except LookupError as e:
    print(repr(e.__cause__), e.__suppress_context__)
attempt('x'.encode, 'cp1252', 'nosuchhandler')
attempt('\u0100'.encode, 'cp1252', 'mine_typeerror')

# charmap_* with explicit tables
table = 'abc\ufffe'
m = _codecs.charmap_build(table)
print(_codecs.charmap_decode(b'\x00\x01\x02', 'strict', table), _codecs.charmap_encode('cab', 'strict', m))
attempt(_codecs.charmap_decode, b'\x03', 'strict', table)
attempt(_codecs.charmap_decode, b'\x05', 'strict', table)
attempt(_codecs.charmap_encode, 'abz', 'strict', m)
print(_codecs.charmap_decode(b'\x00\x01\x05', 'replace', {0: 'A', 1: 66, 2: None}))
print(_codecs.charmap_decode(b'\x00\x01\x02', 'ignore', {0: 'xy', 1: 0x20ac, 2: None}))
attempt(_codecs.charmap_decode, b'\x00', 'strict', {0: 1.5})
attempt(_codecs.charmap_decode, b'\x00', 'strict', {0: 0x110000})
print(_codecs.charmap_encode('abc', 'strict', {97: 1, 98: b'xy', 99: 255}))
attempt(_codecs.charmap_encode, 'abd', 'strict', {97: 1, 98: b'xy', 99: None})
attempt(_codecs.charmap_encode, 'a', 'strict', {97: 300})
attempt(_codecs.charmap_encode, 'a', 'strict', {97: 'x'})
print(_codecs.charmap_encode('aqb', 'replace', {97: 1, 98: 2, 63: 9}))
attempt(_codecs.charmap_encode, 'aqb', 'replace', {97: 1, 98: 2})
print(_codecs.charmap_decode(b'\xe9'), _codecs.charmap_encode('\xe9'), _codecs.charmap_decode(b'ab', None, None))

# the codec machinery on top of it
info = codecs.lookup('cp1252')
print(info.name, info.encode('\u20ac'), info.decode(b'\x80'))
inc = codecs.getincrementaldecoder('cp1252')()
print(ascii(inc.decode(b'\x80\x93')), codecs.getincrementalencoder('cp437')().encode('\u2500'))
print(codecs.charmap_build is _codecs.charmap_build)
