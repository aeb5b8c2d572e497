# The gc module's API: collect(generation), enable/disable, counts, stats,
# thresholds, callbacks, referents/referrers, is_tracked/is_finalized, freeze.
import gc


def show(label, thunk):
    try:
        print(label, "->", thunk())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


names = ["DEBUG_COLLECTABLE", "DEBUG_LEAK", "DEBUG_SAVEALL", "DEBUG_STATS", "DEBUG_UNCOLLECTABLE",
         "callbacks", "collect", "disable", "enable", "freeze", "garbage", "get_count", "get_debug",
         "get_freeze_count", "get_objects", "get_referents", "get_referrers", "get_stats",
         "get_threshold", "is_finalized", "is_tracked", "isenabled", "set_debug", "set_threshold",
         "unfreeze"]
print("missing:", [n for n in names if not hasattr(gc, n)])
print("constants:", gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)

# collect: generations 0..2, a non-negative int result.
for g in (0, 1, 2):
    n = gc.collect(g)
    print("collect(%d):" % g, type(n).__name__, n >= 0)
print("collect(generation=2):", gc.collect(generation=2) >= 0)
show("collect(3)", lambda: gc.collect(3))
show("collect(-1)", lambda: gc.collect(-1))
show("collect('x')", lambda: gc.collect("x"))
show("collect(1.5)", lambda: gc.collect(1.5))


class Cyc:
    pass


import weakref


def make_garbage(n):
    refs = []
    for _ in range(n):
        a = Cyc()
        a.self = a
        refs.append(weakref.ref(a))
    return refs


# (How many objects a collection reports differs: CPython counts the
# unreachable containers, Tern every object freed; automatic collections
# may have taken some already.)
gc.collect()
refs = make_garbage(100)
n = gc.collect()
print("collected the garbage:", type(n) is int, all(r() is None for r in refs))

# enable / disable / isenabled
print("isenabled:", gc.isenabled())
gc.disable()
print("after disable:", gc.isenabled())
refs = make_garbage(10)
gc.collect()
print("explicit collect still works:", all(r() is None for r in refs))
gc.enable()
print("after enable:", gc.isenabled())

# thresholds
print("threshold:", gc.get_threshold())
gc.set_threshold(500)
print("set one:", gc.get_threshold())
gc.set_threshold(600, 20)
print("set two:", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())
show("set_threshold()", lambda: gc.set_threshold())
show("set_threshold(1,2,3,4)", lambda: gc.set_threshold(1, 2, 3, 4))
show("set_threshold('a')", lambda: gc.set_threshold("a"))
show("set_threshold(2**40)", lambda: gc.set_threshold(2 ** 40))

# counts and stats: shapes
count = gc.get_count()
print("get_count:", type(count).__name__, len(count), all(type(c) is int and c >= 0 for c in count))
stats = gc.get_stats()
print("get_stats:", len(stats), [sorted(s) for s in stats])
before = gc.get_stats()[2]["collections"]
gc.collect()
# At least one: under TERN_GC_STRESS the allocations of get_stats() itself may
# start a full collection of their own between the two reads.
print("full collections counted:", gc.get_stats()[2]["collections"] >= before + 1)
print("uncollectable:", [s["uncollectable"] for s in gc.get_stats()])

# debug flags
print("get_debug:", gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print("set_debug:", gc.get_debug() == gc.DEBUG_SAVEALL)
gc.set_debug(0)
show("set_debug('x')", lambda: gc.set_debug("x"))

# callbacks: start and stop around gc.collect()
events = []


def cb(phase, info):
    events.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(cb)
gc.collect(2)
gc.collect(0)
gc.callbacks.remove(cb)
# (Automatic collections meanwhile are reported too, in CPython as in Tern.)
wanted = iter((phase, generation) for phase, generation, _ in events)
print("callbacks:", all(w in wanted for w in [("start", 2), ("stop", 2), ("start", 0), ("stop", 0)]),
      events[0][2])
stop_info = []
gc.callbacks.append(lambda phase, info: phase == "stop" and stop_info.append(info["collected"]))
make_garbage(5)
gc.collect()
gc.callbacks.clear()
print("stop info collected:", type(stop_info[0]) is int and stop_info[0] >= 0)

# get_referents
a = [1, "two", (3,)]
# (CPython visits a list's items last first, and a dict with str keys
# only through its values: the order and the keys are not compared.)
print("referents(list):", sorted(map(repr, gc.get_referents(a))))
print("referents(dict) has the value:", "v" in gc.get_referents({"k": "v"}))
print("referents(atoms):", gc.get_referents(1, "s", 2.5, None))
t = ("x", a)
print("referents(tuple):", sorted(map(id, gc.get_referents(t))) == sorted(map(id, ["x", a])))
print("referents(several):", len(gc.get_referents([1], [2, 3])))


class Inst:
    pass


i = Inst()
i.attr = "value"
refs = gc.get_referents(i)
print("referents(instance) has the type:", Inst in refs)

# get_referrers
target = Inst()
holder_list = [target]
holder_dict = {"t": target}
rs = gc.get_referrers(target)
print("referrers: list", any(r is holder_list for r in rs), "dict", any(r is holder_dict for r in rs))

# is_tracked
for v in (1, 1.5, "s", b"b", None, True, 2 ** 100, [], [1], set(), Inst(), Inst, gc.collect):
    print("is_tracked", type(v).__name__, gc.is_tracked(v))

# is_finalized
class WithDel:
    def __del__(self):
        kept.append(self)


kept = []
w = WithDel()
print("is_finalized before:", gc.is_finalized(w))
del w
gc.collect()
print("is_finalized after:", gc.is_finalized(kept[0]))
print("is_finalized(int):", gc.is_finalized(5))

# freeze / unfreeze
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
gc.unfreeze()
print("unfrozen:", gc.get_freeze_count())

# garbage
print("garbage:", gc.garbage)

# get_objects
objs = gc.get_objects()
print("get_objects has holder:", any(o is holder_list for o in objs))
show("get_objects(3)", lambda: gc.get_objects(3))
print("get_objects(generation=None):", type(gc.get_objects(generation=None)).__name__)
