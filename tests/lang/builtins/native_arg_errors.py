# Argument-count and keyword errors of native functions and methods: the
# wording depends on how CPython parses the arguments (METH_NOARGS, METH_O,
# Argument Clinic, PyArg_ParseTuple, METH_VARARGS vs a method descriptor),
# and METH_O/NOARGS/FASTCALL messages name module functions with their module.
import mmap, array
import math, struct, itertools, operator, _operator, time, os, pwd, grp, fcntl, collections, functools, sys, cmath, binascii, select, marshal, zlib, array, _struct, _collections, _functools, _bisect, _heapq, _random, _string, codecs, _codecs, errno, _weakref, atexit, gc, posix, signal, _io, io
def t(label, f):
    try:
        f()
        print(label, "OK")
    except Exception as e:
        print(label, type(e).__name__, str(e))

cases = {
 "len0": lambda: len(), "len2": lambda: len(1, 2), "lenkw": lambda: len(obj=1),
 "isinstance1": lambda: isinstance(1), "isinstancekw": lambda: isinstance(1, int, x=1),
 "divmod1": lambda: divmod(1), "divmodkw": lambda: divmod(1, b=2),
 "getattr1": lambda: getattr(1), "getattr4": lambda: getattr(1, 2, 3, 4),
 "abs0": lambda: abs(), "hash2": lambda: hash(1, 2), "id0": lambda: id(),
 "repr0": lambda: repr(), "chr2": lambda: chr(1, 2), "ord0": lambda: ord(),
 "pow1": lambda: pow(1), "pow4": lambda: pow(1, 2, 3, 4), "powkw": lambda: pow(1, 2, z=3), "powkwbad": lambda: pow(1, exp=2, foo=3),
 "round0": lambda: round(), "round3": lambda: round(1, 2, 3), "roundkw": lambda: round(1.5, nd=2),
 "sorted0": lambda: sorted(), "sortedkw": lambda: sorted([], foo=1),
 "min0": lambda: min(), "max0": lambda: max(),
 "iter0": lambda: iter(), "iter3": lambda: iter(1, 2, 3), "next0": lambda: next(),
 "setattr2": lambda: setattr(1, 2), "delattr1": lambda: delattr(1), "hasattr1": lambda: hasattr(1),
 "callable0": lambda: callable(), "format0": lambda: format(), "format3": lambda: format(1, 2, 3),
 "vars2": lambda: vars(1, 2), "dir2": lambda: dir(1, 2), "sum0": lambda: sum(), "sumkw": lambda: sum([], start=1, x=2),
 "any0": lambda: any(), "all2": lambda: all(1, 2), "issubclass1": lambda: issubclass(int),
 "ascii0": lambda: ascii(), "bin0": lambda: bin(), "hex2": lambda: hex(1, 2), "oct0": lambda: oct(),
 "print_bad": lambda: print(foo=1), "compile0": lambda: compile(), "exec0": lambda: exec(), "eval0": lambda: eval(),
 "globals1": lambda: globals(1), "locals1": lambda: locals(1), "input3": lambda: input(1, 2),
 "open0": lambda: open(), "openkw": lambda: open("x", foo=1),
 "math.sqrt0": lambda: math.sqrt(), "math.sqrt2": lambda: math.sqrt(1, 2), "math.sqrtkw": lambda: math.sqrt(x=1),
 "math.pow1": lambda: math.pow(1), "math.powkw": lambda: math.pow(1, y=2),
 "math.log0": lambda: math.log(), "math.log3": lambda: math.log(1, 2, 3),
 "math.isclose1": lambda: math.isclose(1), "math.isclosekw": lambda: math.isclose(1, 2, foo=3), "math.isclose3": lambda: math.isclose(1, 2, 3),
 "math.hypot_kw": lambda: math.hypot(x=1), "math.gcd_kw": lambda: math.gcd(a=1),
 "math.floor0": lambda: math.floor(), "math.prod0": lambda: math.prod(), "math.prodkw": lambda: math.prod([], foo=1),
 "math.perm0": lambda: math.perm(), "math.perm3": lambda: math.perm(1, 2, 3), "math.comb1": lambda: math.comb(1),
 "math.ldexp1": lambda: math.ldexp(1), "math.fsum0": lambda: math.fsum(), "math.dist1": lambda: math.dist(1),
 "cmath.phase0": lambda: cmath.phase(), "cmath.log3": lambda: cmath.log(1, 2, 3), "cmath.isclosekw": lambda: cmath.isclose(1, 2, x=1),
 "str.upper1": lambda: "a".upper(1), "str.upperkw": lambda: "a".upper(x=1),
 "str.split3": lambda: "a".split(1, 2, 3), "str.splitkw": lambda: "a".split(foo=1), "str.splitdup": lambda: "a".split(" ", sep=" "),
 "str.join0": lambda: "a".join(), "str.join2": lambda: "a".join(1, 2), "str.joinkw": lambda: "a".join(iterable=[]),
 "str.replace1": lambda: "a".replace("a"), "str.replace4": lambda: "a".replace("a", "b", 1, 2), "str.replacekw": lambda: "a".replace("a", "b", count=1),
 "str.startswith0": lambda: "a".startswith(), "str.find0": lambda: "a".find(), "str.find4": lambda: "a".find(1, 2, 3, 4),
 "str.encode3": lambda: "a".encode(1, 2, 3), "str.encodekw": lambda: "a".encode(foo=1),
 "str.center0": lambda: "a".center(), "str.count0": lambda: "a".count(), "str.format_map0": lambda: "a".format_map(),
 "str.splitlineskw": lambda: "a".splitlines(foo=1), "str.expandtabs2": lambda: "a".expandtabs(1, 2),
 "str.maketrans0": lambda: str.maketrans(), "str.maketrans4": lambda: str.maketrans(1, 2, 3, 4),
 "str.upper_unbound0": lambda: str.upper(), "str.upper_unbound_bad": lambda: str.upper(1),
 "list.append0": lambda: [].append(), "list.append2": lambda: [].append(1, 2), "list.appendkw": lambda: [].append(x=1),
 "list.insert1": lambda: [].insert(1), "list.pop2": lambda: [].pop(1, 2), "list.index0": lambda: [].index(),
 "list.sort1": lambda: [].sort(1), "list.sortkw": lambda: [].sort(foo=1), "list.copy1": lambda: [].copy(1),
 "list.extend0": lambda: [].extend(), "list.clear1": lambda: [].clear(1), "list.count0": lambda: [].count(),
 "list.remove0": lambda: [].remove(), "list.reverse1": lambda: [].reverse(1),
 "dict.get0": lambda: {}.get(), "dict.get3": lambda: {}.get(1, 2, 3), "dict.getkw": lambda: {}.get(key=1),
 "dict.pop0": lambda: {}.pop(), "dict.pop3": lambda: {}.pop(1, 2, 3), "dict.setdefault0": lambda: {}.setdefault(),
 "dict.keys1": lambda: {}.keys(1), "dict.update2": lambda: {}.update(1, 2), "dict.fromkeys0": lambda: dict.fromkeys(),
 "dict.fromkeys3": lambda: dict.fromkeys(1, 2, 3), "dict.popitem1": lambda: {}.popitem(1), "dict.copykw": lambda: {}.copy(x=1),
 "set.add0": lambda: set().add(), "set.add2": lambda: set().add(1, 2), "set.discardkw": lambda: set().discard(x=1),
 "tuple.index0": lambda: ().index(), "tuple.count2": lambda: ().count(1, 2),
 "bytes.decode3": lambda: b"".decode(1, 2, 3), "bytes.hex3": lambda: b"".hex(1, 2, 3), "bytes.fromhex0": lambda: bytes.fromhex(),
 "bytes.split_kw": lambda: b"".split(foo=1), "bytearray.append0": lambda: bytearray().append(),
 "int.to_bytes0": lambda: (1).to_bytes(foo=1), "int.from_bytes0": lambda: int.from_bytes(), "int.bit_length1": lambda: (1).bit_length(1),
 "float.hex1": lambda: (1.0).hex(1), "float.fromhex0": lambda: float.fromhex(), "float.is_integer_kw": lambda: (1.0).is_integer(x=1),
 "int.__add__0": lambda: (1).__add__(), "int.__add__2": lambda: (1).__add__(1, 2),
 "object.__format__0": lambda: object().__format__(), "object.__reduce_ex__0": lambda: object().__reduce_ex__(),
 "struct.pack0": lambda: struct.pack(), "struct.unpack1": lambda: struct.unpack("i"), "struct.calcsize0": lambda: struct.calcsize(),
 "struct.calcsize2": lambda: struct.calcsize(1, 2), "struct.unpack_from_kw": lambda: struct.unpack_from("i", foo=1),
 "struct.iter_unpack1": lambda: struct.iter_unpack("i"),
 "itertools.count_kw": lambda: itertools.count(foo=1), "itertools.repeat0": lambda: itertools.repeat(),
 "itertools.chain_kw": lambda: itertools.chain(x=1), "itertools.islice0": lambda: itertools.islice(),
 "itertools.accumulate_kw": lambda: itertools.accumulate([], foo=1), "itertools.tee0": lambda: itertools.tee(),
 "itertools.product_kw": lambda: itertools.product(foo=1), "itertools.permutations0": lambda: itertools.permutations(),
 "itertools.combinations1": lambda: itertools.combinations([]), "itertools.starmap1": lambda: itertools.starmap(1),
 "itertools.zip_longest_kw": lambda: itertools.zip_longest(foo=1), "itertools.groupby0": lambda: itertools.groupby(),
 "itertools.chain.from_iterable0": lambda: itertools.chain.from_iterable(),
 "pwd.getpwnam0": lambda: pwd.getpwnam(), "pwd.getpwnam2": lambda: pwd.getpwnam(1, 2), "pwd.getpwuid0": lambda: pwd.getpwuid(),
 "pwd.getpwall1": lambda: pwd.getpwall(1), "grp.getgrgid0": lambda: grp.getgrgid(), "grp.getgrnam2": lambda: grp.getgrnam(1, 2),
 "grp.getgrall1": lambda: grp.getgrall(1), "grp.getgrgidkw": lambda: grp.getgrgid(x=1),
 "fcntl.fcntl1": lambda: fcntl.fcntl(1), "fcntl.flock1": lambda: fcntl.flock(1), "fcntl.ioctl1": lambda: fcntl.ioctl(1),
 "fcntl.lockf1": lambda: fcntl.lockf(1), "fcntl.fcntlkw": lambda: fcntl.fcntl(fd=1, cmd=1),
 "_operator.add1": lambda: _operator.add(1), "_operator.neg0": lambda: _operator.neg(), "_operator.not_2": lambda: _operator.not_(1, 2),
 "_operator.setitem2": lambda: _operator.setitem(1, 2), "_operator.length_hint0": lambda: _operator.length_hint(),
 "_operator.addkw": lambda: _operator.add(a=1, b=2), "operator.itemgetter0": lambda: operator.itemgetter(),
 "operator.attrgetter_kw": lambda: operator.attrgetter("a", x=1), "operator.methodcaller0": lambda: operator.methodcaller(),
 "time.time1": lambda: time.time(1), "time.sleep0": lambda: time.sleep(), "time.strftime0": lambda: time.strftime(),
 "time.localtime2": lambda: time.localtime(1, 2), "time.monotonic_kw": lambda: time.monotonic(x=1), "time.get_clock_info0": lambda: time.get_clock_info(),
 "time.perf_counter1": lambda: time.perf_counter(1), "time.mktime0": lambda: time.mktime(),
 "os.getpid1": lambda: os.getpid(1), "os.stat0": lambda: os.stat(), "os.statkw": lambda: os.stat("x", foo=1),
 "os.close0": lambda: os.close(), "os.close2": lambda: os.close(1, 2), "os.fspath0": lambda: os.fspath(),
 "os.urandom0": lambda: os.urandom(), "os.getcwd1": lambda: os.getcwd(1), "os.listdir2": lambda: os.listdir(1, 2),
 "os.kill1": lambda: os.kill(1), "os.open0": lambda: os.open(), "os.write1": lambda: os.write(1),
 "os.getenv0": lambda: os.getenv(), "os.strerror0": lambda: os.strerror(), "os.umask0": lambda: os.umask(),
 "os.pipe1": lambda: os.pipe(1), "os.dup0": lambda: os.dup(), "os.waitpid1": lambda: os.waitpid(1),
 "collections.deque_kw": lambda: collections.deque(foo=1), "deque.append0": lambda: collections.deque().append(),
 "deque.rotate2": lambda: collections.deque().rotate(1, 2), "deque.extend_kw": lambda: collections.deque().extend(x=1),
 "functools.reduce1": lambda: functools.reduce(len), "functools.reduce_kw": lambda: functools.reduce(len, [], x=1),
 "functools.partial0": lambda: functools.partial(), "functools.cmp_to_key0": lambda: functools.cmp_to_key(),
 "sys.getsizeof0": lambda: sys.getsizeof(), "sys.intern0": lambda: sys.intern(), "sys.exc_info1": lambda: sys.exc_info(1),
 "sys.getrecursionlimit1": lambda: sys.getrecursionlimit(1), "sys.setrecursionlimit0": lambda: sys.setrecursionlimit(),
 "binascii.hexlify0": lambda: binascii.hexlify(), "binascii.crc32_0": lambda: binascii.crc32(), "binascii.b2a_base64kw": lambda: binascii.b2a_base64(b"", foo=1),
 "binascii.crc32_3": lambda: binascii.crc32(b"", 1, 2),
 "marshal.dumps0": lambda: marshal.dumps(), "marshal.loads2": lambda: marshal.loads(1, 2),
 "zlib.crc32_0": lambda: zlib.crc32(), "zlib.compress_kw": lambda: zlib.compress(b"", foo=1),
 "array0": lambda: array.array(), "array.append0": lambda: array.array("i").append(),
 "_bisect.bisect0": lambda: _bisect.bisect(), "_bisect.insort_kw": lambda: _bisect.insort([], 1, foo=1),
 "_heapq.heappush1": lambda: _heapq.heappush([]), "_heapq.heapify0": lambda: _heapq.heapify(),
 "codecs.lookup0": lambda: codecs.lookup(), "codecs.encode0": lambda: codecs.encode(), "codecs.encode_kw": lambda: codecs.encode("", foo=1),
 "_weakref.getweakrefcount0": lambda: _weakref.getweakrefcount(), "atexit.register0": lambda: atexit.register(),
 "gc.collect_kw": lambda: gc.collect(foo=1), "gc.collect3": lambda: gc.collect(1, 2), "gc.isenabled1": lambda: gc.isenabled(1),
 "signal.signal1": lambda: signal.signal(1), "signal.getsignal0": lambda: signal.getsignal(), "signal.alarm0": lambda: signal.alarm(),
 "select.select0": lambda: select.select(), "select.select_kw": lambda: select.select([], [], [], timeout=1),
 "random.random1": lambda: _random.Random().random(1), "random.getrandbits0": lambda: _random.Random().getrandbits(),
 "io.open0": lambda: io.open(), "BytesIO.write0": lambda: io.BytesIO().write(), "BytesIO.read2": lambda: io.BytesIO().read(1, 2),
 "StringIO.kw": lambda: io.StringIO(foo=1), "TextIOWrapper0": lambda: io.TextIOWrapper(),
 "errno_none": lambda: os.strerror(1, 2),
 "str.__getitem__0": lambda: "".__getitem__(), "str.__len__1": lambda: "".__len__(1),
 "type.mro1": lambda: int.mro(1), "type0": lambda: type(), "type2": lambda: type(1, 2),
 "object.__init_subclass__1": lambda: object.__init_subclass__(1),
 "int.__new__kw": lambda: int(x=1), "int3": lambda: int(1, 2, 3), "float2": lambda: float(1, 2), "str4": lambda: str(1, 2, 3, 4),
 "list2": lambda: list(1, 2), "listkw": lambda: list(x=1), "dictbad": lambda: dict(1, 2), "tuplekw": lambda: tuple(x=1),
 "range0": lambda: range(), "range4": lambda: range(1, 2, 3, 4), "slice0": lambda: slice(), "enumerate0": lambda: enumerate(),
 "enumeratekw": lambda: enumerate([], x=1), "zip_kw": lambda: zip(foo=1), "map1": lambda: map(len), "filter1": lambda: filter(len),
 "reversed0": lambda: reversed(), "bool2": lambda: bool(1, 2), "boolkw": lambda: bool(x=1), "object1": lambda: object(1),
 "super3": lambda: super(1, 2, 3), "property_kw": lambda: property(foo=1), "memoryview0": lambda: memoryview(),
 "complex3": lambda: complex(1, 2, 3), "bytes4": lambda: bytes(1, 2, 3, 4), "frozenset2": lambda: frozenset(1, 2), "setkw": lambda: set(x=1),
}
for k, f in cases.items():
    t(k, f)

