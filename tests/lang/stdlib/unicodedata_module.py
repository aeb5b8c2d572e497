# unicodedata: properties (sampled over all planes), names and lookup, normalization, ucd_3_2_0, errors;
# the namereplace error handler and \N{...} in the unicode_escape codec.
import codecs, unicodedata as u

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', ascii(r))

print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD.__module__)

print('--- properties, sampled')
lines = []
points = list(range(0, 0x3400, 3)) + list(range(0x3400, 0x110000, 251)) + [0x1F600, 0x0F33, 0x2155, 0x3405, 0x20000,
                                                                          0xAC00, 0xD7A3, 0xD800, 0xE000, 0x10FFFD]
for c in points:
    ch = chr(c)
    lines.append((c, u.category(ch), u.bidirectional(ch), u.combining(ch), u.east_asian_width(ch), u.mirrored(ch),
                  u.decomposition(ch), u.name(ch, None), u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None)))
for line in lines:
    if line[7] is not None or line[1] != 'Cn':
        print(line)
print(len(lines))

print('--- names')
for name in ['LATIN SMALL LETTER A', 'latin small letter a', 'Latin Small Letter A', 'EURO SIGN', 'GRINNING FACE',
             'HANGUL SYLLABLE GAG', 'hangul syllable gag', 'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-4e00',
             'CJK UNIFIED IDEOGRAPH-2B81D', 'CJK UNIFIED IDEOGRAPH-9FFF', 'CJK UNIFIED IDEOGRAPH-A000', 'NULL',
             'BYTE ORDER MARK', 'BOM', 'LINE FEED', 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE',
             'KEYCAP DIGIT ONE', 'NO SUCH THING', '', 'LATIN SMALL LETTER  A', 'TANGUT IDEOGRAPH-17000',
             'KHITAN SMALL SCRIPT CHARACTER-18B00', 'TOTO LETTER PA', 'SPACE']:
    attempt(u.lookup, name)
    attempt(u.ucd_3_2_0.lookup, name)
attempt(u.lookup, b'LATIN SMALL LETTER B')
attempt(u.lookup, 'x' * 300)
attempt(u.lookup, 5)
for c in '\x00 a\xe9\u20ac\U0001f600\uac00\ud7a3\u4e00\U0002a6dd\U00017000\U00018b00\ud800\U0010fffd\u0378':
    attempt(u.name, c)
print(u.name('\x00', 'dflt'), u.ucd_3_2_0.name('\U0001f600', 'none'))
attempt(u.ucd_3_2_0.name, '\U0001f600')
attempt(u.name, 5)
attempt(u.name, 'ab')
attempt(u.name)
attempt(u.category, '')
attempt(u.category, 'ab')
attempt(u.decimal, 'x')
attempt(u.digit, 'x')
attempt(u.numeric, 'x')
print(u.decimal('x', -1), u.digit('\u00b2'), u.numeric('\u00bd'), u.numeric('\u4e07'), u.numeric('\u0f33'))

print('--- normalization')
samples = ['', 'abc', 'e\u0301', '\u00e9', 'A\u030a', '\u212b', '\ufb01', '\u1e9b\u0323', '\u0071\u0307\u0323',
           '\uac00\u11a8', '\u1100\u1161\u11a8', '\ud7a3', '\u3300', '\u00bd', 'x\u0300\u0315\u0301', '\U0001d400',
           '\u0958', '\u2126', '\u0344', 'a\ud800b', '\u1100\u1161', '\u1100\u1176', '\u0f77', '\U0001f1e6\u0301']
for s in samples:
    print(ascii(s), [ascii(u.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')],
          [u.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
s = 'plain ascii'
print(u.normalize('NFC', s) is s, u.normalize('NFKD', s) == s)
attempt(u.normalize, 'NFX', 'a')
attempt(u.normalize, 'NFC', b'a')
attempt(u.normalize, 5, 'a')
attempt(u.is_normalized, 'NFC', 3)
attempt(u.is_normalized, 'nfc', 'a')

print('--- ucd_3_2_0')
old = u.ucd_3_2_0
for c in ['a', '\U0001f600', '\u20ac', '\u0378', '\u4e00', '\u0221']:
    print(ascii(c), old.category(c), repr(old.bidirectional(c)), old.east_asian_width(c), old.combining(c),
          old.mirrored(c), repr(old.decomposition(c)), old.name(c, None), old.decimal(c, None), old.numeric(c, None))

print('--- codecs')
print('a\xe9\u20ac\U0001f600\ud800\uac00\x00\u4e00'.encode('ascii', 'namereplace'))
print('caf\xe9'.encode('latin-1', 'namereplace'), '\u0391'.encode('cp1252', 'namereplace'))
print(codecs.namereplace_errors(UnicodeEncodeError('ascii', '\u4e00x\U000e0001', 0, 3, 'r')))
attempt(codecs.namereplace_errors, UnicodeDecodeError('ascii', b'\xff', 0, 1, 'r'))
for b in [rb'\N{LATIN SMALL LETTER A}x', rb'\N{latin small letter a}', rb'\N{BOM}', rb'\N{NOPE}z', rb'\N{}',
          rb'\Nx', rb'\N', rb'\N{LATIN', rb'a\N{HANGUL SYLLABLE GA}', rb'\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}']:
    for errors in ('strict', 'replace', 'backslashreplace'):
        try:
            print(b, errors, ascii(b.decode('unicode_escape', errors)))
        except UnicodeDecodeError as e:
            print(b, errors, 'UnicodeDecodeError', e)
print(codecs.unicode_escape_decode(rb'\N{LATIN', 'strict', False))
d = codecs.getincrementaldecoder('unicode_escape')()
print(ascii(d.decode(rb'ab\N{LATIN SM')), ascii(d.decode(rb'ALL LETTER B}c', final=True)))
print(ascii('\N{EM DASH}\N{bom}\N{HANGUL SYLLABLE GAG}'), ascii(eval(r"'\N{LATIN SMALL LETTER SHARP S}'")))
import stringprep, encodings.idna
print(stringprep.in_table_a1('\u0221'), stringprep.in_table_b1('\u00ad'), stringprep.map_table_b2('\u00c5'))
print('bücher.example'.encode('idna'), b'xn--bcher-kva.example'.decode('idna'))

print('--- ucd_3_2_0 changes and corrections')
for c in '+-/\xa7\xaa\xad\xb2\xb3\u00b5\u01c5\u0294\u02b9\u0e33\u2018\u2028\u3000\uff5f\u0f3a\u2212\u1d00':
    print(ascii(c), old.category(c), u.category(c), old.bidirectional(c), u.bidirectional(c), old.east_asian_width(c),
          u.east_asian_width(c), old.mirrored(c), u.mirrored(c), old.decimal(c, None), u.decimal(c, None),
          old.digit(c, None), old.numeric(c, None))
print(old.digit('\u07c0', None), old.category('\u07c0'), old.combining('\u1dfa'), u.combining('\u1dfa'))
for c in ['\U0002f868', '\U0002f874', '\U0002f91f', '\U0002f95f', '\U0002f9bf', '\uf951', 'a\u0316\u059a\u1dfa\u0316b']:
    print(ascii([old.normalize(f, c) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')]), ascii(u.normalize('NFC', c)),
          old.is_normalized('NFC', c))
