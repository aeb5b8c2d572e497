# tracemalloc.py on real traces: take_snapshot, filters, statistics by line,
# file and traceback, compare_to, and Traceback formatting, on a program
# that allocates on known lines.  Sizes and counts differ from CPython's (Tern
# has other object sizes), so only the ranking and lower bounds are printed.
import gc
import os
import tracemalloc

THIS = __file__


def make_lists():
    return [list(range(200)) for _ in range(60)]  # LISTS


def make_strs():
    return ['x' * (1000 + i) for i in range(40)]  # STRS


def line_of(tag):
    with open(THIS) as f:
        for n, text in enumerate(f, 1):
            if text.rstrip().endswith('# ' + tag):
                return n


LISTS, STRS = line_of('LISTS'), line_of('STRS')


def snapshot():
    gc.collect()  # Tern frees garbage at collections; CPython at once
    return tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, THIS)])


def where(stat):
    frame = stat.traceback[0]
    return os.path.basename(frame.filename), frame.lineno


tracemalloc.start()
a = make_lists()
snap1 = snapshot()
b = make_strs()
snap2 = snapshot()

print(snap2.traceback_limit, len(snap2.traces) > 100)
stats = snap2.statistics('lineno')
print([where(s) for s in stats[:2]] == [(os.path.basename(THIS), LISTS), (os.path.basename(THIS), STRS)])
lists, strs = stats[0], stats[1]
print(lists.size >= 60 * 200 * 8, lists.count >= 60, strs.size >= sum(1000 + i for i in range(40)), strs.count >= 40)
print(all(stats[i].size >= stats[i + 1].size for i in range(len(stats) - 1)))

by_file = snap2.statistics('filename')
print(len(by_file), os.path.basename(by_file[0].traceback[0].filename), by_file[0].traceback[0].lineno)
print(by_file[0].size == sum(s.size for s in stats), by_file[0].count == sum(s.count for s in stats))

diff = snap2.compare_to(snap1, 'lineno')
top = diff[0]
print(where(top) == (os.path.basename(THIS), STRS), top.size_diff >= 40_000, top.count_diff >= 40)
unchanged = [d for d in diff if where(d) == (os.path.basename(THIS), LISTS)][0]
# (Temporaries of that line that a stale stack word kept alive through the
# first collection may be gone by the second: a small difference.)
print(abs(unchanged.size_diff) < 1000, abs(unchanged.count_diff) < 10, unchanged.size == lists.size)

# Excluding the lists' line leaves the strings on top.
only = snap2.filter_traces([tracemalloc.Filter(False, THIS, lineno=LISTS)])
print(where(only.statistics('lineno')[0])[1] == STRS)
print(len(snap2.filter_traces([tracemalloc.Filter(True, 'no-such-file.py')]).traces))
print(len(snap2.filter_traces([tracemalloc.DomainFilter(False, 0)]).traces))

# Tracebacks of several frames, formatted with their source lines.
tracemalloc.stop()
tracemalloc.start(3)


def outer():
    return middle()


def middle():
    return make_strs()


c = outer()
snap3 = snapshot()
for stat in snap3.statistics('traceback')[:1]:
    tb = stat.traceback
    print(len(tb), tb.total_nframe)
    for line in tb.format():
        print(line.replace(THIS, os.path.basename(THIS)))
    for line in tb.format(limit=1, most_recent_first=True):
        print(line.replace(THIS, os.path.basename(THIS)))

snap3.dump(os.devnull)
tracemalloc.stop()
