# Prints tests/unit/objects/stringlib_cases.inc, the expected results of the
# str and bytes methods that runtime/objects/stringlib.h implements, from
# python3.11:
#   python3.11 tests/unit/objects/gen_stringlib_cases.py > tests/unit/objects/stringlib_cases.inc
# The output is checked in, so building and testing do not need python3.11.
# The seed is fixed: rerunning prints the same file.  For a wider differential
# run, pass another seed and a scale for the row counts (the tables then
# differ from the committed ones; do not commit them):
#   python3.11 tests/unit/objects/gen_stringlib_cases.py 7 20 > tests/unit/objects/stringlib_cases.inc
#
# Strings are drawn from small alphabets, so that searches hit often, mixing
# the three str kinds (ASCII and Latin-1, BMP with a lone surrogate, astral),
# whitespace and line breaks of both str and bytes, and the characters whose
# case mappings are special (final sigma, ß, ligatures, titlecase digraphs,
# İ, Deseret).  Start and end run over None, small, negative, past-the-end
# and huge values (clamped to int64 as the runtime clamps them).
import random
import sys

assert sys.version_info[:2] == (3, 11)
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 311
SCALE = int(sys.argv[2]) if len(sys.argv) > 2 else 1
rnd = random.Random(SEED)
INT64_MAX = 2**63 - 1
INT64_MIN = -2**63

# ------------------------------------------------------------------ literals


def c_literal(chunks, has_nul):
    """Joins (text, is_escape) chunks into one literal, breaking it where a
    hex digit would extend the \\x escape before it."""
    out = '"'
    prev_hex = False
    for text, is_escape in chunks:
        if not is_escape and prev_hex and text[0] in '0123456789abcdefABCDEF':
            out += '" "'
        out += text
        prev_hex = is_escape
    return out + ('"sv' if has_nul else '"')


def escape_char(c):
    return '\\' + c if c in '"\\' else c


def cstr(s):
    """A C++ literal of the generalized UTF-8 of str s: printable characters
    as themselves, the others and surrogates as \\x escapes of their bytes."""
    chunks = []
    for c in s:
        cp = ord(c)
        if cp < 0x20 or cp == 0x7f or 0x80 <= cp < 0xa0 or 0xd800 <= cp < 0xe000 or cp in (0x2028, 0x2029):
            chunks.append((''.join('\\x%02x' % b for b in c.encode('utf-8', 'surrogatepass')), True))
        else:
            chunks.append((escape_char(c), False))
    return c_literal(chunks, '\0' in s)


def cbytes(raw):
    """A C++ literal of bytes: printable ASCII as itself, the rest as \\x escapes."""
    chunks = [('\\x%02x' % b, True) if b < 0x20 or b >= 0x7f else (escape_char(chr(b)), False) for b in raw]
    return c_literal(chunks, 0 in raw)


def lit(v):
    return cstr(v) if isinstance(v, str) else cbytes(v)


def enc_list(items):
    """A list of strings as one literal: each item as <utf-8 length>:<item>."""
    if not items:
        return '""'
    if isinstance(items[0], str):
        return cstr(''.join('%d:%s' % (len(x.encode('utf-8', 'surrogatepass')), x) for x in items))
    return cbytes(b''.join(b'%d:%s' % (len(x), x) for x in items))


def cint(v):
    v = max(INT64_MIN, min(INT64_MAX, v))
    if v == INT64_MAX:
        return 'kMax'
    if v == INT64_MIN:
        return 'kMin'
    return str(v)


def cidx(v, none):
    return none if v is None else cint(v)


def cbool(v):
    return 'true' if v else 'false'


# ------------------------------------------------------------------ strings

STR_SEARCH_ALPHABETS = ['ab', 'aab', 'abc', 'aé', 'a€', 'é€', 'a😀', 'ab€😀', 'ÿ\u0100', '\ud800a', 'a\U0010ffff']
BYTES_SEARCH_ALPHABETS = [b'ab', b'aab', b'abc', b'a\xe9', b'\x00a', b'\xff\x00']


