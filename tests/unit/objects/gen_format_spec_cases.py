# Prints tests/unit/objects/format_spec_cases.inc, the expected results of
# format(value, spec) and of bad specs, from python3.11:
#   python3.11 tests/unit/objects/gen_format_spec_cases.py > tests/unit/objects/format_spec_cases.inc
# The output is checked in, so building and testing do not need python3.11.
# The seed is fixed: rerunning prints the same file.
import random, sys, math
assert sys.version_info[:2] == (3, 11)
rnd = random.Random(4)

def cstr(s):
    # UTF-8 text as is; control characters and surrogates as \x escapes.
    out = '"'
    prev_hex = False
    for c in s:
        cp = ord(c)
        if cp < 0x20 or cp == 0x7f or 0xd800 <= cp < 0xe000:
            for byte in c.encode('utf-8', 'surrogatepass'):
                out += '\\x%02x' % byte
            prev_hex = True
            continue
        if prev_hex and c in '0123456789abcdefABCDEF':
            out += '" "'
        prev_hex = False
        if c in '"\\':
            out += '\\' + c
        elif c == '?':
            out += '?'
        else:
            out += c
    return out + ('"sv' if '\0' in s else '"')

def run(v, spec):
    try:
        return True, format(v, spec)
    except ValueError as e:
        return False, str(e)

fills = ['', '<', '>', '^', '=', '*<', '*>', '*^', '*=', 'é<', 'é^', '€=', '😀>', '0<', '0^', '0=', '{>', ' ^']
signs = ['', '+', '-', ' ']
zs = ['', 'z']
alts = ['', '#']
zeros = ['', '0']
widths = ['', '1', '5', '8', '12', '20', '25']
groups = ['', ',', '_']
precs = ['', '.0', '.1', '.2', '.3', '.6', '.10', '.17', '.20']

def rand_spec(types, allow_z=True, allow_prec=True):
    s = rnd.choice(fills) + rnd.choice(signs)
    if allow_z and rnd.random() < 0.2: s += 'z'
    s += rnd.choice(alts) + rnd.choice(zeros) + rnd.choice(widths) + rnd.choice(groups)
    if allow_prec: s += rnd.choice(precs)
    return s + rnd.choice(types)

# ------------------------------------------------------------------ floats
float_values = [0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 0.5, 1.5, 2.5, 2.675, 0.125, 0.375, 1e16, 1e15, 9999999999999998.0,
                123456789.0, -123456789.0, 1234.5678, 1e-4, 1e-5, 0.0001234, 3.141592653589793, -2.718281828459045,
                1e100, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e22, 1e23, 123.0, 100.0, 0.001,
                -0.0004, 999.9999, 9.5, 0.05, 1/3, 2/3, 12345.6789e10, -987654.321, float('inf'), float('-inf'),
                float('nan'), -float('nan'), 7.0, 0.995, 1.005, 1e-320, 4.35, 255.0, 65536.0]
