# get_object_traceback: the frames that allocated an object, most recent
# last, up to the limit, with total_nframe counting them all; frames still in
# their prologue (a cell made on entry, a generator) are left out as CPython
# leaves out incomplete frames; the warnings module's "Object allocated at"
# lines for a warning with a source.  (Only objects CPython allocates anew
# are looked at: not those of its free lists nor constants, nor instances of
# plain classes, for which CPython 3.11 finds no traceback, a bug of its own.)
import os
import tracemalloc
import warnings

THIS = __file__


def level3():
    return bytearray(b'thing')


def level2():
    return level3()


def level1():
    return level2()


def show(tb):
    if tb is None:
        print(None)
        return
    print(len(tb), tb.total_nframe, [(os.path.basename(f.filename), f.lineno) for f in tb])


def closure(x):
    def inner():
        return x
    return inner


def gen():
    yield 1


tracemalloc.start(2)
obj = level1()
show(tracemalloc.get_object_traceback(obj))
print(tracemalloc.get_object_traceback(obj)[-1].lineno == level3.__code__.co_firstlineno + 1)
tracemalloc.stop()

tracemalloc.start(10)
obj = level1()
show(tracemalloc.get_object_traceback(obj))
cell = closure(5).__closure__[0]
show(tracemalloc.get_object_traceback(cell))
g = gen()
show(tracemalloc.get_object_traceback(g))
numbers = {1, 2, 3}
show(tracemalloc.get_object_traceback(numbers))
squares = {i * i for i in range(3)}
show(tracemalloc.get_object_traceback(squares))
long = tuple(range(40))
show(tracemalloc.get_object_traceback(long))
show(tracemalloc.get_object_traceback(level1))  # made before tracing started
print(tracemalloc.get_object_traceback(obj) == tracemalloc.get_object_traceback(obj))
print(str(tracemalloc.get_object_traceback(obj)[-1]).replace(THIS, 'THIS'))

# The warnings module shows where a warning's source was allocated (its
# formatting; warnings.warn(..., source=) itself is not exercised here).
def formatted(source):
    msg = warnings.WarningMessage('left open', ResourceWarning, THIS, 1, source=source)
    return warnings._formatwarnmsg(msg).replace(THIS, 'THIS')


print(formatted(level1()))
tracemalloc.stop()
print(formatted(obj))
