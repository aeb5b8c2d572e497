# numpy's core through cpyext: arrays, ufuncs, linalg, fft, seeded random, structured and object
# arrays, views and ndarray subclasses, the buffer protocol, pickling.
import gc
import pickle

import numpy as np

print("-- arrays")
a = np.arange(12)
print(a, a.dtype, a.shape, a.ndim, a.size, a.itemsize, a.nbytes)
b = a.reshape(3, 4)
print(b)
print(b.T.shape, b.strides, b.T.strides, b.flags["C_CONTIGUOUS"], b.T.flags["F_CONTIGUOUS"])
print(b[1], b[:, 2], b[1:, ::2], b[-1, -1], b[[0, 2]], b[b % 5 == 0])
print(np.zeros((2, 3), dtype=np.int32), np.ones(3, dtype=bool), np.full(2, 7.5), np.eye(3, k=1))
print(np.empty(0).shape, np.array([]).dtype, np.array([[]]).shape)
print(repr(np.array([1, 2, 3], dtype=np.uint8)), repr(np.array(['a', 'bc'])), repr(np.array([b'x'])))
print(np.linspace(0, 1, 5), np.logspace(0, 2, 3), np.arange(0.5, 3, 0.5))
print(np.concatenate([a[:3], a[-3:]]), np.stack([a[:2], a[2:4]]), np.vstack([a[:2], a[:2]]).shape)
print(np.split(np.arange(6), 3), np.tile([1, 2], 2), np.repeat([1, 2], 2))
print(np.where(a > 8, a, -1), np.nonzero(a % 4 == 0), np.argwhere(b > 9).tolist())
print(np.sort(np.array([3, 1, 2])), np.argsort([3, 1, 2]), np.unique([3, 1, 3, 2], return_counts=True))
print(np.cumsum([1, 2, 3]), np.diff([1, 4, 9, 16]), np.searchsorted([1, 3, 5], 4))
c = a.copy()
c[::2] = -c[::2]
c[c < -5] += 100
print(c, a[:3])
print(b.sum(), b.sum(axis=0), b.mean(axis=1), b.max(), b.argmin(), b.std().round(6), b.prod(axis=1))
print(np.array([1.5, np.nan, np.inf, -0.0]).tolist(), np.isnan(np.nan), np.nan_to_num(np.array([np.nan, 1.0])))
print(np.array([[1, 2], [3, 4]]).tolist(), np.array(7).item(), type(np.array(7).item()).__name__)
print(np.array(range(5)), np.array((1, 2.0, 3j)), np.array([True, 2]), np.fromiter(iter(range(4)), dtype=np.int64))
try:
    np.array([1, 2]) + np.array([1, 2, 3])
except ValueError as e:
    print("ValueError", e)
try:
    np.arange(6).reshape(4, 2)
except ValueError as e:
    print("ValueError", e)
try:
    a[20]
except IndexError as e:
    print("IndexError", e)

print("-- ufuncs")
x = np.array([1.0, 4.0, 9.0])
print(np.sqrt(x), np.exp(np.array([0.0, 1.0])), np.log10(np.array([1, 10, 1000])), np.sin(0.0), np.abs([-1, 2]))
print(np.add(1, 2), np.add.reduce([1, 2, 3]), np.add.accumulate([1, 2, 3]), np.multiply.outer([1, 2], [3, 4]))
print(np.maximum([1, 5], [3, 2]), np.floor_divide(7, [2, 3]), np.power(2, np.arange(5)), np.mod(-7, 3))
print(np.add.nin, np.add.nout, np.add.identity, np.sin.ntypes > 0, np.add.types[:3])
out = np.empty(3)
np.multiply(x, 2, out=out)
print(out, np.negative(x, where=x > 2, out=np.zeros(3)))
print(np.array([1, 2, 3]) * 2.5, np.array([1, 2], dtype=np.int8) + 300, (np.arange(3) == 1), ~np.array([True, False]))
print(np.vectorize(lambda v: v * 10)(np.arange(3)), np.frompyfunc(lambda p, q: p + q, 2, 1)([1, 2], [3, 4]))
with np.errstate(divide="ignore", invalid="ignore"):
    print(np.array([1.0, 0.0]) / 0.0)
print(np.einsum("ij,jk->ik", np.eye(2), np.arange(4).reshape(2, 2)), np.dot([1, 2], [3, 4]))
print(np.isclose(0.1 + 0.2, 0.3), np.allclose([1, 2], [1, 2.0000001]), np.round(2.675, 2), np.clip(a, 2, 4))

print("-- linalg")
m = np.array([[4.0, 1.0], [2.0, 3.0]])
print(m @ m, np.linalg.inv(m), np.linalg.det(m).round(6), np.linalg.matrix_rank(m))
print(np.linalg.solve(m, np.array([1.0, 2.0])), np.linalg.norm([3.0, 4.0]), np.trace(m))
w, v = np.linalg.eig(m)
print(np.sort(w).round(6))
print(np.linalg.svd(np.array([[3.0, 0.0], [0.0, 4.0]]))[1], np.linalg.qr(np.eye(2))[1])
print(np.polyfit([0, 1, 2], [1, 3, 5], 1).round(6), np.polyval([1, 0, -1], 3), np.roots([1, -3, 2]))
try:
    np.linalg.inv(np.zeros((2, 2)))
except np.linalg.LinAlgError as e:
    print("LinAlgError", e)

