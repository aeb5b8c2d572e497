"""Driver for capi_numbers_impl.c: every result and error message of the
number, str, bytes, getargs and formatting functions over a grid of values,
compared line by line with capi_numbers_impl.expected (produced by
python3.11 from the same module: `test_capi_numbers_impl.py --regen`).

SystemError texts are compared by type only: CPython names its C source
line ("../Objects/longobject.c:123: bad argument to internal function"),
Tern names the C-API function misused.
"""

import pathlib
import re
import sys
import warnings

import capi_numbers_impl as m

EXPECTED = pathlib.Path(__file__).with_name("capi_numbers_impl.expected")
LINES = []


def out(*parts):
    text = " ".join(str(p) for p in parts)
    text = re.sub(r"\('SystemError', '[^']*', 'err'\)", "('SystemError', 'err')", text)
    LINES.append(text)


def run():
    class I:
        def __index__(self): return 7
        def __repr__(self): return 'I()'
    class F:
        def __float__(self): return 2.5
        def __repr__(self): return 'F()'
    class C:
        def __complex__(self): return 1+2j
        def __repr__(self): return 'C()'
    class BadF:
        def __float__(self): return 1
        def __repr__(self): return 'BadF()'
    class S(str): pass
    class P:
        def __fspath__(self): return '/p'
        def __repr__(self): return 'P()'
    vals = [0, 1, -1, 255, 256, -5, -6, 2**31, 2**32, 2**63-1, 2**63, 2**64-1, 2**64, -2**63, -2**63-1, 10**30, -10**30,
            True, False, 2.5, -0.0, float('inf'), 1+2j, 'x', 'héllo', '\ud800', S('sub'), b'ab', bytearray(b'xy'), None, I(), F(), C(), BadF(), P(), [1], (2,)]
    names = ['PyLong_AsLong','PyLong_AsLongLong','PyLong_AsUnsignedLong','PyLong_AsUnsignedLongLong','PyLong_AsSsize_t','PyLong_AsSize_t',
     'PyLong_AsUnsignedLongMask','PyLong_AsUnsignedLongLongMask','PyLong_AsDouble','PyLong_AsVoidPtr','_PyLong_AsInt','PyFloat_AsDouble',
     'PyComplex_RealAsDouble','PyComplex_ImagAsDouble','AsLongAndOverflow','AsCComplex','AsUTF8','AsString','FloatFromString',
     'UnicodeFromObject','BytesFromObject','ByteArrayFromObject','LongFromUnicode','EncodeFS','AsASCII','AsLatin1','FSPath', 'PyUnicode_GetLength', 'PyBytes_Size']
    for n in names:
        for v in vals:
            if n in ('BytesFromObject', 'ByteArrayFromObject') and isinstance(v, int) and abs(v) > 300: continue
            try: r = m.conv(n, v)
            except Exception as e: r = ('RAISED', type(e).__name__, str(e))
            out(n, repr(v), '->', repr(r)[:300])
    for n in ['_PyLong_Sign', '_PyLong_NumBits']:
        for v in [0, 1, -1, 255, -256, 2**64, -2**100, True]:
            out(n, v, m.conv(n, v))
    pairs = [('a','b'), ('a', 1), (1, 'a'), ('abc','b'), ('a b c', None), ('a,b', ','), ('%s-%d', ('x', 3)), ('%s', 5), ('', ''), ('x', S('x'))]
    for n in ['Concat','Join','Split','Format','RichCompareLT','Compare','Contains','Find','RFind','Tailmatch','Replace']:
        for x, y in pairs:
            try: r = m.two(n, x, y)
            except Exception as e: r = ('RAISED', type(e).__name__, str(e))
            out(n, repr(x), repr(y), '->', repr(r))
    out(m.two('Join', ',', ['a', 'b']), m.two('Join', ',', ['a', 1]), m.two('Join', 1, ['a']), m.two('BytesJoin', b',', [b'a', bytearray(b'b')]))
    out(m.two('BytesConcat', b'a', b'b'), m.two('BytesConcat', b'a', 'b'), m.two('ByteArrayConcat', b'a', bytearray(b'b')), m.two('ByteArrayConcat', 1, b'b'))
    for b, e in [(b'abc', 'utf-8'), (b'\xff', 'utf-8'), (b'\xe9', 'latin-1'), (b'\xe9', 'ascii'), (b'x', 'nope'), (b'\xff\xfea\x00', 'utf-16')]:
        out('Decode', b, e, m.two('Decode', b, e))
    for s, e in [('abc', 'utf-8'), ('é', 'ascii'), ('€', 'latin-1'), ('\ud800', 'utf-8'), ('x', 'nope'), ('x', 'rot13')]:
        out('Encode', repr(s), e, m.two('Encode', s, e))
    for s, b in [(b'12', 10), (b' -12 ', 10), (b'0x1f', 16), (b'0x1f', 0), (b'1_000', 10), (b'12abc', 10), (b'', 10), (b'9'*30, 10), (b'z', 36), (b'1', 1), (b'010', 0), (b'0b11', 0)]:
        out('LongFromString', s, b, m.two('LongFromString', s, b))
    for se in [(0, 3), (1, 100), (-1, 2), (3, 1), (5, 9), (0, 5)]:
        out('Substring', se, m.two('Substring', 'hello', se))
    for i in range(15):
        out('fmt', i, repr(m.fmt(i)))
    for i in range(14):
        out('build', i, repr(m.build(i)))
    # getargs
    cases = [
     ('i', (1,)), ('i', ('x',)), ('i', (2.5,)), ('i', (2**31,)), ('i', (-2**31-1,)), ('i', (I(),)), ('i', (True,)), ('i', ()), ('i', (1, 2)),
     ('ii:f', (1,)), ('ii:f', (1, 2, 3)), ('i|i:f', ()), ('i|i:f', (1, 2, 3)), ('|i', (1, 2)), ('', (1,)), (':g', (1,)), ('i;custom msg', ('x',)), ('ii;custom', (1,)),
     ('b', (-1,)), ('b', (256,)), ('b', (255,)), ('B', (-1,)), ('B', (2**70,)), ('h', (40000,)), ('h', (-40000,)), ('H', (-1,)), ('I', (-1,)), ('I', (2**40,)),
     ('l', (2**63,)), ('k', (-1,)), ('k', (1.0,)), ('k', (I(),)), ('L', (2**64,)), ('K', (-1,)), ('K', ('x',)), ('n', (2**63,)), ('n', (I(),)), ('n', (2.5,)),
     ('f', (1,)), ('f', ('x',)), ('d', (F(),)), ('d', (BadF(),)), ('D', (C(),)), ('D', ('x',)), ('c', (b'a',)), ('c', (b'ab',)), ('c', ('a',)), ('c', (bytearray(b'z'),)),
     ('C', ('a',)), ('C', ('ab',)), ('C', (b'a',)), ('p', (0,)), ('p', ([1],)),
     ('s', ('abc',)), ('s', (b'abc',)), ('s', ('a\0b',)), ('s', (None,)), ('s', ('\ud800',)), ('z', (None,)), ('z', (1,)), ('s#', ('abc',)), ('s#', (b'ab',)), ('s#', (bytearray(b'a'),)), ('s#', (1,)),
     ('z#', (None,)), ('y', (b'ab',)), ('y', ('ab',)), ('y', (b'a\0b',)), ('y#', (b'ab',)), ('y#', (bytearray(b'ab'),)), ('y#', ('x',)), ('y*', (b'ab',)), ('y*', ('s',)), ('y*', (bytearray(b'x'),)),
     ('s*', ('s',)), ('s*', (b'b',)), ('s*', (1,)), ('z*', (None,)), ('w*', (bytearray(b'x'),)), ('w*', (b'x',)),
     ('S', (b'x',)), ('S', ('x',)), ('Y', (bytearray(),)), ('Y', (b'x',)), ('U', ('x',)), ('U', (b'x',)), ('O', (None,)),
     ('(ii)', ((1, 2),)), ('(ii)', ((1,),)), ('(ii)', (1,)), ('(ii)', ([1, 2],)), ('(ii)', ((1, 'x'),)), ('i(i(ii))', (1, (2, (3, 'x')))), ('(ii)', (b'ab',)),
     ('u', ('ab',)), ('et', (b'x',)), ('q', (1,)), ('i', [1]), ('ii', (1, 'x')),
    ]
    for f, a in cases:
        try: r = m.pt(f, a)
        except Exception as e: r = ('RAISED', type(e).__name__, str(e))
        out('pt', repr(f), repr(a), '->', repr(r))
    import array
    for f, a, label in [('y*', memoryview(b'xy'), 'memoryview'), ('w*', memoryview(b'xy'), 'read-only memoryview'),
                        ('w*', memoryview(bytearray(b'xy')), 'writable memoryview'), ('s#', memoryview(b'xy'), 'memoryview'),
                        ('y#', memoryview(b'xy'), 'memoryview'), ('y*', array.array('i', [1]), 'array'),
                        ('s*', array.array('b', [1]), 'array'), ('w*', array.array('b', [1]), 'array')]:
        try: r = m.pt(f, (a,))
        except Exception as e: r = ('RAISED', type(e).__name__, str(e))
        out('pt', repr(f), label, '->', repr(r))
    kws = [
     ('i|i:kf', (1,), {'b': 2}, ['a', 'b']), ('i|i:kf', (), {'b': 2}, ['a', 'b']), ('i|i:kf', (1,), {'a': 2}, ['a', 'b']), ('i|i:kf', (1,), {'c': 2}, ['a', 'b']),
     ('i|i', (1,), {'c': 2}, ['a', 'b']), ('i|i:kf', (1, 2, 3), None, ['a', 'b']), ('i|i:kf', (), {'a': 1, 'b': 2, 'c': 3}, ['a', 'b']),
     ('i|$i:kf', (1, 2), None, ['a', 'b']), ('|$i:kf', (1,), None, ['a']), ('i|$i:kf', (1,), {'b': 5}, ['a', 'b']), ('ii|i:kf', (), {'c': 1}, ['', 'a', 'b']),
     ('ii:kf', (1,), None, ['', 'a']), ('ii:kf', (), {'a': 1}, ['', 'a']), ('i:kf', (), {}, ['a']), ('i|i:kf', (1,), {'b': 'x'}, ['a', 'b']), ('i|i:kf', (1,), {1: 2}, ['a', 'b']),
     ('ii', (1,), {'b': 2}, ['a', 'b']), ('i|ii:kf', (1,), {'b': 2}, ['a', 'b']), ('i|i:kf', (1,), {'b': 2}, ['a', 'b', 'c']), ('i|i$i:kf', (1,), {'c': 9}, ['a', 'b', 'c']),
     ('i|i:kf', (1,), {'b': 2, 'a': 1}, ['a', 'b']), ('(ii)|s:kf', ((1, 2),), {'s': 'x'}, ['p', 's']), ('i|s#', (1,), {'b': 'xy'}, ['a', 'b']),
    ]
    for f, a, k, names_ in kws:
        try: r = m.pt(f, a, k, names_)
        except Exception as e: r = ('RAISED', type(e).__name__, str(e))
        out('kw', repr(f), repr(a), repr(k), names_, '->', repr(r))


def main():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        run()
    if "--regen" in sys.argv:
        EXPECTED.write_text("\n".join(LINES) + "\n")
        print(f"wrote {len(LINES)} lines")
        return 0
    expected = EXPECTED.read_text().splitlines()
    bad = 0
    for i, (want, got) in enumerate(zip(expected, LINES)):
        if want != got:
            bad += 1
            if bad <= 20:
                print(f"line {i + 1}:\n  expected {want[:300]}\n  got      {got[:300]}")
    if len(expected) != len(LINES):
        bad += 1
        print(f"expected {len(expected)} lines, got {len(LINES)}")
    print(f"Ran {len(LINES)} checks, {'OK' if not bad else f'{bad} FAILED'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