float_types = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%']
curated_float = [
    (2.675, '.2f'), (1e16, ''), (0.1, '.17g'), (123456789.0, ',.2f'), (0.1, '%'), (0.125, '.2f'), (0.375, '.2f'),
    (2.5, '.0f'), (3.5, '.0f'), (0.5, '.0f'), (1.5, '.0e'), (1e16, '.0'), (1.0, '.0'), (1.0, '#.0'), (1.0, '#'),
    (1e16, '#'), (1.0, '#g'), (1.0, '#.0e'), (1.0, '#.0f'), (1.0, '#.0%'), (0.0, '#.3g'), (123.0, '.3'),
    (123.0, '.2'), (1e-5, ''), (1e-4, ''), (0.0001, '.3'), (1234567.0, 'n'), (1234567.0, '.3n'), (-0.0, ''),
    (-0.0, 'z'), (-0.0, 'z.2f'), (-0.0001, 'z.2f'), (-0.0001, '.2f'), (-0.0001, 'z.1e'), (-0.0001, 'z.2g'),
    (-0.0001, 'z.2%'), (-0.000001, 'z.2%'), (-0.0, '+z'), (-0.0, ' z'), (-1e-300, 'z'), (-0.5, 'z.0f'),
    (float('nan'), 'z'), (-float('nan'), '+'), (float('-inf'), 'z'), (float('inf'), '010'),
    (float('-inf'), '010'), (float('nan'), '010,'), (float('inf'), 'F'), (float('nan'), 'E'),
    (float('-inf'), '+G'), (float('inf'), '%'), (float('inf'), '=+10'), (1234.5, '010,.1f'),
    (1234.5, '011,.1f'), (1234.5, '012,.1f'), (1234.5, '0=12,.1f'), (1234.5, '0<12,.1f'), (1234.5, '0>12,.1f'),
    (-1234.5, '012,.1f'), (-1234.5, '+012_.1f'), (1234.5, '012_'), (1e20, ',f'), (1e20, '_'), (1e20, ','),
    (1e15, ','), (1e16, ','), (123456.0, ',e'), (123456.0, ',g'), (123456.0, ',G'), (0.5, '%'),
    (1234.5678, ',%'), (1234.5678, '_.1%'), (1.0, '.20f'), (0.1, '.30f'), (0.1, '.60e'), (5e-324, '.800e'),
    (1.7976931348623157e308, 'f'), (1.7976931348623157e308, ',.0f'), (5e-324, 'f'), (5e-324, '.330f'),
    (5e-324, 'g'), (5e-324, ''), (1e23, ''), (1e22, ''), (9999999999999998.0, ''), (0.1 + 0.2, ''),
    (1.0, 'é^15'), (1.0, '😀<9'), (-1.0, '€=9'), (1.0, '\u0661\u0660'), (1.0, '.\u0663f'), (2.5, '.1g'),
    (0.25, '.1f'), (0.35, '.1f'), (9.995, '.2f'), (99.5, '.2g'), (99.5, '.3g'), (0.00001, 'g'), (0.0001, 'g'),
    (123456.0, 'g'), (1234567.0, 'g'), (1234567.0, '#g'), (1234567.0, '#.10g'), (100.0, '#.3g'),
    (100.0, '.3g'), (100.0, '#.2g'), (1e-10, '#'), (12.0, '#.5'), (0.0, 'e'), (0.0, '.0e'), (0.0, '#.0e'),
    (0.0, '%'), (0.0, 'g'), (0.0, '#g'), (0.0, 'n'), (1e300, '.3e'), (1e-300, '.3E'), (1.0, '^'),
    (1.0, '<'), (1.0, '='), (-1.0, '^+10'), (-1.0, '=10'), (-1.0, '0=10'), (-1.0, 'x<010'), (-1.0, '<010'),
    (-1.0, '^010'), (1.0, ' 010'), (1.0, '+010'), (1.0, ' 010,'),
]
float_rows = []
seen = set()
def add_float(v, s):
    key = (repr(v), math.copysign(1, v) if not math.isnan(v) else 0, s)
    if key in seen: return
    seen.add(key)
    ok, r = run(v, s)
    if ok: float_rows.append((v, s, r))
for v, s in curated_float: add_float(v, s)
for v in float_values:
    for t in float_types:
        add_float(v, t)
        add_float(v, '.3' + t)
for _ in range(700):
    add_float(rnd.choice(float_values), rand_spec(float_types))

# ------------------------------------------------------------------ ints
int_values = [0, 1, -1, 7, -7, 42, 255, -255, 1000, 1234, -1234, 65535, 123456789, -123456789, 2**31, -2**31,
              2**63 - 1, -2**63, 10**15, 999, 1000000]