# p2
t(1, lambda: math.log(x=1))
t(2, lambda: "a".find("a", x=1))
t(3, lambda: os.kill(1, signal=2))
t(4, lambda: time.strftime("", x=1))
t(5, lambda: time.get_clock_info(name="x"))
t(6, lambda: sum(iterable=[]))
t(7, lambda: sum([], 1, 2))
t(8, lambda: sum([], 1, start=2))
t(9, lambda: "a".split(1, 2, maxsplit=3))
t(10, lambda: int.to_bytes(1, 1, "big", 1))
t(11, lambda: (1).to_bytes(1, "big", True))
t(12, lambda: sorted([], None))
t(13, lambda: max(1, 2, foo=3))
t(14, lambda: print(1, sep=1))
t(15, lambda: struct.pack_into())
t(16, lambda: divmod(1, 2, 3))
t(17, lambda: collections.deque().rotate(x=1))
t(18, lambda: collections.deque().insert(1))
t(19, lambda: "a".find())
t(20, lambda: b"a".find())
t(21, lambda: bytearray().find())
t(22, lambda: "a".startswith("a", 1, 2, 3))
t(23, lambda: "a".endswith(x=1))
t(24, lambda: "a".index())
t(25, lambda: "a".rindex())
t(26, lambda: "a".rfind(1,2,3,4))
t(27, lambda: time.localtime(x=1))
t(28, lambda: time.gmtime(1, 2))
t(29, lambda: time.ctime(1, 2))
t(30, lambda: time.asctime(1, 2))
t(31, lambda: os.getpgid())
t(32, lambda: os.killpg(1))
t(34, lambda: os.getsid())
t(35, lambda: os.waitpid(1, options=0))
t(36, lambda: sys.getsizeof(1, 2, 3))
t(37, lambda: sys.getsizeof(object=1))
t(38, lambda: math.log(1,2,3,4))
t(39, lambda: (1).__add__(x=1))
t(40, lambda: "".upper(*[], **{}))
t(41, lambda: len(**{"a": 1}))
t(42, lambda: "a".encode(encoding="utf-8", encoding2=1))
t(43, lambda: "a".split(**{1: 2}))
t(44, lambda: dict.fromkeys(x=1))
t(45, lambda: str.maketrans(x=1))
t(46, lambda: int.from_bytes(b"", "big", signed=True, x=1))
t(47, lambda: int.from_bytes(b"", byteorder="big", bytes=1))
t(48, lambda: [].sort(key=None, reverse=False, x=1))
t(49, lambda: [].sort(None))
t(50, lambda: float.fromhex(x=1))
t(51, lambda: b"".hex(sep=1, bytes_per_sep=1, x=1))
t(52, lambda: math.isclose(1, b=2))
t(53, lambda: math.isclose(a=1, b=2, rel_tol=1, abs_tol=1, x=1))
t(54, lambda: isinstance(1, int, int))
t(55, lambda: os.stat(path="x", dir_fd=None, follow_symlinks=True, x=1))
t(56, lambda: os.open("x"))
t(57, lambda: time.sleep(secs=1))
t(58, lambda: itertools.count(1, 2, 3))
t(59, lambda: getattr(1, "a", 2, x=1))
t(60, lambda: iter([], x=1))
t(61, lambda: next(iter([]), 1, 2))
t(62, lambda: "a".count("a", 1, 2, 3))
t(63, lambda: "a".count("a", x=1))
t(64, lambda: "a".format_map(1, 2))
t(65, lambda: "a".__format__())
t(66, lambda: object.__reduce_ex__(object(), 1, 2))
t(67, lambda: math.trunc())
t(68, lambda: math.ceil(1, 2))
t(69, lambda: math.log(x=1, base=2))
t(70, lambda: math.log2())

