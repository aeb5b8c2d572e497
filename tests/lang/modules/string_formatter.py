# _string: formatter_parser and formatter_field_name_split (what string.Formatter uses), with their errors.
import _string

for s in ['a{{b', 'x}}y', '{0!r:>{1}}', '{a[{]}', 'abc', '', '{}{}', '{a.b[c]!s}', '{a[:]}', '{:}',
          '{a!r}', '{{', '{x[a}b]}', '{0!r:x!y}', 'pre {0} mid {name.attr[3]:{w}.{p}f} post', '{a:{b:{c}}}',
          '{!r}', '{0:}', '\u20ac{0}\U0001f600', '{ 0 }', '}}{{']:
    print(repr(s), list(_string.formatter_parser(s)))

for s in ['{', '}', 'a{b', '{!}', '{a!rx}', '{a!}', '{0[}', '}x', '{a{b}', '{ab', 'ok{0}then}', '{0!']:
    it = _string.formatter_parser(s)
    got = []
    try:
        for item in it:
            got.append(item)
    except ValueError as e:
        print(repr(s), got, 'ValueError', e)
    else:
        print(repr(s), got)

for s in ['a.b[c]', '0[1].x', '', '.a', '[0]', '12x.y', 'a[1a]', '-1[0]', 'x[0][1].y.z', 'a[ ]', '0']:
    first, rest = _string.formatter_field_name_split(s)
    print(repr(s), repr(first), list(rest))

for s in ['a..b', 'a[', 'a[b]c', 'a[b]]', 'a.', 'a[]', 'a.b[0]x']:
    first, rest = _string.formatter_field_name_split(s)
    got = []
    try:
        for item in rest:
            got.append(item)
    except ValueError as e:
        print(repr(s), repr(first), got, 'ValueError', e)

print(type(_string.formatter_parser('')).__name__, type(_string.formatter_field_name_split('a')[1]).__name__)
it = _string.formatter_parser('a')
print(iter(it) is it)
for bad in [None, b'x', 3]:
    try:
        _string.formatter_parser(bad)
    except TypeError as e:
        print('TypeError', e)
    try:
        _string.formatter_field_name_split(bad)
    except TypeError as e:
        print('TypeError', e)

# A minimal vformat on top of the parser, the way string.Formatter does it.
def vformat(fmt, args, kwargs):
    out = []
    for literal, field, spec, conv in _string.formatter_parser(fmt):
        out.append(literal)
        if field is None:
            continue
        first, rest = _string.formatter_field_name_split(field)
        obj = args[first] if isinstance(first, int) else kwargs[first]
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        if conv == 'r':
            obj = repr(obj)
        elif conv == 's':
            obj = str(obj)
        spec = vformat(spec, args, kwargs) if spec else spec
        out.append(format(obj, spec))
    return ''.join(out)

class P:
    x = 3.14159
print(vformat('{0[1]!r:>6}|{p.x:{w}.{d}f}|{{lit}}', [['a', 'b']], {'p': P(), 'w': 8, 'd': 2}))