int_types = ['', 'b', 'o', 'x', 'X', 'd', 'n', 'c', 'e', 'E', 'f', 'F', 'g', 'G', '%']
curated_int = [
    (1234, '010,'), (1234, '06,'), (1234, '07,'), (1234, '08,'), (1234, '05,'), (1234, '09_'), (-1234, '010,'),
    (-1234, '+010_'), (1234, '0=10,'), (1234, '0<10,'), (1234, '<010,'), (1234, '^010,'), (255, '#x'),
    (255, '#X'), (255, '#010x'), (255, '#010X'), (-255, '#010x'), (-255, '#b'), (255, '#o'), (255, '_b'),
    (255, '#_b'), (65535, '_x'), (65535, '#_X'), (65535, '#012_x'), (65535, '012_x'), (123456789, '_o'),
    (123456789, '_'), (123456789, ','), (123456789, '_d'), (123456789, ',d'), (0, '#b'), (0, '#x'),
    (0, '010,'), (0, '+'), (0, ' '), (-0, '-'), (65, 'c'), (65, '05c'), (65, '<5c'), (65, '^5c'),
    (65, '0=5c'), (233, 'c'), (0x1F600, '*^7c'), (1234567, 'n'), (1234567, '015n'), (-1234567, '015n'),
    (5, '\u0661\u0660'), (5, '0\u0661\u0660'), (5, '\u0660\u0665'), (1234, 'é=+12,'), (1234, '😀^13_'),
    (10**15, ','), (10**15, '.2e'), (10**15, '%'), (1, '.0%'), (3, '.2f'), (7, 'z.3f'), (10**16, ''),
    (2**63 - 1, 'g'), (2**63 - 1, '.20e'), (-2**63, ',f'), (42, '{^8'), (42, '}>8'), (42, '#>8'),
]
int_rows = []
iseen = set()
def add_int(v, s):
    if (v, s) in iseen: return
    iseen.add((v, s))
    ok, r = run(v, s)
    if ok: int_rows.append((v, s, r))
for v, s in curated_int: add_int(v, s)
for v in int_values:
    for t in int_types:
        if t == 'c' and not (0 <= v < 0x110000): continue
        add_int(v, t)
for _ in range(600):
    t = rnd.choice(int_types)
    v = rnd.choice(int_values)
    if t == 'c' and not (0 <= v < 0x110000): continue
    add_int(v, rand_spec([t], allow_z=t in 'eEfFgG%' and t != '', allow_prec=t in 'eEfFgG%' and t != ''))

# big ints: digits supplied in the base
big_rows = []
for v in [2**100, -2**100, 10**40 + 123, -(3**90)]:
    for s in ['', ',', '_', '#x', '#_X', '_b', '#o', '050,', '+060_d', '#060_x', '^70', 'n', '=+45']:
        ok, r = run(v, s)
        assert ok
        t = s[-1] if s and s[-1] in 'boxXdn' else 'd'
        mag = abs(v)
        digits = {'b': format(mag, 'b'), 'o': format(mag, 'o'), 'x': format(mag, 'x'), 'X': format(mag, 'x'),
                  'd': str(mag), 'n': str(mag)}[t]
        big_rows.append((v < 0, digits, s, r))

# ------------------------------------------------------------------ strs
str_values = ['', 'a', 'abc', 'hello world', 'été', '😀x😀', '\u4e2d\u6587\u5b57', 'e\u0301', '\udc80z',
              'tab\there', 'x' * 30]
str_curated = [
    ('abc', '05'), ('abc', '<05'), ('abc', '>05'), ('abc', '^06'), ('abc', '0>6'), ('abc', 'é^9'),
    ('été', '.2'), ('😀x😀', '.1'), ('😀x😀', '😀^7.2'), ('abc', '.0'), ('abc', '10.1'), ('abc', '^10.2s'),
    ('abc', '\u0661\u0660'), ('abc', '.\u0662'), ('', '^5'), ('', '.0'), ('\udc80z', '*^6'), ('abc', '}<5'),
    ('abc', '=<5'), ('abc', '<<5'), ('abc', '^^5'), ('abc', '>>5'), ('abc', '0'), ('abc', '00'),
    ('abc', '1'), ('abc', '3'), ('abcd', '^7'), ('abcd', '^8'), ('abc', 'z<5'),
]
str_rows = []
sseen = set()
def add_str(v, s):
    if (v, s) in sseen: return
    sseen.add((v, s))
    ok, r = run(v, s)
    if ok: str_rows.append((v, s, r))
for v, s in str_curated: add_str(v, s)
str_fills = ['', '<', '>', '^', '*<', '*>', '*^', 'é<', 'é^', '€>', '😀^', '0<', '0^', '0>', ' ^', '=^']
for _ in range(300):
    s = rnd.choice(str_fills) + rnd.choice(['', '0']) + rnd.choice(['', '0', '1', '2', '5', '8', '13', '20'])
    s += rnd.choice(['', '', '.0', '.1', '.2', '.3', '.5', '.12']) + rnd.choice(['', 's'])
    add_str(rnd.choice(str_values), s)

