# Native types of modules carry their module in tp_name ("collections.deque"):
# error messages name them with it, reprs as CPython does, and __name__,
# __qualname__, __module__ split it.
import collections, itertools, mmap, _io, io, array, functools, operator, struct, _random, zlib, select, time, os, sys, _thread, _struct, _collections, weakref, _queue, _csv, _json, re, _socket, datetime
objs = [collections.deque(), itertools.count(), itertools.repeat(1), itertools.chain(), mmap.mmap(-1, 10), io.StringIO(), io.BytesIO(),
        array.array('i'), functools.partial(len), operator.itemgetter(1), operator.attrgetter('a'), operator.methodcaller('a'),
        struct.Struct('i'), _random.Random(), zlib.compressobj(), zlib.decompressobj(), select.poll(), time.gmtime(0), os.stat_result(range(10)),
        _thread.allocate_lock(), _thread.RLock(), collections.defaultdict(), iter(collections.deque()),
        _queue.SimpleQueue(), re.compile('a'), functools.reduce, _thread.get_ident, os.getcwd, itertools.islice([], 1),
        itertools.groupby([]), itertools.product(), itertools.permutations([]), itertools.zip_longest(), itertools.tee([])[0],
        itertools.accumulate([]), itertools.starmap(len, []), itertools.pairwise([]), io.TextIOWrapper(io.BytesIO()), io.BufferedReader(io.BytesIO()),
        io.FileIO(0, closefd=False), sys.flags, sys.version_info, os.scandir('.'), functools.lru_cache()(len), collections.deque().__iter__(),
        (x for x in [])]
for o in objs:
    t = type(o)
    print(repr(t), t.__name__, t.__qualname__, t.__module__)
    for f in [lambda: o + 1, lambda: o < o, lambda: len(o), lambda: o[0], lambda: o.nope, lambda: hash(o), lambda: iter(o), lambda: o(), lambda: -o, lambda: o.__dict__]:
        try:
            f()
        except Exception as e:
            print("  ", type(e).__name__, e)

# reprs: CPython's reprs name the type bare ("deque([])") where they use
# _PyType_Name, with its module where they use tp_name.
import re as _re
def show(o):
    print(_re.sub(r'0x[0-9a-f]+', 'ADDR', repr(o)))
for o in objs:
    if type(o).__name__ not in ("FileIO", "TextIOWrapper", "BufferedReader", "ScandirIterator"):
        show(o)
class D(collections.deque): pass
class C(collections.defaultdict): pass
class R(_thread.RLock): pass
show(D([1])); show(C(int)); show(collections.deque.append); show(collections.deque().append)
show(_thread.RLock()); show(R()); show(_thread.allocate_lock())
show(zlib.error('x')); show(_queue.Empty()); show(itertools.count(3)); show(itertools.repeat('a', 2))
show(collections.deque.__dict__['maxlen']); show(io.StringIO.__dict__['getvalue'])
show(type(D())); show(itertools.count); show(mmap.mmap)
try:
    type(os.scandir('.'))()
except TypeError as e:
    print(e)
for t in [collections.deque, itertools.count, mmap.mmap, io.StringIO, functools.partial, operator.itemgetter, struct.Struct, re.Pattern, array.array, zlib.error, select.poll, _thread.LockType, int, str, type(None)]:
    print(repr(t), t.__name__, t.__qualname__, t.__module__)

# descriptors and errors of native module types
def t2(label, f):
    try:
        r = f(); print(label, "OK", repr(r)[:80] if "0x" not in repr(r) else type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)
t2(1, lambda: collections.deque.append(1, 2))
t2(2, lambda: collections.deque.append)
t2(3, lambda: collections.deque.maxlen)
t2(4, lambda: collections.deque.__dict__["maxlen"].__get__(1))
t2(5, lambda: io.StringIO.getvalue(1))
t2(6, lambda: io.StringIO.closed.__get__(1))
t2(7, lambda: mmap.mmap.__len__(1))
t2(8, lambda: collections.deque.__len__)
t2(9, lambda: collections.deque.__init__(1))
t2(10, lambda: array.array.__dict__["typecode"])
t2(11, lambda: itertools.count.__new__(int))
t2(12, lambda: collections.deque.__new__(int))
t2(13, lambda: object.__new__(collections.deque))
t2(14, lambda: collections.deque().__class__.__name__)
t2(15, lambda: setattr(collections.deque(), "x", 1))
t2(16, lambda: setattr(collections.deque, "x", 1))
t2(17, lambda: collections.deque() < 1)
t2(18, lambda: struct.Struct("i").pack("x"))
t2(19, lambda: re.compile("a").match(1))
t2(20, lambda: format(collections.deque(), "x"))
t2(21, lambda: iter(collections.deque()).__reduce__.__qualname__)
t2(22, lambda: collections.deque().append.__qualname__)
t2(23, lambda: collections.deque.append.__qualname__)
t2(24, lambda: mmap.mmap.find.__qualname__)
t2(25, lambda: [x for x in zlib.compressobj()])
t2(26, lambda: {collections.deque(): 1})
t2(27, lambda: collections.deque()[1:2])
t2(28, lambda: collections.deque().__init__(1, 2, 3))
t2(29, lambda: len(itertools.count()))
t2(30, lambda: io.StringIO() + 1)
t2(31, lambda: del_(collections.deque()))