def rand_from(alphabet, lo, hi):
    n = rnd.randint(lo, hi)
    return alphabet[:0].join(alphabet[i:i + 1] for i in (rnd.randrange(len(alphabet)) for _ in range(n)))


def index_choices(n):
    return [None, 0, 1, -1, 2, -2, 3, n - 1, n, n + 1, n + 2, -n, -n - 1, -n + 1, 10**20, -10**20,
            rnd.randint(-n - 3, n + 3)]


def needle_for(s, alphabet, wide):
    r = rnd.random()
    if r < 0.45 and s:
        i = rnd.randrange(len(s) + 1)
        j = rnd.randrange(i, min(len(s), i + 4) + 1)
        return s[i:j]
    if r < 0.9:
        return rand_from(alphabet, 0, 3)
    return wide


# Search: find, rfind, count, startswith, endswith over the same arguments.
def search_rows(alphabets, wide, count):
    rows = []
    seen = set()
    while len(rows) < count:
        alphabet = rnd.choice(alphabets)
        s = rand_from(alphabet, 0, 9)
        sub = needle_for(s, alphabet, wide)
        start = rnd.choice(index_choices(len(s)))
        end = rnd.choice(index_choices(len(s)))
        if rnd.random() < 0.25:
            end = None
            if rnd.random() < 0.5:
                start = None
        key = (s, sub, start, end)
        if key in seen:
            continue
        seen.add(key)
        rows.append((s, sub, start, end, s.find(sub, start, end), s.rfind(sub, start, end), s.count(sub, start, end),
                     s.startswith(sub, start, end), s.endswith(sub, start, end)))
    return rows


# Longer strings for the skip tables and the two-way fallback.
def long_search_rows(alphabets, count):
    rows = []
    for _ in range(count):
        alphabet = rnd.choice(alphabets)
        kind = rnd.random()
        if kind < 0.3:
            unit = rand_from(alphabet, 1, 4)
            s = unit * rnd.randint(5, 40) + rand_from(alphabet, 0, 5)
            sub = unit * rnd.randint(1, 6) + rand_from(alphabet, 0, 2)
        elif kind < 0.6:
            s = rand_from(alphabet, 20, 120)
            i = rnd.randrange(len(s))
            sub = s[i:i + rnd.randint(2, 30)]
        else:
            s = rand_from(alphabet, 20, 120)
            sub = rand_from(alphabet, 2, 12)
        rows.append((s, sub, None, None, s.find(sub), s.rfind(sub), s.count(sub), s.startswith(sub),
                     s.endswith(sub)))
    return rows


STR_SPLIT_ALPHABET = ['a', 'b', 'é', '€', '😀', ' ', ' ', '\t', '\n', '\x1c', '\x1f', '\x85', '\xa0', '\u3000',
                      '\u2028', '\u200b', ',', ',,']
BYTES_SPLIT_ALPHABET = [b'a', b'b', b'\xe9', b' ', b' ', b'\t', b'\n', b'\r', b'\x0b', b'\x0c', b'\x1c', b'\x85',
                        b'\xa0', b',', b',,', b'\x00']


def join_random(parts, lo, hi):
    return parts[0][:0].join(rnd.choice(parts) for _ in range(rnd.randint(lo, hi)))


def split_rows(parts, seps, count):
    rows = []
    seen = set()
    while len(rows) < count:
        s = join_random(parts, 0, 10)
        sep = rnd.choice(seps)
        maxsplit = rnd.choice([-1, -1, -1, 0, 1, 2, 3, 10, -7])
        if (s, sep, maxsplit) in seen:
            continue
        seen.add((s, sep, maxsplit))
        rows.append((s, sep, maxsplit, s.split(sep, maxsplit), s.rsplit(sep, maxsplit)))
    return rows


STR_LINE_PARTS = ['a', 'bc', 'é', '😀', ' ', '\n', '\r', '\r\n', '\n\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e',
                  '\x1f', '\x85', '\u2028', '\u2029', '\u2027']
BYTES_LINE_PARTS = [b'a', b'bc', b'\xe9', b' ', b'\n', b'\r', b'\r\n', b'\n\r', b'\x0b', b'\x0c', b'\x1c', b'\x85']


