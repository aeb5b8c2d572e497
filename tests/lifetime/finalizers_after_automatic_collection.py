# __del__, weakref callbacks and weakref.finalize run soon after a collection
# that the allocator started (no gc.collect()): at the next safe point of the
# interpreter, here a loop's back edge or a call.  (CPython runs them during
# its own automatic collection: the objects are in a reference cycle, so
# reference counting does not free them.)
import weakref

log = []


class Cyclic:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        log.append("__del__ " + self.name)


class Plain:
    def __init__(self):
        self.me = self


def make_garbage():
    Cyclic("a")
    p = Plain()
    weakref.ref(p)  # no callback: nothing to run
    global ref_with_callback
    ref_with_callback = weakref.ref(p, lambda r: log.append("weakref callback"))
    q = Plain()
    weakref.finalize(q, log.append, "weakref.finalize")


def allocate_until(count, limit):
    # Containers kept alive for a while (CPython collects when allocations
    # outnumber deallocations), megabytes of them (Tern's nursery fills).
    keep = []
    for i in range(limit):
        keep.append([i])
        if len(keep) > 20000:
            keep = []
        if len(log) >= count:
            return True
    return False


make_garbage()
print("all ran during the loop:", allocate_until(3, 3_000_000))
print(sorted(log))
log.clear()


# Recursion without loops reaches safe points too: function calls.
def recurse(n):
    if log:
        return True
    if n == 0:
        return False
    held = ([0] * 1000, [1] * 1000, [2] * 1000, [3] * 1000)
    return recurse(n - 1)


Cyclic("b")
print("ran during recursion:", recurse(900), log)
