# pickle over the native _pickle: the exact bytes dumps() writes for every protocol, round trips,
# Pickler/Unpickler hooks (persistent ids, dispatch_table, reducer_override, find_class, memo),
# protocol 5 out-of-band buffers, framing of large pickles, and the errors with their messages.
import collections, copyreg, io, pickle, pickletools, _pickle, sys

print(pickle.Pickler is _pickle.Pickler, pickle.dumps is _pickle.dumps, pickle.PickleBuffer is _pickle.PickleBuffer)


class Plain:
    def __init__(self, a=1):
        self.a = a
        self.b = [a, 'x']

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__


class Slotted:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1
        self.y = (2, 3)

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class WithState:
    def __init__(self):
        self.v = 5

    def __getstate__(self):
        return {'v': self.v * 2}

    def __setstate__(self, state):
        self.v = state['v'] + 1


class NewArgs(int):
    def __new__(cls, v, tag):
        self = super().__new__(cls, v)
        self.tag = tag
        return self

    def __getnewargs__(self):
        return (int(self), self.tag)


class NewArgsEx:
    def __new__(cls, *args, key=None):
        self = super().__new__(cls)
        self.key = key
        return self

    def __getnewargs_ex__(self):
        return ((), {'key': self.key})


class Nested:
    class Inner:
        pass


class MyList(list):
    pass


class MyDict(dict):
    pass


Point = collections.namedtuple('Point', 'x y')

rec_list = [1]
rec_list.append(rec_list)
rec_dict = {}
rec_dict['self'] = rec_dict
shared = [1, 2]
big = 2 ** 100
values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -129, 2 ** 31 - 1, 2 ** 31, -2 ** 31, -2 ** 31 - 1,
    2 ** 63, -2 ** 63, big, -big, 255 ** 40, 0.0, -0.0, 1.5, 1e300, float('inf'), -float('inf'),
    '', 'abc', 'é\u20ac\U0001f600', '\ud800', 'a\nb\\c\x00\r\x1a', 'x' * 300,
    b'', b'abc', b'\x00\xff' * 200, bytearray(b''), bytearray(b'xyz'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2, 3], list(range(1500)),
    {}, {'a': 1}, {'a': 1, 'b': [2]}, {i: str(i) for i in range(1200)}, set(), {1, 2, 3}, frozenset(), frozenset({1, 'a'}),
    [shared, shared, (shared,)], rec_list, rec_dict, Plain(), Slotted(), Plain, Nested.Inner, len, pickle.dumps,
    type(None), type(NotImplemented), type(...), NotImplemented, ..., complex(1, 2), range(1, 10, 2), slice(1, 2),
    Point(1, 2), MyList([1, 2]), MyDict(a=1), collections.OrderedDict(a=1), collections.deque([1, 2]),
    NewArgs(7, 'tag'), NewArgsEx(key='k'), WithState(), int, object, sys.maxsize,
]


def show(v):
    if type(v) in (list, dict, tuple) and len(v) > 20:
        return '%s of %d' % (type(v).__name__, len(v))
    r = ascii(v)
    return '<%s>' % type(v).__name__ if ' at 0x' in r else r


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        try:
            data = pickle.dumps(v, proto)
        except Exception as e:
            print(proto, show(v)[:60], type(e).__name__, e)
            continue
        back = pickle.loads(data)
        if v is rec_list:
            ok = back[1] is back
        elif v is rec_dict:
            ok = back['self'] is back
        elif isinstance(v, (WithState, NewArgsEx, NewArgs)):
            ok = type(back) is type(v) and back.__dict__ == getattr(v, '__dict__', {}) or type(back) is WithState
        else:
            ok = back == v or (v != v)
        digest = data if len(data) < 120 else (len(data), data[:40], data[-40:])
        print(proto, show(v)[:60], ok, ascii(digest))
        pickletools.dis(data, out=io.StringIO())
    print(proto, ascii(pickle.dumps(WithState(), proto)), pickle.loads(pickle.dumps(WithState(), proto)).v)

# Large pickles: frames of 64 KiB, big payloads outside frames, to a file and in memory.
big_list = [str(i) for i in range(11000)] + [b'x' * 70000, 'y' * 70000]
for proto in (2, 4, 5):
    data = pickle.dumps(big_list, proto)
    f = io.BytesIO()
    pickle.dump(big_list, f, proto)
    frames = [op.name for op, arg, pos in pickletools.genops(data)].count('FRAME')
    print(proto, len(data), frames, f.getvalue() == data, len(f.getvalue()), pickle.loads(data) == big_list)
    f.seek(0)
    print(pickle.load(f) == big_list, f.read())