def splitlines_rows(parts, count):
    rows, seen = [], set()
    while len(rows) < count:
        s = join_random(parts, 0, 8)
        if s in seen:
            continue
        seen.add(s)
        rows.append((s, s.splitlines(), s.splitlines(True)))
    return rows


def partition_rows(alphabets, wide, count):
    rows, seen = [], set()
    while len(rows) < count:
        alphabet = rnd.choice(alphabets)
        s = rand_from(alphabet, 0, 9)
        sep = needle_for(s, alphabet, wide)
        if not sep or (s, sep) in seen:
            continue
        seen.add((s, sep))
        rows.append((s, sep, list(s.partition(sep)), list(s.rpartition(sep))))
    return rows


def replace_rows(alphabets, news, wide, count):
    rows, seen = [], set()
    while len(rows) < count:
        alphabet = rnd.choice(alphabets)
        s = rand_from(alphabet, 0, 9)
        old = needle_for(s, alphabet, wide)
        if rnd.random() < 0.1:
            old = old[:0]
        new = rnd.choice(news)
        n = rnd.choice([-1, -1, 0, 1, 2, 3, 100, -3])
        if (s, old, new, n) in seen:
            continue
        seen.add((s, old, new, n))
        rows.append((s, old, new, n, s.replace(old, new, n)))
    return rows


STR_STRIP_PARTS = ['a', 'b', 'é', '€', '😀', ' ', '\t', '\n', '\x1f', '\x85', '\xa0', '\u2028', '\u3000', '\u200b',
                   'x', 'xy']
BYTES_STRIP_PARTS = [b'a', b'b', b'\xe9', b' ', b'\t', b'\n', b'\r', b'\x0b', b'\x0c', b'\x1c', b'\x85', b'\xa0',
                     b'x', b'xy', b'\x00']


def strip_rows(parts, chars_choices, count):
    rows, seen = [], set()
    while len(rows) < count:
        s = join_random(parts, 0, 8)
        chars = rnd.choice(chars_choices)
        if (s, chars) in seen:
            continue
        seen.add((s, chars))
        rows.append((s, chars, s.strip(chars), s.lstrip(chars), s.rstrip(chars)))
    return rows


STR_TAB_PARTS = ['a', 'bc', 'défg', '😀', '\t', '\t', '\n', '\r', '\r\n', ' ', '\x0b', '\u2028']
BYTES_TAB_PARTS = [b'a', b'bc', b'd\xe9fg', b'\t', b'\t', b'\n', b'\r', b'\r\n', b' ', b'\x0b']


def expandtabs_rows(parts, count):
    rows, seen = [], set()
    while len(rows) < count:
        s = join_random(parts, 0, 8)
        tab = rnd.choice([8, 8, 0, -1, -8, 1, 2, 3, 4, 5, 16])
        if (s, tab) in seen:
            continue
        seen.add((s, tab))
        rows.append((s, tab, s.expandtabs(tab)))
    return rows


STR_PAD_PARTS = ['a', 'b', '+', '-', '0', 'é', '€', '😀', ' ']
BYTES_PAD_PARTS = [b'a', b'b', b'+', b'-', b'0', b'\xe9', b' ']
STR_FILLS = [' ', '*', 'é', '€', '😀', '\ud800', '\0']
BYTES_FILLS = [b' ', b'*', b'\xe9', b'\0']


def pad_rows(parts, fills, count):
    rows, seen = [], set()
    while len(rows) < count:
        s = join_random(parts, 0, 6)
        n = len(s)
        width = rnd.choice([-5, -1, 0, 1, n - 1, n, n + 1, n + 2, n + 3, n + 4, 9, 10, 11])
        fill = rnd.choice(fills)
        if (s, width, fill) in seen:
            continue
        seen.add((s, width, fill))
        rows.append((s, width, fill, s.zfill(width), s.center(width, fill), s.ljust(width, fill),
                     s.rjust(width, fill)))
    return rows


