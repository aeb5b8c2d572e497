# sys.setprofile: call/return for Python frames, c_call/c_return/c_exception for builtins (and bound method descriptors), getprofile, errors.
import gc
import sys

# Tern runs the weakref callbacks of garbage left by the start-up imports at
# a safe point after a collection; collect it now, not while profiling.
gc.collect()

events = []


def profiler(frame, event, arg):
    name = frame.f_code.co_name
    if name.startswith("_"):
        return
    if event.startswith("c_"):
        shown = getattr(arg, "__qualname__", getattr(arg, "__name__", type(arg).__name__))
    else:
        shown = arg
    events.append((event, name, shown))


def show(title):
    print(title)
    for e in events:
        print("  ", *e)
    events.clear()


def inner(x):
    return x + 1


def outer():
    a = len([1, 2])
    b = inner(a)
    items = []
    items.append(b)
    c = max(items, key=abs)
    try:
        int("x")
    except ValueError:
        pass
    d = sorted([3, 1], key=inner)
    return c + sum(d)


def gen():
    yield 1
    yield 2


print(sys.getprofile())
sys.setprofile(profiler)
outer()
list(gen())
f = sorted
f(*[[2, 1]])
sys.setprofile(None)
show("profile")
print(sys.getprofile())


# A profile function that raises is removed.
def bad(frame, event, arg):
    if event == "c_call":
        raise KeyError("profiler")


sys.setprofile(bad)
try:
    len([])
except KeyError as e:
    print("KeyError", e, sys.getprofile())
sys.setprofile(None)

# Both at once: the trace function sees no c_* events.
seen = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "inner":
        seen.append(("trace", event))
    return tracer
def prof(frame, event, arg):
    if frame.f_code.co_name == "inner" or event.startswith("c_"):
        seen.append(("profile", event))
sys.settrace(tracer)
sys.setprofile(prof)
inner(1)
abs(-1)
sys.setprofile(None)
sys.settrace(None)
print(seen)
