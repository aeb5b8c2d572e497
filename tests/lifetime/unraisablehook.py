# A custom sys.unraisablehook is called for exceptions raised by __del__,
# weakref callbacks, weakref.finalize and gc.callbacks, with CPython's
# UnraisableHookArgs; a hook that raises is reported in its place; None and
# a deleted hook fall back to the default printer (stderr, not compared).
import gc
import sys
import weakref

from _collect import collect

seen = []


def hook(u):
    obj = u.object
    seen.append((type(u).__name__, len(u), u.exc_type.__name__, str(u.exc_value), u.err_msg,
                 type(obj).__name__, getattr(obj, "__qualname__", None),
                 type(u.exc_traceback).__name__, u.exc_value.__traceback__ is u.exc_traceback))


def show(label):
    collect()
    print(label, seen)
    seen.clear()


class WithDel:
    def __del__(self):
        raise ValueError("from __del__")


class Plain:
    pass


def callback(ref):
    raise KeyError("from a weakref callback")


def failing_finalizer():
    raise TypeError("from weakref.finalize")


def gc_callback(phase, info):
    if phase == "stop":
        raise RuntimeError("from gc.callbacks")


sys.unraisablehook = hook

WithDel()
show("__del__:")

o = Plain()
r = weakref.ref(o, callback)
del o
show("weakref callback:")

o = Plain()
weakref.finalize(o, failing_finalizer)
del o
show("weakref.finalize:")

gc.callbacks.append(gc_callback)
gc.collect()
gc.callbacks.remove(gc_callback)
print("gc callback:", seen)
seen.clear()


# The argument's type, and the default hook's check.
def capture(u):
    seen.append(u)


sys.unraisablehook = capture
WithDel()
collect()
u = seen.pop()
print("type:", type(u).__name__, type(u).__module__, "fields:", [f for f in dir(u) if not f.startswith("_") and f not in ("count", "index") and not f.startswith("n_")])
print("not in sys:", hasattr(sys, "UnraisableHookArgs"))
try:
    sys.__unraisablehook__(5)
except TypeError as e:
    print("default hook:", e)


# A hook that raises: reported instead (on stderr); the program goes on.
def bad_hook(u):
    seen.append("bad hook called")
    raise OSError("the hook fails")


sys.unraisablehook = bad_hook
WithDel()
show("failing hook:")

# None, then deleted: the default printer (stderr) is used.
sys.unraisablehook = None
WithDel()
collect()
del sys.unraisablehook
WithDel()
collect()
sys.unraisablehook = sys.__unraisablehook__
print("done")
