# weakref callbacks: called once with the weakref after the referent died, newest first, not for dead weakrefs.
import gc
import weakref

log = []


class C:
    pass


def scope():
    c = C()
    r0 = weakref.ref(c)
    r1 = weakref.ref(c, lambda w: log.append(("cb1", w is r1, w() is None)))
    r2 = weakref.ref(c, lambda w: log.append(("cb2", w is r2)))
    p = weakref.proxy(c, lambda w: log.append(("proxy", type(w).__name__)))
    print(weakref.getweakrefcount(c), r1.__callback__ is not None)
    return r0, r1, r2, p


refs = scope()
gc.collect()
print(log)
print(refs[1].__callback__, refs[0]() is None)
log.clear()


def scope2():
    c = C()
    weakref.ref(c, lambda w: log.append("dead weakref: never called"))
    return weakref.ref(c, lambda w: log.append("live weakref"))


keep = scope2()
gc.collect()
print(log)
gc.collect()
print(log)