print("-- fft")
print(np.fft.fft(np.array([1.0, 0, 0, 0])), np.fft.ifft(np.ones(4)).real, np.fft.rfft([0.0, 1.0, 0.0, -1.0]).round(6))
print(np.fft.fftfreq(4), np.fft.fftshift(np.arange(5)))

print("-- random")
rng = np.random.default_rng(42)
print(rng.integers(0, 100, 5), rng.random(3).round(6), rng.choice(["a", "b", "c"], 4), rng.permutation(5))
print(rng.normal(size=2).round(6), rng.uniform(1, 2, 2).round(6))
np.random.seed(0)
print(np.random.rand(3).round(6), np.random.randint(0, 10, 4), np.random.randn(2).round(6))
r = np.random.RandomState(7)
lst = list(range(6))
r.shuffle(lst)
print(lst, r.binomial(10, 0.5, 3))

print("-- structured")
s = np.zeros(3, dtype=[("x", "i4"), ("y", "f8"), ("name", "U5")])
s["x"] = [1, 2, 3]
s["y"] = s["x"] / 2
s[1]["name"] = "bob"
print(s, s.dtype, s.dtype.names, s.dtype.fields["y"], s.itemsize)
print(s[s["x"] > 1]["name"], s[0], s[1].tolist(), np.sort(s, order="y")[::-1]["x"])
rec = np.rec.array([(1, 2.5), (3, 4.5)], dtype=[("a", "i8"), ("b", "f8")])
print(rec.a, rec.b.sum(), rec[1].a)
dt = np.dtype({"names": ["p", "q"], "formats": ["u1", "<i2"], "offsets": [0, 2]})
print(dt, dt.itemsize, np.dtype("3f4").shape, np.dtype(("i4", (2, 2))).subdtype)

print("-- objects")
class Thing:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Thing({self.n})"
    def __add__(self, other):
        return Thing(self.n + (other.n if isinstance(other, Thing) else other))
o = np.array([Thing(1), "x", 3, None, [1, 2]], dtype=object)
gc.collect()
print(o, o.dtype, len(o), o[4], o[3] is None)
t = np.array([Thing(i) for i in range(4)], dtype=object)
gc.collect()
print(t + 10, t.sum(), t[::-1], np.array([1, "a"], dtype=object) * 2)
del o
holders = [np.array([Thing(i)], dtype=object) for i in range(50)]
gc.collect()
print(sum(h[0].n for h in holders))

print("-- views and subclasses")
base = np.arange(10)
v = base[2:8:2]
v[0] = 100
print(base, v.base is base, np.shares_memory(base, v), base.view(np.uint8)[16:24], base.view("i4").shape)
class Tagged(np.ndarray):
    def __new__(cls, data, tag="none"):
        obj = np.asarray(data).view(cls)
        obj.tag = tag
        return obj
    def __array_finalize__(self, obj):
        self.tag = getattr(obj, "tag", "fin")
ta = Tagged([1, 2, 3], tag="t1")
print(type(ta).__name__, ta.tag, (ta * 2).tag, type(ta * 2).__name__, ta[1:].tag, isinstance(ta, np.ndarray))
print(type(np.asarray(ta)).__name__, type(np.asanyarray(ta)).__name__, repr(ta), ta.sum(), type(ta.sum()).__name__)
class Plain(np.ndarray):
    pass
pv = np.arange(3).view(Plain)
print(type(pv).__name__, pv * 2, type(pv[0]).__name__)
mt = np.ma.masked_array([1, 2, 3], mask=[False, True, False])
print(mt, mt.sum(), mt.mean())

print("-- buffers")
print(np.frombuffer(b"\x01\x02\x03\x04", dtype=np.uint8), np.frombuffer(b"\x01\x00\x02\x00", dtype="<u2"))
mv = memoryview(np.arange(6, dtype=np.int16).reshape(2, 3))
print(mv.format, mv.shape, mv.strides, mv.itemsize, mv.ndim, mv.tolist(), mv.readonly)
arr = np.zeros(4, dtype=np.uint8)
mv = memoryview(arr)
mv[1] = 7
print(arr, bytes(arr), arr.tobytes(), np.array(bytearray(b"ab")), np.asarray(memoryview(b"xyz")))
ba = bytearray(4)
nb = np.frombuffer(ba, dtype=np.uint8)
ba[2] = 9
print(nb, nb.flags.writeable)
ro = np.arange(3)
ro.flags.writeable = False
try:
    ro[0] = 1
except ValueError as e:
    print("ValueError", e)
print(memoryview(ro).readonly, np.array(memoryview(b"\x01\x02")).dtype, memoryview(np.array([1.5])).format)

print("-- pickling")
for obj in [np.arange(4), np.array([[1.5, 2.5]]), s, np.float64(2.5), np.int8(-3), np.dtype("f4"),
            np.array(["ab", "c"]), np.array([Thing(5)], dtype=object), Tagged([1, 2], tag="p")]:
    back = pickle.loads(pickle.dumps(obj, protocol=4))
    print(type(back).__name__, back, getattr(back, "dtype", None))
big = np.arange(100000, dtype=np.int32)
print(pickle.loads(pickle.dumps(big)).sum(), pickle.loads(pickle.dumps(big, protocol=2))[-1])

print("-- collections")
acc = np.ones((50, 50))
for i in range(30):
    acc = acc + i
    gc.collect()
print(acc[0, 0], acc.sum())
