# Debian's _lsprof binary (cProfile) through cpyext: it reads the thread state
# from _PyRuntime and profiles with a C function (_PyEval_SetProfile).
import cProfile
import pstats
import sys
import _lsprof


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    return [fib(12) for _ in range(3)]


def ours(stats):
    return sorted((f[2], v[0], v[1]) for f, v in stats.stats.items() if f[0] == __file__)


p = cProfile.Profile()
p.enable()
r = work()
p.disable()
print(r)
st = pstats.Stats(p)
print(ours(st))
print(st.total_calls >= 1395 + 2, st.prim_calls >= 5)
p2 = _lsprof.Profiler()
p2.enable()
fib(5)
p2.disable()
entries = [e for e in p2.getstats() if getattr(e.code, "co_name", None) == "fib"]
print(len(entries), entries[0].callcount, entries[0].reccallcount, len(entries[0].calls))
print(sys.getprofile())
# runctx, and a profiled function that raises.
p3 = cProfile.Profile()
try:
    p3.runcall(fib, "x")
except TypeError as e:
    print("TypeError", "'<'" in str(e))
p3.runctx("fib(6)", globals(), {})
print(ours(pstats.Stats(p3)))
with cProfile.Profile() as p4:
    fib(4)
print(ours(pstats.Stats(p4)))
# sys.getprofile() gives the profiler object while it profiles, as in CPython.
p5 = cProfile.Profile()
p5.enable()
current = sys.getprofile()
p5.disable()
print(current is p5, sys.getprofile())
# On another thread: _lsprof reads that thread's state from _PyRuntime (the
# GIL's taker stores it), and profiles that thread only.
import threading
results = []


def profile_in_thread():
    prof = cProfile.Profile()
    prof.enable()
    fib(7)
    prof.disable()
    results.append(ours(pstats.Stats(prof)))


threads = [threading.Thread(target=profile_in_thread) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
# A custom timer: cProfile.Profile is a Python subclass of _lsprof.Profiler,
# whose tp_new is object's; the arguments go to its tp_init.
ticks = iter(range(0, 10**6, 1000))
p6 = cProfile.Profile(lambda: next(ticks), 0.001)
p6.runcall(fib, 5)
print(ours(pstats.Stats(p6)), type(p6).__mro__[1] is _lsprof.Profiler)
try:
    _lsprof.Profiler(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError")