# p3
t(1, lambda: (1).to_bytes(1, foo=2, length=1))
t(2, lambda: (1).to_bytes(1, "big", length=1))
t(3, lambda: (1).to_bytes(1, length=1, foo=2))
t(4, lambda: (1).to_bytes(1, foo=1, signed=True))
t(5, lambda: (1).to_bytes(foo=1, signed=True))
t(6, lambda: int.from_bytes(bytes=b"", byteorder="big", signed=1))
t(7, lambda: int.from_bytes(signed=1))
t(8, lambda: "a".split(**{"sep": None, "foo": 1}))
t(9, lambda: "a".split(None, **{"foo": 1, "sep": 1}))
t(10, lambda: "a".split(None, **{"sep": 1, "foo": 1}))
t(11, lambda: math.isclose(1, 2, 3, abs_tol=1))
t(12, lambda: sorted([], None, None))
t(13, lambda: os.stat())
t(14, lambda: os.stat(dir_fd=None))
t(15, lambda: sum([], 0, start=1))
t(16, lambda: "a".encode("utf-8", "strict", errors="x"))

# p4
d = collections.deque()
m = mmap.mmap(-1, 10)
a = array.array('i')
for name, obj in [("deque", d), ("mmap", m), ("array", a), ("bytes", b""), ("bytearray", bytearray()), ("str", ""), ("tuple", ()), ("list", [])]:
    for meth in ["find", "rfind", "index", "rindex", "count", "insert", "startswith"]:
        if hasattr(obj, meth):
            t(f"{name}.{meth}()", lambda: getattr(obj, meth)())
            t(f"{name}.{meth}(1,2,3,4)", lambda: getattr(obj, meth)(1, 2, 3, 4))
            t(f"{name}.{meth}(x=1)", lambda: getattr(obj, meth)(x=1))
