# _tracemalloc's state and API: start/stop/is_tracing, the traceback limit and
# its errors, traced memory (relations, not sizes: Tern's object sizes are not
# CPython's), reset_peak, clear_traces, get_tracemalloc_memory, and what each
# function answers when not tracing.
import gc
import tracemalloc

holder = []


def allocate(n):
    holder.append(bytearray(n))


def attempt(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', r)


print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_traced_memory(), tracemalloc._get_traces())
print(tracemalloc.get_object_traceback(holder), tracemalloc.get_tracemalloc_memory() > 0)
tracemalloc.clear_traces()
tracemalloc.reset_peak()
for bad in (0, -1, 65536, 'x', 2.0):
    attempt(tracemalloc.start, bad)
print(tracemalloc.is_tracing())

tracemalloc.start(7)
tracemalloc.start(2)  # already tracing: the limit stays
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_tracemalloc_memory() > 0)

# Traced memory grows with what is allocated, and the peak follows it.
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory() == (0, 0))
allocate(200_000)
size1, peak1 = tracemalloc.get_traced_memory()
print(size1 >= 200_000, peak1 >= size1)
allocate(300_000)
size2, peak2 = tracemalloc.get_traced_memory()
print(size2 - size1 >= 300_000, peak2 >= size2)

# Freed memory leaves the traces (Tern frees it at a collection).
holder.clear()
gc.collect()
size3, peak3 = tracemalloc.get_traced_memory()
print(size2 - size3 >= 500_000, peak3 >= peak2)
tracemalloc.reset_peak()
size4, peak4 = tracemalloc.get_traced_memory()
print(peak4 < peak3, peak4 >= size4)
allocate(100_000)
size5, peak5 = tracemalloc.get_traced_memory()
print(peak5 - peak4 >= 100_000, peak5 >= size5)

# Traces: one per object, with its size; domain 0 for Python objects.
traces = tracemalloc._get_traces()
print(type(traces).__name__, len(traces) > 0)
print(all(type(t) is tuple and len(t) == 4 and t[0] == 0 and t[1] > 0 for t in traces))
print(all(type(f) is tuple and type(f[0]) is str and type(f[1]) is int for t in traces for f in t[2]))
print(all(1 <= len(t[2]) <= 2 and t[3] >= len(t[2]) for t in traces))
print(max(t[1] for t in traces) >= 100_000)
print(tracemalloc.get_object_traceback(holder[0]) is not None)
print(tracemalloc.get_object_traceback(5), tracemalloc.get_object_traceback(None))

# clear_traces forgets every trace; stop forgets them and stops.
tracemalloc.clear_traces()
print(tracemalloc.get_object_traceback(holder[0]), tracemalloc.is_tracing())
allocate(10)
print(tracemalloc.get_object_traceback(holder[1]) is not None)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc._get_traces())
print(tracemalloc.get_object_traceback(holder[1]), tracemalloc.get_tracemalloc_memory() > 0)
tracemalloc.stop()
tracemalloc.start()
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