STR_JOIN_ITEMS = ['', 'a', 'bc', 'é', '€x', '😀', '\ud800']
BYTES_JOIN_ITEMS = [b'', b'a', b'bc', b'\xe9', b'\x00']


def join_rows(items, seps, count):
    rows, seen = [], set()
    while len(rows) < count:
        sep = rnd.choice(seps)
        parts = [rnd.choice(items) for _ in range(rnd.randint(0, 5))]
        key = (sep, tuple(parts))
        if key in seen:
            continue
        seen.add(key)
        rows.append((sep, parts, sep.join(parts)))
    return rows


# Case mapping: characters with special mappings or case properties.
CASE_CHARS = ['a', 'B', 'c', 'D', ' ', "'", '.', '1', '_', 'ß', 'é', 'É', 'ÿ', 'µ', 'ŉ', 'İ', 'ı', 'ǅ', 'ǆ', 'Ǆ',
              'ǈ', 'Σ', 'σ', 'ς', 'Α', 'ά', 'ΐ', 'ͅ', 'ᾳ', 'ᾼ', 'ῼ', 'ﬁ', 'ﬀ', 'ǰ', '\u0301', '\u00ad', 'ʰ',
              'ª', 'Ⅰ', 'ⅰ', 'Ⓐ', 'ⓐ', '𐐀', '𐐨', '😀', '中', '\u2028', '\ud800', 'ǲ', 'ᲀ', 'Ꭰ', 'ꭰ', '٣', '²',
              '½', '𝟘', 'A', 'Z']


def case_maps(s):
    return [s.lower(), s.upper(), s.casefold(), s.capitalize(), s.title(), s.swapcase()]


def bytes_case_maps(b):
    return [b.lower(), b.upper(), b'', b.capitalize(), b.title(), b.swapcase()]


def case_strings(count):
    out = []
    for c in CASE_CHARS:
        out.append(c)
    for cp in list(range(0x80, 0x100)) + list(range(0x370, 0x400)) + [0x1e9e, 0x2126, 0x212a, 0x212b]:
        out.append(chr(cp))
    sigma = ['Σ', 'ΑΣ', 'ΑΣ Β', 'ΑΣΒ', 'Σ', ' Σ ', 'ΑΣ\u0301', "Α'Σ", 'Α\u00adΣ.', 'ΑΣ\u0301Β', 'aΣ', 'aΣ1', 'Σa',
             '1Σ', 'ΑΣΑΣ', 'ΑΣ ΑΣ', 'ΑΣ.ΑΣ', 'ᾼΣ', 'ǅΣ', 'ΣΣ', 'aΣΣ', 'aΣ\u0301\u0301', 'a\u0301Σ', '𐐀Σ']
    out += sigma
    while len(out) < count:
        out.append(''.join(rnd.choice(CASE_CHARS) for _ in range(rnd.randint(0, 7))))
    return out


BYTES_CASE_CHARS = [b'a', b'B', b'c', b'D', b' ', b"'", b'1', b'_', b'\xe9', b'\xc9', b'\xff', b'\x00', b'z', b'Z',
                    b'@', b'[', b'`', b'{', b'\x7f', b'\x80']


def bytes_case_strings(count):
    out = [bytes([i]) for i in range(256)]
    while len(out) < count:
        out.append(b''.join(rnd.choice(BYTES_CASE_CHARS) for _ in range(rnd.randint(0, 7))))
    return out


STR_PREDICATES = ['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric',
                  'isprintable', 'isspace', 'istitle', 'isupper']
PRED_CHARS = CASE_CHARS + ['\t', '\n', '\x1c', '\xa0', '\u3000', '\x7f', '\x00', '\u0300', '\u2160', '\u00b2',
                           '\u0660', '\U0001d7ce', '\u4e00', '\u1885', '\u2118', '\u212e', '\u309b', '\uff3f',
                           '\u00b7', '\u0387', '\u1369', '\u19da']


def mask(v, names):
    m = 0
    for i, name in enumerate(names):
        f = getattr(v, name, None)
        if f is not None and f():
            m |= 1 << i
    return m


