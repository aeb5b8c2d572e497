"""Times C calls of each kind: prints one line per case with ns per call.

The time is the process's CPU time (time.process_time), best of 3: on a
shared machine the wall clock also counts the time other jobs hold the CPU,
which swamps calls of 20-150 ns.  Both interpreters are timed alike, and
everything the process does counts, its collector's work included."""
import sys
import time
import cbench

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000


def case(name, fn):
    best = None
    for _ in range(3):
        t0 = time.process_time()
        fn()
        t = time.process_time() - t0
        best = t if best is None else min(best, t)
    print("%-12s %8.1f ns/call" % (name, best / N * 1e9))


def loop_noargs():
    f = cbench.noargs
    for _ in range(N):
        f()


def loop_onearg():
    f, x = cbench.onearg, object()
    for _ in range(N):
        f(x)


def loop_fastcall():
    f = cbench.fastcall
    for i in range(N):
        f(i, i)


def loop_varargs():
    f = cbench.varargs
    for i in range(N):
        f(i, 2)


def loop_sum_list():
    f, items = cbench.sum_list, list(range(10))
    for _ in range(N):
        f(items)


def loop_callback():
    f, g = cbench.call_back, lambda: None
    for _ in range(N):
        f(g)


def loop_build():
    f = cbench.build
    for _ in range(N):
        f()


def loop_get_attr():
    f, p = cbench.get_attr, cbench.Point()
    for _ in range(N):
        f(p)


def loop_len():
    p = cbench.Point()
    for _ in range(N):
        len(p)


def loop_method():
    p = cbench.Point()
    for _ in range(N):
        p.get()


def loop_member():
    p = cbench.Point()
    for _ in range(N):
        p.value


for name, fn in [("noargs", loop_noargs), ("onearg", loop_onearg), ("fastcall", loop_fastcall),
                 ("varargs", loop_varargs), ("sum_list", loop_sum_list), ("callback", loop_callback),
                 ("build", loop_build), ("get_attr", loop_get_attr), ("method", loop_method),
                 ("member", loop_member), ("len", loop_len)]:
    case(name, fn)