# Several pickles in one file: the unpickler reads no further than each one's end.
f = io.BytesIO()
for v in (1, [2], 'three'):
    pickle.dump(v, f, 4)
f.write(b'tail')
f.seek(0)
print(pickle.load(f), pickle.load(f), pickle.load(f), f.read())

# Persistent ids, both ways.
class PPickler(pickle.Pickler):
    def persistent_id(self, obj):
        return 'ext' + obj if isinstance(obj, str) and obj.startswith('@') else None


class PUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return ('loaded', pid)


for proto in (0, 1, 4):
    f = io.BytesIO()
    PPickler(f, proto).dump(['@a', 'b', '@c'] if proto else ['b'])
    print(proto, ascii(f.getvalue()), PUnpickler(io.BytesIO(f.getvalue())).load())
try:
    pickle.loads(b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00K\x01Q.')
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)

# dispatch_table, reducer_override, copyreg.
class Custom:
    def __init__(self, v):
        self.v = v


def reduce_custom(obj):
    return (Custom, (obj.v * 10,))


f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dispatch_table = {Custom: reduce_custom}
p.dump(Custom(4))
print(ascii(f.getvalue()), pickle.loads(f.getvalue()).v)


class RO(pickle.Pickler):
    def reducer_override(self, obj):
        if obj == 'swap':
            return (str, ('swapped',))
        if isinstance(obj, Custom):
            return (Custom, (-obj.v,))
        return NotImplemented


f = io.BytesIO()
RO(f, 4).dump(['swap', Custom(3), 'keep'])
r = pickle.loads(f.getvalue())
print(ascii(f.getvalue()), r[0], r[1].v, r[2])
copyreg.pickle(Custom, lambda o: (Custom, (o.v + 100,)))
print(pickle.loads(pickle.dumps(Custom(1))).v)
del copyreg.dispatch_table[Custom]

# The extension registry.
copyreg.add_extension(__name__, 'Plain', 240)
copyreg.add_extension(__name__, 'Slotted', 0x1234)
print(ascii(pickle.dumps([Plain, Slotted], 2)), pickle.loads(pickle.dumps([Plain, Slotted], 2)) == [Plain, Slotted])
copyreg.remove_extension(__name__, 'Plain', 240)
copyreg.remove_extension(__name__, 'Slotted', 0x1234)

# fix_imports: Python 2 names for old protocols.
print(ascii(pickle.dumps([range, collections.UserDict, ConnectionError], 2)))
print(ascii(pickle.dumps(range, 2, fix_imports=False)))
print(pickle.loads(b'c__builtin__\nxrange\np0\n.'), pickle.loads(b'cUserDict\nUserDict\n.'))
print(pickle.loads(b'S\'abc\'\np0\n.'), pickle.loads(b'U\x03\xe9ab.', encoding='latin1'), pickle.loads(b'U\x02ab.', encoding='bytes'))

# The memo and its proxies.
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump(shared)
p.dump(shared)
print(ascii(f.getvalue()), len(p.memo.copy()), type(p.memo).__name__)
p.clear_memo()
p.dump(shared)
print(ascii(f.getvalue()[-12:]))
u = pickle.Unpickler(io.BytesIO(f.getvalue()))
print(u.load(), u.load(), sorted(u.memo.copy()), type(u.memo).__name__)
u2 = pickle.Unpickler(io.BytesIO(b'.'))
u2.memo = u.memo
print(sorted(u2.memo.copy()) == sorted(u.memo.copy()), len(u2.memo.copy()))

m = p.memo.copy()
print(id(shared) in m, m[id(shared)][0], sorted(v[0] for v in m.values()), p.memo.__reduce__()[0])
f = io.BytesIO()
q = pickle.Pickler(f, 2)
q.memo = {0: (7, shared)}
q.dump(shared)
print(ascii(f.getvalue()))
for bad in (5, {1: 5}):
    try:
        q.memo = bad
    except TypeError as e:
        print(e)

# Protocol 5 buffers.
buf = pickle.PickleBuffer(bytearray(b'abc'))
ro = pickle.PickleBuffer(b'def')
print(ascii(pickle.dumps([buf, ro], 5)), pickle.loads(pickle.dumps([buf, ro], 5)))
collected = []
data = pickle.dumps([buf, ro], 5, buffer_callback=collected.append)
print(ascii(data), len(collected))
back = pickle.loads(data, buffers=collected)
print(type(back[0]).__name__, bytes(back[0]), bytes(back[1]), back[1].readonly if hasattr(back[1], 'readonly') else None)
print(bytes(buf.raw()), buf.raw().format)
buf.release()
for thunk in [lambda: buf.raw(), lambda: pickle.dumps(ro, 4), lambda: pickle.loads(data),
              lambda: pickle.loads(data, buffers=[]), lambda: pickle.dumps(1, 4, buffer_callback=print)]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)