def predicate_strings(count):
    out = list(PRED_CHARS) + ['', 'Abc', 'ABC', 'abc', 'Abc Def', 'Abc def', 'ABc', 'A1', 'a1', '1', '_a', 'a_1',
                              'ǅungla', 'ǅUNGLA', 'Ǆungla', 'A ǅ', 'ΑΣ', 'Σς', 'ⅰⅱ', 'Ⅰⅱ', 'ª', 'ʰa', '٣٤', '½1',
                              '²', '  ', ' \t\n', '\x1c\x1d', 'a\u0301', '\u0301a', '𐐀𐐨', '𐐀𐐀', 'x\u2028']
    while len(out) < count:
        out.append(''.join(rnd.choice(PRED_CHARS) for _ in range(rnd.randint(1, 5))))
    return out


def bytes_predicate_strings(count):
    out = [bytes([i]) for i in range(256)] + [b'', b'Abc', b'ABC', b'abc', b'Abc Def', b'Abc def', b'ABc', b'A1',
                                              b'a1', b' \t\n\r\x0b\x0c', b'\x1c', b'\x85', b'a\xe9', b'A\xe9']
    while len(out) < count:
        out.append(b''.join(rnd.choice(BYTES_CASE_CHARS + [b'\t', b'\n', b'\x0b', b'\x1c', b'\xa0', b'0'])
                            for _ in range(rnd.randint(1, 5))))
    return out


# ------------------------------------------------------------------ tables


def emit_tables(out, prefix, v):
    def table(ctype, name, rows, fmt):
        out.append('constexpr %s k%s%s[] = {' % (ctype, prefix, name))
        for r in rows:
            out.append('    {%s},' % fmt(r))
        out.append('};')
        out.append('')

    table('SearchCase', 'SearchCases', v['search'], lambda r: '%s, %s, %s, %s, %d, %d, %d, %s, %s' % (
        lit(r[0]), lit(r[1]), cidx(r[2], 'kNoStart'), cidx(r[3], 'kNoEnd'), r[4], r[5], r[6], cbool(r[7]),
        cbool(r[8])))
    table('SplitCase', 'SplitCases', v['split'], lambda r: '%s, %s, %s, %s, %s, %s' % (
        lit(r[0]), cbool(r[1] is not None), lit(r[1] if r[1] is not None else r[0][:0]), r[2], enc_list(r[3]),
        enc_list(r[4])))
    table('SplitlinesCase', 'SplitlinesCases', v['splitlines'], lambda r: '%s, %s, %s' % (
        lit(r[0]), enc_list(r[1]), enc_list(r[2])))
    table('PartitionCase', 'PartitionCases', v['partition'], lambda r: '%s, %s, %s, %s' % (
        lit(r[0]), lit(r[1]), enc_list(r[2]), enc_list(r[3])))
    table('ReplaceCase', 'ReplaceCases', v['replace'], lambda r: '%s, %s, %s, %d, %s' % (
        lit(r[0]), lit(r[1]), lit(r[2]), r[3], lit(r[4])))
    table('StripCase', 'StripCases', v['strip'], lambda r: '%s, %s, %s, %s, %s, %s' % (
        lit(r[0]), cbool(r[1] is not None), lit(r[1] if r[1] is not None else r[0][:0]), lit(r[2]), lit(r[3]),
        lit(r[4])))
    table('ExpandtabsCase', 'ExpandtabsCases', v['expandtabs'], lambda r: '%s, %d, %s' % (
        lit(r[0]), r[1], lit(r[2])))
    table('PadCase', 'PadCases', v['pad'], lambda r: '%s, %d, %s, %s, %s, %s, %s' % (
        lit(r[0]), r[1], lit(r[2]), lit(r[3]), lit(r[4]), lit(r[5]), lit(r[6])))
    table('JoinCase', 'JoinCases', v['join'], lambda r: '%s, %s, %s' % (lit(r[0]), enc_list(r[1]), lit(r[2])))
    table('CaseMapCase', 'CaseMapCases', v['case'], lambda r: ', '.join(lit(x) for x in r))
    table('PredicateCase', 'PredicateCases', v['pred'], lambda r: '%s, 0x%03x' % (lit(r[0]), r[1]))


