# numpy tracks its arrays' data with PyTraceMalloc_Track in its own domain
# (389047): tracemalloc sees an array's data there, at the line that made the
# array, and forgets it once the array is freed (Tern frees an unreachable
# array at some collection, hence the gc.collect() calls).
import gc
import tracemalloc

import numpy as np

NUMPY_DOMAIN = 389047


def numpy_stats():
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    numpy_only = snapshot.filter_traces([tracemalloc.DomainFilter(True, NUMPY_DOMAIN)])
    return [(s.traceback[0].lineno, s.size, s.count) for s in numpy_only.statistics('lineno') if s.size >= 40_000]


def freed_eventually(line):
    for _ in range(10):
        if all(stat[0] != line for stat in numpy_stats()):
            return True
    return False


tracemalloc.start()
a = np.zeros(1_000_000)
b = np.arange(12_345, dtype=np.int32)
print(numpy_stats())
before = tracemalloc.get_traced_memory()[0]
c = np.zeros((500, 1000), dtype=np.float32)
print(tracemalloc.get_traced_memory()[0] - before >= 2_000_000)
print(numpy_stats())
del a, c
print(freed_eventually(28), freed_eventually(32), numpy_stats())
others = tracemalloc.take_snapshot().filter_traces([tracemalloc.DomainFilter(False, NUMPY_DOMAIN)])
print(any(t.domain == NUMPY_DOMAIN for t in others.traces))
tracemalloc.stop()
print(tracemalloc.get_traced_memory(), b.size)