for fn in [time.strftime, time.localtime, time.gmtime, time.ctime, time.get_clock_info, os.kill, os.waitpid, os.killpg, functools.reduce]:
    t(fn.__name__ + "()", lambda: fn(1, 2, 3, 4))
    t(fn.__name__ + "(x)", lambda: fn(x=1))

# p5: functions parsed with PyArg_ParseTuple / METH_VARARGS in CPython, called
# with too many arguments and with an unknown keyword, as bound builtins.
import _socket, faulthandler, _posixsubprocess, io
sq = set()
fs = frozenset()
mm = mmap.mmap(-1, 4)
fns = [time.clock_gettime, time.clock_getres, time.asctime, time.strftime, time.localtime, time.gmtime, time.ctime,
       _socket.gethostbyname, _socket.gethostbyname_ex, _socket.gethostbyaddr, _socket.getservbyname, _socket.getservbyport,
       _socket.getprotobyname, _socket.socketpair, _socket.ntohs, _socket.htons, _socket.inet_aton, _socket.inet_ntoa,
       _socket.inet_pton, _socket.inet_ntop, _socket.getnameinfo, faulthandler._sigsegv, _posixsubprocess.fork_exec,
       sq.difference, sq.difference_update, sq.intersection, sq.intersection_update, sq.union, sq.update,
       fs.difference, fs.intersection, fs.union, mm.flush, mm.madvise, mm.move, mm.read, mm.resize, mm.seek, mm.write,
       mm.write_byte, mm.find, mm.rfind, _operator.call, functools.reduce, math.log, os.kill, os.waitpid,
       collections.deque().rotate, collections.deque().insert, collections.deque().index, sys.getsizeof, os.getpgid]