# ------------------------------------------------------------------ errors
error_specs = {
    'str': ['xx', '+', '-', ' ', 'z', '#', '=', '*=5', ',', '_', '.', 'd', 'x', 'é', '\x01', '\x7f', '10,_',
            '_,', ',_', '5.x', '.s5', '99999999999999999999', '.99999999999999999999', '+#=', 'z#', '#=',
            '0=5', ',s', '<<<', 'ss', '.2.3', '\u0661\u0660d', '1,2'],
    'int': ['.2', 'z', 'zd', '+c', '-c', ' c', '#c', ',c', '_c', ',_', '_,', ',b', ',o', ',x', ',X', '_n', ',n',
            ',é', '\x01', '\x7f', 's', 'é', '😀', 'c.1', '.2d', '.2x', '99999999999999999999', '.',
            '.2147483648f', '10,_d', 'dd', '=<>', '+z5', '#.2', 'i', 'r', 'a'],
    'float': ['d', ',s', 'é', '\x7f', '.', '5.x', '10,_f', 'x', 'b', 'c', 's', ',n', '_n', ',b', '_x', 'ff',
              '.2147483648f', '.2147483648', '99999999999999999999', '.99999999999999999999', '+-', 'z+',
              '#z', '0z', ',_', '_,f', 'r', '\U0001F600'],
}
error_rows = []
for kind, specs in error_specs.items():
    v = {'str': 'abc', 'int': 1, 'float': 1.0}[kind]
    for s in specs:
        ok, r = run(v, s)
        assert not ok, (kind, s, r)
        error_rows.append((kind, s, r))
# subclass type names
class MyFloat(float): pass
class MyInt(int): pass
class MyStr(str): pass
for kind, cls, s in [('float', MyFloat, 'x'), ('int', MyInt, 'q'), ('str', MyStr, 'd'), ('int', bool, 's'),
                     ('str', MyStr, 'abc')]:
    ok, r = run(cls(1) if kind != 'str' else cls('a'), s)
    assert not ok
    error_rows.append((kind + ':' + cls.__name__, s, r))

# ------------------------------------------------------------------ output
def cdouble(v):
    if math.isnan(v):
        return '-kNan' if math.copysign(1, v) < 0 else 'kNan'
    if math.isinf(v):
        return '-kInf' if v < 0 else 'kInf'
    if v == 0:
        return '-0.0' if math.copysign(1, v) < 0 else '0.0'
    return v.hex().replace('0x1.0000000000000p', '0x1p')

def cint(v):
    if v == -2**63: return 'INT64_MIN'
    return str(v) + ('LL' if abs(v) > 2**31 else '')

out = []
out.append('// Generated by gen_format_spec_cases.py with python3.11; do not edit.')
out.append('// clang-format off')
out.append('constexpr FloatCase kFloatCases[] = {')
for v, s, r in float_rows:
    out.append('    {%s, %s, %s},' % (cdouble(v), cstr(s), cstr(r)))
out.append('};')
out.append('')
out.append('constexpr IntCase kIntCases[] = {')
for v, s, r in int_rows:
    out.append('    {%s, %s, %s},' % (cint(v), cstr(s), cstr(r)))
out.append('};')
out.append('')
out.append('constexpr BigIntCase kBigIntCases[] = {')
for neg, d, s, r in big_rows:
    out.append('    {%s, %s, %s, %s},' % ('true' if neg else 'false', cstr(d), cstr(s), cstr(r)))
out.append('};')
out.append('')
out.append('constexpr StrCase kStrCases[] = {')
for v, s, r in str_rows:
    out.append('    {%s, %s, %s},' % (cstr(v), cstr(s), cstr(r)))
out.append('};')
out.append('')
out.append('constexpr ErrorCase kErrorCases[] = {')
for k, s, r in error_rows:
    kind, _, name = k.partition(':')
    name = name or kind
    out.append('    {Kind::k%s, "%s", %s, %s},' % (kind.capitalize(), name, cstr(s), cstr(r)))
out.append('};')
out.append('// clang-format on')
print('\n'.join(out))
print(len(float_rows), len(int_rows), len(big_rows), len(str_rows), len(error_rows), file=sys.stderr)