def str_values():
    wide = '\U0001F600'
    search = (search_rows(STR_SEARCH_ALPHABETS, wide, 2000 * SCALE) +
              long_search_rows(STR_SEARCH_ALPHABETS, 200 * SCALE))
    splits = split_rows(STR_SPLIT_ALPHABET, [None, None, ' ', ',', ',,', 'a', 'é', '\u3000', '😀', ' a', '\n'],
                        700 * SCALE)
    strip_chars = [None, None, '', ' ', 'a', 'ab', 'xa', 'é', '€😀', 'yx', ' \t', '\u3000a', '\x85\xa0',
                   '😀 ' + '\u200b']
    strip_s = strip_rows(STR_STRIP_PARTS, strip_chars, 500 * SCALE)
    case = [(s, *case_maps(s)) for s in case_strings(900 * SCALE)]
    pred = [(s, mask(s, STR_PREDICATES)) for s in predicate_strings(900 * SCALE)]
    return {
        'search': search,
        'split': splits,
        'splitlines': splitlines_rows(STR_LINE_PARTS, 400 * SCALE),
        'partition': partition_rows(STR_SEARCH_ALPHABETS, '\U0001F600', 450 * SCALE),
        'replace': replace_rows(STR_SEARCH_ALPHABETS, ['', 'x', 'é', '€€', '😀', 'ab', '\ud800'], wide,
                                1000 * SCALE),
        'strip': strip_s,
        'expandtabs': expandtabs_rows(STR_TAB_PARTS, 300 * SCALE),
        'pad': pad_rows(STR_PAD_PARTS, STR_FILLS, 450 * SCALE),
        'join': join_rows(STR_JOIN_ITEMS, ['', ',', 'é', '€', '😀', ', '], 300 * SCALE),
        'case': case,
        'pred': pred,
    }


def bytes_values():
    search = (search_rows(BYTES_SEARCH_ALPHABETS, b'\xe9\xe9', 1000 * SCALE) +
              long_search_rows(BYTES_SEARCH_ALPHABETS, 100 * SCALE))
    splits = split_rows(BYTES_SPLIT_ALPHABET, [None, None, b' ', b',', b',,', b'a', b'\xe9', b'\x00', b' a'],
                        400 * SCALE)
    strip_chars = [None, None, b'', b' ', b'a', b'ab', b'xa', b'\xe9', b'yx', b' \t', b'\x85\xa0', b'\x00']
    return {
        'search': search,
        'split': splits,
        'splitlines': splitlines_rows(BYTES_LINE_PARTS, 250 * SCALE),
        'partition': partition_rows(BYTES_SEARCH_ALPHABETS, b'\xe9\xe9', 300 * SCALE),
        'replace': replace_rows(BYTES_SEARCH_ALPHABETS, [b'', b'x', b'\xe9', b'ab', b'\x00\x00'], b'\xe9\xe9',
                                600 * SCALE),
        'strip': strip_rows(BYTES_STRIP_PARTS, strip_chars, 300 * SCALE),
        'expandtabs': expandtabs_rows(BYTES_TAB_PARTS, 200 * SCALE),
        'pad': pad_rows(BYTES_PAD_PARTS, BYTES_FILLS, 250 * SCALE),
        'join': join_rows(BYTES_JOIN_ITEMS, [b'', b',', b'\xe9', b', '], 200 * SCALE),
        'case': [(b, *bytes_case_maps(b)) for b in bytes_case_strings(450 * SCALE)],
        'pred': [(b, mask(b, STR_PREDICATES)) for b in bytes_predicate_strings(450 * SCALE)],
    }


out = ['// Generated by gen_stringlib_cases.py with python3.11; do not edit.', '// clang-format off']
sv, bv = str_values(), bytes_values()
emit_tables(out, 'Str', sv)
emit_tables(out, 'Bytes', bv)
out.append('// clang-format on')
print('\n'.join(out))
print(' '.join('%s=%d+%d' % (k, len(sv[k]), len(bv[k])) for k in sv), file=sys.stderr)