for o in (io.BytesIO(), io.StringIO(), io.TextIOWrapper(io.BytesIO())):
    fns += [o._checkClosed, o._checkReadable, o._checkSeekable, o._checkWritable]
for f in fns:
    t(f"{f.__qualname__}/7", lambda: f(*[None] * 7))
    t(f"{f.__qualname__}/kw", lambda: f(zzz=1))
    if f.__name__ not in ("asctime", "localtime", "gmtime", "ctime", "read", "flush", "madvise", "update",
                          "difference_update", "intersection_update", "_sigsegv", "socketpair", "union",
                          "difference", "intersection"):
        t(f"{f.__qualname__}/0", lambda: f())
# the same through the method descriptor: qualified names for METH_VARARGS too
t("desc kw", lambda: set.union(sq, zzz=1))
t("desc kw2", lambda: str.find("a", "a", zzz=1))
t("desc kw3", lambda: bytes.count(b"a", zzz=1))
t("desc kw4", lambda: "a".startswith("a", zzz=1))
t("desc 7", lambda: str.find("a", *[None] * 7))

# p6: methods of native types bound to instances, including methods of the
# module type bound to a module (no module prefix), socket and re objects.
import socket, re as _re2
so = socket.socket()
fns = [sys.__dir__, sys.__format__, sys.__reduce__, sys.__sizeof__, math.__dir__, so.getsockopt, so.listen, so.recv,
       so.recvfrom, so.sendall, _re2.match("a", "a").group, _re2.compile("a").match]
for f in fns:
    t(f"{f.__qualname__}/7", lambda: f(*[None] * 7))
    t(f"{f.__qualname__}/kw", lambda: f(zzz=1))
so.close()
