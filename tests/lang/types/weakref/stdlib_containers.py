# weakref.py and _weakrefset.py on top of _weakref: WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod, finalize.
import gc
import weakref


class C:
    pass


d = weakref.WeakValueDictionary()
wk = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()


def fill():
    objs = [C() for i in range(5)]
    for i in range(5):
        d[i] = objs[i]
        wk[objs[i]] = i
        ws.add(objs[i])
    print(len(d), sorted(d.keys()), len(wk), len(ws))
    return objs[2]


keep = fill()
gc.collect()
print(len(d), list(d.keys()), d[2] is keep, len(wk), wk[keep], len(ws), keep in ws)
print(d.get(0), 0 in d, sorted(wk.values()))


class M:
    def meth(self):
        return 42


m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()(), wm == weakref.WeakMethod(m.meth))


def fin():
    o = C()
    f = weakref.finalize(o, print, "finalized", 1)
    print(f.alive)
    return f


f = fin()
gc.collect()
print(f.alive)
f2 = weakref.finalize(keep, print, "at exit")
print("end")
