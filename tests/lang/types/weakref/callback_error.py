# an exception in a weakref callback is reported on stderr ("Exception ignored in") and not propagated.
import gc
import weakref


class C:
    pass


def boom(w):
    print("in callback")
    raise ValueError("from callback")


def scope():
    return weakref.ref(C(), boom)


r = scope()
gc.collect()
print("still running", r() is None)
