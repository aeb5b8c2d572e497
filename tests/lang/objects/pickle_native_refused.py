# Pickling and copying objects of native types: object.__reduce_ex__ refuses
# ("cannot pickle 'X' object") what CPython 3.11's object_getstate refuses --
# a var-sized object, or one whose native base keeps state beyond object's,
# when no __getnewargs__ rebuilds it and it is not a list or dict -- and
# copyreg refuses native types below protocol 2.
import pickle, copy, re, mmap, _queue, io, threading, collections, itertools, functools, weakref, array, zlib, select, _thread, struct, types, sys
def t(label, f):
    try:
        r = f()
        print(label, "OK", type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, str(e))
class Slots:
    __slots__ = ("a", "b")
class SlotsSet:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
class Plain:
    def __init__(self): self.x = 1
class Q(_queue.SimpleQueue): pass
class M(mmap.mmap): pass
class L(list): pass
class D(dict): pass
class WithGetstate(_queue.SimpleQueue):
    def __getstate__(self): return {"a": 1}
class WithNewargs(_queue.SimpleQueue):
    def __getnewargs__(self): return ()
def mk(): return mmap.mmap(-1, 5)
objs = {
  "mmap": mk, "M": lambda: M(-1, 5), "SimpleQueue": _queue.SimpleQueue, "Q": Q, "match": lambda: re.match("a", "a"),
  "pattern": lambda: re.compile("a"), "memoryview": lambda: memoryview(b"a"), "lock": threading.Lock, "rlock": _thread.RLock,
  "local": threading.local, "property": lambda: property(), "staticmethod": lambda: staticmethod(len),
  "weakref": lambda: weakref.ref(Plain), "TextIOWrapper": lambda: io.TextIOWrapper(io.BytesIO()), "BufferedReader": lambda: io.BufferedReader(io.BytesIO()),
  "zlib.compressobj": zlib.compressobj, "poll": select.poll, "Struct": lambda: struct.Struct("i"),
  "generator": lambda: (x for x in []), "frame": lambda: sys._getframe(), 
  "Slots": Slots, "SlotsSet": SlotsSet, "Plain": Plain, "L": L, "D": D, "WithGetstate": WithGetstate, "WithNewargs": WithNewargs,
  "object": object, 
  "dict_keys": lambda: {}.keys(), "module": lambda: types, "cell": lambda: (lambda: objs).__closure__[0] if (lambda: objs).__closure__ else None,
  "builtin_method": lambda: [].append, "mappingproxy": lambda: Plain.__dict__,
  "SimpleNamespace": types.SimpleNamespace, "super": lambda: super(Plain, Plain()),
  "ellipsis": lambda: ..., "NotImplemented": lambda: NotImplemented, "classmethod": lambda: classmethod(len),
}
# CPython 3.11 defines these as heap types, which copyreg's protocol 0/1
# path treats differently; Tern's native types are all static.
heap_in_cpython = {"match", "pattern", "lock", "zlib.compressobj", "poll", "M"}
for name, mkobj in objs.items():
    protos = (2, 4) if name in heap_in_cpython else (0, 1, 2, 4)
    for proto in protos:
        t(f"{name} dumps{proto}", lambda: pickle.dumps(mkobj(), proto))
    t(f"{name} copy", lambda: copy.copy(mkobj()))
    t(f"{name} deepcopy", lambda: copy.deepcopy(mkobj()))
    t(f"{name} reduce_ex2", lambda: mkobj().__reduce_ex__(2))
    t(f"{name} reduce_ex4", lambda: mkobj().__reduce_ex__(4))
    if name not in heap_in_cpython:
        t(f"{name} reduce_ex1", lambda: mkobj().__reduce_ex__(1))
        t(f"{name} reduce", lambda: mkobj().__reduce__())
    t(f"{name} getstate", lambda: mkobj().__getstate__())
# what the rule lets through keeps working
class P2(_queue.SimpleQueue):
    def __reduce__(self): return (P2, ())
print(type(copy.copy(P2())).__name__, type(pickle.loads(pickle.dumps(P2()))).__name__)
ba = bytearray(b"a\xff")
for proto in range(6):
    print(proto, ba.__reduce_ex__(proto), pickle.loads(pickle.dumps(ba, proto)))
class BA(bytearray): pass
x = BA(b"xy"); x.k = 1
y = copy.deepcopy(x)
print(type(y).__name__, y, y.k, copy.copy(x).k, bytearray().__reduce__(), x.__reduce__())
s = SlotsSet()
print(copy.copy(s).a, pickle.loads(pickle.dumps(s, 2)).a)
p = Plain(); p.y = [1]
q = copy.deepcopy(p)
print(q.x, q.y, q.y is p.y)
