# Weakref callbacks and weakref.finalize run after the collection that found the referent dead.
import gc

from _collect import collect
import weakref

log = []


class Obj:
    def __init__(self, name):
        self.name = name


def callback_runs_once():
    o = Obj("o")
    r = weakref.ref(o, lambda ref: log.append(("cb", ref is r, ref() is None)))
    del o
    collect()
    print("callback:", log)
    collect()
    print("once:", len(log))
    log.clear()


def several_refs_newest_first():
    o = Obj("o")
    r1 = weakref.ref(o, lambda ref: log.append("first"))
    r2 = weakref.ref(o, lambda ref: log.append("second"))
    del o
    collect()
    print("order:", log)
    log.clear()
    return r1, r2


def finalize_objects():
    o = Obj("f")
    f = weakref.finalize(o, log.append, "finalized")
    print("alive:", f.alive)
    del o
    collect()
    print("finalize:", log, "alive:", f.alive)
    log.clear()


def finalize_called_early():
    o = Obj("early")
    f = weakref.finalize(o, lambda: log.append("early") or 42)
    print("called:", f(), f(), log)
    del o
    collect()
    print("not again:", log)
    log.clear()


def cycle_with_weakref():
    a, b = Obj("a"), Obj("b")
    a.peer, b.peer = b, a
    r = weakref.ref(a, lambda ref: log.append("cycle cb"))
    del a, b
    collect()
    print("cycle:", log)
    log.clear()
    return r


def dead_weakref_no_callback():
    o = Obj("o")
    r = weakref.ref(o, lambda ref: log.append("should not run"))
    del r
    collect()
    del o
    collect()
    print("dead weakref:", log)


def weak_value_dictionary():
    d = weakref.WeakValueDictionary()
    o = Obj("v")
    d["k"] = o
    print("before:", list(d.keys()))
    del o
    collect()
    print("after:", list(d.keys()))


def callback_sees_collection_done():
    # The referent is gone when the callback runs.
    holder = {}
    o = Obj("gone")
    holder["r"] = weakref.ref(o, lambda ref: log.append(ref()))
    del o
    collect()
    print("referent in callback:", log)
    log.clear()


callback_runs_once()
several_refs_newest_first()
finalize_objects()
finalize_called_early()
cycle_with_weakref()
dead_weakref_no_callback()
weak_value_dictionary()
callback_sees_collection_done()