# Errors.
def local():
    def inner():
        pass
    return inner


class Unpicklable:
    def __reduce__(self):
        raise TypeError('nope')


class BadReduce:
    def __init__(self, r):
        self.r = r

    def __reduce__(self):
        return self.r


def show_error(e):
    return str(e).split(' object at 0x')[0]


for thunk in [lambda: pickle.dumps(local()), lambda: pickle.dumps(lambda: 0), lambda: pickle.dumps(Unpicklable()),
              lambda: pickle.dumps(BadReduce(5)), lambda: pickle.dumps(BadReduce((1,))),
              lambda: pickle.dumps(BadReduce((5, ()))), lambda: pickle.dumps(BadReduce((list, 5))),
              lambda: pickle.dumps(BadReduce((list, (), None, 5))), lambda: pickle.dumps(BadReduce('nothere')),
              lambda: pickle.dumps(1, 6), lambda: pickle.Pickler(5), lambda: pickle.Unpickler(5),
              lambda: pickle.dumps(1, 'x'), lambda: pickle.loads('str')]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, show_error(e))

bad_pickles = [b'', b'\x80', b'\x80\x04\x95\x05', b'K', b'Z', b'\xff', b'h\x05.', b'g5\n.', b'(N.', b'0.', b'1.',
               b'c__builtin__\nlen', b'\x80\x02]q\x00(K\x01K\x02e', b'(K\x01K\x02d.', b'}K\x01s.', b'\x80\x06N.',
               b'I12x\n.', b'N\x93.', b'\x85.', b'Vabc', b'S"abc\n.', b'cbuiltins\nnothere\n.', b'cnomodule\nx\n.',
               b'\x82\x05.', b'\x80\x05\x97.', b't.', b'a.', b'(]a.', b'NNb.', b'N}b.', b']N(Nu.', b'Kab.', b'N(2.']
for d in bad_pickles:
    try:
        print(ascii(d), ascii(pickle.loads(d)))
    except Exception as e:
        print(ascii(d), type(e).__name__, e)

# Opcodes the pickler does not write any more.
old = [b'(I1\nI2\nt.', b'(lp0\nI1\naL5L\na.', b'(dp0\nS\'k\'\np1\nF1.5\ns.', b'(c__main__\nPlain\no}b.',
       b'(i__main__\nPlain\n(dS\'a\'\nI3\nsb.', b'I01\n.', b'I00\n.', b'\x8a\x00.', b'\x8b\x02\x00\x00\x00\xff\x7f.',
       b'J\xff\xff\xff\xff.', b'M\xff\xff.', b'T\x03\x00\x00\x00abc.', b'X\x02\x00\x00\x00\xc3\xa9.', b'V\\u20ac\n.',
       b'B\x01\x00\x00\x00z.', b'\x8e\x01\x00\x00\x00\x00\x00\x00\x00z.', b'\x96\x01\x00\x00\x00\x00\x00\x00\x00z.',
       b'\x80\x04(K\x01\x91.', b'\x80\x04\x8f(K\x01K\x02\x90.', b'K\x01K\x022\x87.', b'(K\x01K\x021K\x03.',
       b'K\x05p7\ng7\n.', b'K\x05r\x00\x01\x00\x00j\x00\x01\x00\x00.', b'\x80\x04\x8c\x08builtins\x8c\x03len\x93.',
       b'\x80\x02c__builtin__\nset\n]\x85R.', b'\x80\x02c__main__\nPlain\n)\x81}b.']
for d in old:
    try:
        print(ascii(d), show(pickle.loads(d)), getattr(pickle.loads(d), '__dict__', None))
    except Exception as e:
        print(ascii(d), type(e).__name__, e)

# find_class restrictions in a subclass.
class Safe(pickle.Unpickler):
    def find_class(self, module, name):
        if module == 'builtins' and name == 'len':
            return super().find_class(module, name)
        raise pickle.UnpicklingError('forbidden %s.%s' % (module, name))


for obj in (len, print):
    try:
        print(Safe(io.BytesIO(pickle.dumps(obj))).load())
    except pickle.UnpicklingError as e:
        print(e)
print(issubclass(pickle.PicklingError, pickle.PickleError), pickle.PickleError.__module__, pickle.UnpicklingError.__mro__[1])
print(pickle.Pickler(io.BytesIO()).bin, pickle.Pickler(io.BytesIO(), 0).bin, pickle.Pickler(io.BytesIO()).fast)

# Speed: large flat containers go through the native loops.
items = list(range(2000)) + [str(i) for i in range(2000)]
assert pickle.loads(pickle.dumps(items)) == items
print('done')
