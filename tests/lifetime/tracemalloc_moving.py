# tracemalloc's traces follow objects the collector moves and go with the
# objects it frees: objects allocated on known lines keep their traceback
# through collections (Tern copies young survivors out of the nursery), the
# traced memory drops by what died, and a snapshot after a collection lists
# only the survivors.
import gc
import tracemalloc

from _collect import collect


def make_sets(n):
    return [{i, -i} for i in range(n)]  # SETS


def make_arrays(n):
    return [bytearray(1000) for _ in range(n)]  # ARRAYS


def line_of(tag):
    with open(__file__) as f:
        for n, text in enumerate(f, 1):
            if text.rstrip().endswith('# ' + tag):
                return n


def lines(objects):
    found = set()
    for obj in objects:
        tb = tracemalloc.get_object_traceback(obj)
        found.add(None if tb is None else tb[-1].lineno)
    return found


SETS, ARRAYS = line_of('SETS'), line_of('ARRAYS')
tracemalloc.start()
sets = make_sets(2000)
arrays = make_arrays(300)
print(lines(sets) == {SETS}, lines(arrays) == {ARRAYS})
for _ in range(3):
    gc.collect(0)
    junk = [str(i) * 3 for i in range(20000)]  # fills the nursery: more collections
    del junk
print(lines(sets) == {SETS}, lines(arrays) == {ARRAYS})
gc.collect()
print(lines(sets) == {SETS}, lines(arrays) == {ARRAYS})

collect()
before = tracemalloc.get_traced_memory()[0]
del arrays
collect()
after = tracemalloc.get_traced_memory()[0]
print(before - after >= 300 * 1000)
snapshot = tracemalloc.take_snapshot()
counts = {stat.traceback[0].lineno: stat.count for stat in snapshot.statistics('lineno')
          if stat.traceback[0].filename == __file__}
# (A function object of the comprehension may outlive it in Tern: the
# "gc.collect() may leave an object alive" of docs/differences.md.)
print(counts.get(SETS, 0) >= 2000, counts.get(ARRAYS, 0) < 10)
print(lines(sets[::100]) == {SETS})
tracemalloc.stop()
print(lines(sets[:10]))
