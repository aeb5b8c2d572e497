# json over the native _json: scanstring, make_scanner, encode_basestring(_ascii); errors and their positions.
import json, _json
print(json.decoder.c_scanstring is _json.scanstring, json.scanner.c_make_scanner, json.encoder.c_encode_basestring_ascii is _json.encode_basestring_ascii)
docs = ['{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00"], "b": {}}', '[]', '[1,[2,[3]]]', '"\\n\\t\\/"',
        '  {"k" : 1 , "k": 2}  ', '-0', '1E5', '1e', '0.5e-3', 'NaN', '-Infinity', '[Infinity]', '12345678901234567890',
        '{"a":1,}', '[1,]', '[1 2]', '{"a" 1}', '{1: 2}', '"abc', '"a\x01b"', '"\\x"', '"\\u12"', '"\\ud800"', '"\\ud800\\u0041"',
        '', '[', '{', 'nul', 'tru', '-', '- 1', '01', '1.', '.5', '[1] x', '{"a": }', '"\\ud83d\\ude00\\ud83d"']
for d in docs:
    try:
        print(repr(d), repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print(repr(d), 'JSONDecodeError', e, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(d), type(e).__name__, e)
print(json.loads('"a\x01b"', strict=False), json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": 1, "b": [NaN]}', object_pairs_hook=list, parse_constant=repr), json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d)))
print(_json.scanstring('"abc" rest', 1), _json.scanstring('ab"', 0, False))
for a in [(5, 0), ('"x"', 10), ('"x"', -1)]:
    try: print(_json.scanstring(*a))
    except Exception as e: print(type(e).__name__, e)
for s in ['abc', 'é\u20ac\U0001f600\x00\x1f\x7f"\\\n', '\ud800']:
    print(_json.encode_basestring_ascii(s), ascii(_json.encode_basestring(s)), json.dumps(s), ascii(json.dumps(s, ensure_ascii=False)))
for bad in [5, b'x']:
    try: _json.encode_basestring_ascii(bad)
    except TypeError as e: print(e)
dec = json.JSONDecoder()
sc = _json.make_scanner(dec)
print(type(sc).__name__, sc('[1, 2] tail', 0), sc(string='{"a": 1}', idx=0))
for a in [('x', 0), ('  1', 0), ('1', 5), ('1', -1)]:
    try: print(sc(*a))
    except StopIteration as e: print('StopIteration', e.value)
    except Exception as e: print(type(e).__name__, e)
try: json.loads('[' * 5000)
except RecursionError as e: print('RecursionError', e)
print(json.dumps({"a": [1, 2, {"b": None}], "c": "é"}, sort_keys=True), json.loads(json.dumps(list(range(1000))))[-1])

print('--- encoder')
print(json.encoder.c_make_encoder is _json.make_encoder, _json.make_encoder)
import enum, decimal
class Color(enum.IntEnum):
    RED = 1
class FloatSub(float):
    def __repr__(self):
        return 'FloatSub!'
values = [None, True, False, 0, -5, 2**100, 1.5, 1e300, -0.0, 'é"\\\n\x00\U0001f600', [], {}, (), [1, [2, (3,)]],
          {'b': 1, 'a': [None, {'c': 'd'}]}, {1: 'int', 2.5: 'float', True: 'bool', None: 'none', 'x': Color.RED},
          [Color.RED, FloatSub(2.0)], {'k': ()}]
for v in values:
    print(json.dumps(v), ascii(json.dumps(v, ensure_ascii=False)), json.dumps(v, separators=(',', ':')))
    try:
        print(json.dumps(v, sort_keys=True))
    except TypeError as e:
        print('TypeError', e)
def attempt(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
attempt(json.dumps, float('nan'))
attempt(json.dumps, [float('inf'), float('-inf'), float('nan')])
attempt(json.dumps, float('inf'), allow_nan=False)
attempt(json.dumps, {(1, 2): 3})
attempt(json.dumps, {(1, 2): 3, 'a': 1}, skipkeys=True)
attempt(json.dumps, {1: 1, 'a': 2}, sort_keys=True)
attempt(json.dumps, object())
attempt(json.dumps, {1, 2}, default=sorted)
attempt(json.dumps, decimal.Decimal('1.5'), default=str)
a = []
a.append(a)
attempt(json.dumps, a)
d = {}
d['self'] = d
attempt(json.dumps, d)
attempt(json.dumps, a, check_circular=False)
class Loop:
    pass
attempt(json.dumps, Loop(), default=lambda o: o)
attempt(json.dumps, [[[[1]]]] * 3)
deep = []
cur = deep
for _ in range(5000):
    nxt = []
    cur.append(nxt)
    cur = nxt
attempt(json.dumps, deep)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(Enc().encode([1j, 2]), json.dumps({'a': 1}, indent=2), json.dumps('x', ensure_ascii=False))
enc = _json.make_encoder(None, str, _json.encode_basestring, None, ':', ',', True, False, True)
print(enc({'b': [1, 2], 'a': 'x'}, 0), enc.sort_keys, enc.key_separator)
attempt(_json.make_encoder, 5, str, str, None, ':', ',', True, False, True)
attempt(_json.make_encoder)
enc2 = _json.make_encoder({}, str, lambda s: 5, None, ':', ',', False, False, True)
attempt(enc2, ['x'], 0)
