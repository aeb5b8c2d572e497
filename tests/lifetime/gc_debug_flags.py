# gc.set_debug: DEBUG_STATS and DEBUG_COLLECTABLE write CPython's lines to
# sys.stderr (captured here; numbers and addresses differ, so their shape is
# compared), DEBUG_SAVEALL keeps unreachable cycles — and what only they
# hold — in gc.garbage instead of freeing them, also for collections the
# allocator starts; DEBUG_UNCOLLECTABLE reports nothing (nothing is).
import gc
import io
import re
import sys

from _collect import collect

log = []


class Node:
    pass


class Leaf:
    pass


class WithDel:
    def __del__(self):
        log.append("__del__ ran")


def make_cycle(cls=Node):
    a = cls()
    a.self = a
    a.leaf = Leaf()  # not on the cycle, but only the cycle holds it


def make_pair():
    a, b = Node(), Node()
    a.peer, b.peer = b, a


def captured(flags, thunk):
    saved = sys.stderr
    sys.stderr = buffer = io.StringIO()
    gc.set_debug(flags)
    try:
        thunk()
    finally:
        gc.set_debug(0)
        sys.stderr = saved
    return buffer.getvalue()


def shape(line):
    line = re.sub(r"0x[0-9a-f]+", "ADDR", line)
    return re.sub(r"\d+(\.\d+)?", "N", line)


def ours(line):
    return any("<%s " % name in line for name in ("Node", "Leaf", "WithDel"))


# DEBUG_STATS: before and after every collection, automatic ones included.
text = captured(gc.DEBUG_STATS, collect)
print("stats:", sorted(set(map(shape, text.splitlines()))))


def allocate(n):
    keep = []
    for i in range(n):
        keep.append([i])
        if len(keep) > 20000:
            keep = []
        if i % 1000 == 0 and "gc: collecting generation 0" in sys.stderr.getvalue():
            return


text = captured(gc.DEBUG_STATS, lambda: allocate(3_000_000))
print("stats of automatic collections:", "gc: collecting generation 0..." in text,
      sorted(set(map(shape, text.splitlines()))))

# DEBUG_COLLECTABLE: one line per unreachable object of a cycle (and those it holds).
gc.collect()


def cycles():
    make_cycle()
    make_pair()
    collect()


text = captured(gc.DEBUG_COLLECTABLE, cycles)
print("collectable:", sorted(shape(line) for line in text.splitlines() if ours(line)))
print("garbage stays empty:", gc.garbage)

# DEBUG_UNCOLLECTABLE: nothing to report.
text = captured(gc.DEBUG_UNCOLLECTABLE, cycles)
print("uncollectable:", [line for line in text.splitlines() if ours(line)])

# DEBUG_SAVEALL: the cycles go to gc.garbage; a finalizer still runs first.
def saveall():
    make_cycle()
    make_cycle(WithDel)
    collect()


text = captured(gc.DEBUG_SAVEALL, saveall)
print("saveall prints:", [line for line in text.splitlines() if ours(line)])
print("saved:", sorted(type(o).__name__ for o in gc.garbage if type(o) in (Node, Leaf, WithDel)), log)
log.clear()
gc.garbage.clear()

# DEBUG_LEAK = COLLECTABLE | UNCOLLECTABLE | SAVEALL.
text = captured(gc.DEBUG_LEAK, cycles)
print("leak:", sorted(shape(line) for line in text.splitlines() if ours(line)),
      sorted(type(o).__name__ for o in gc.garbage if type(o) in (Node, Leaf)))
gc.garbage.clear()


# SAVEALL for collections the allocator starts: the cycle appears in
# gc.garbage without gc.collect().
def saved_automatically():
    make_cycle()
    keep = []
    for i in range(3_000_000):
        keep.append([i])
        if len(keep) > 20000:
            keep = []
        if any(type(o) is Node for o in gc.garbage):
            return True
    return False


found = []
captured(gc.DEBUG_SAVEALL, lambda: found.append(saved_automatically()))
print("saved by an automatic collection:", found)
gc.garbage.clear()

# With the flags off again, nothing is kept.
make_cycle()
collect()
print("flags off:", gc.get_debug(), [o for o in gc.garbage if type(o) in (Node, Leaf)])
