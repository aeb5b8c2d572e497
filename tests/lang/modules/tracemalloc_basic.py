# tracemalloc over _tracemalloc: start/stop/is_tracing, the traceback limit and its errors, and
# get_traced_memory/reset_peak/clear_traces by relations only (Tern's object sizes are not CPython's, and
# Tern frees garbage at collections: docs/differences.md), snapshots taken without error.
import _tracemalloc
import gc
import tracemalloc

def attempt(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

print(sorted(n for n in dir(_tracemalloc) if not n.startswith('__')))
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
print(_tracemalloc._get_traces(), _tracemalloc._get_object_traceback(object()), type(tracemalloc.get_tracemalloc_memory()))
attempt(tracemalloc.take_snapshot)
attempt(tracemalloc.start, 0)
attempt(tracemalloc.start, 65536)
attempt(tracemalloc.start, -1)
attempt(tracemalloc.start, 2**31)
attempt(tracemalloc.start, 'x')
print(tracemalloc.reset_peak(), tracemalloc.clear_traces(), tracemalloc.is_tracing())

tracemalloc.start(5)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
current, peak = tracemalloc.get_traced_memory()
print(type(current), type(peak), 0 <= current <= peak or peak == 0)
def allocate_and_measure():
    # The data dies with this frame; only the numbers leave it.
    data = ['x' * 1000 + str(i) for i in range(1000)]
    return tracemalloc.get_traced_memory()


def scrub(depth):
    # Overwrites the C stack words the frame above may have left behind (Tern
    # finds roots on the stack conservatively: docs/differences.md).
    padding = [depth] * 8
    return scrub(depth - 1) + len(padding) if depth else 0


current, peak = allocate_and_measure()
print(current > 200_000, peak >= current)
scrub(50)
gc.collect()  # Tern frees the data (and drops its traces) here; CPython when the frame ended
after, peak2 = tracemalloc.get_traced_memory()
print(after < current, peak2 >= current)
tracemalloc.reset_peak()
c3, p3 = tracemalloc.get_traced_memory()
print(p3 < peak2, p3 >= c3)
snap = tracemalloc.take_snapshot()
print(type(snap).__name__, snap.traceback_limit, type(snap.statistics('lineno')))
print(tracemalloc.get_object_traceback(object()) is None or True)
tracemalloc.clear_traces()
tracemalloc.start()
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
attempt(tracemalloc.take_snapshot)
tracemalloc.stop()
