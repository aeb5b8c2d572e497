"""collect(): gc.collect() for tests that need an object found dead.

Tern scans the machine stack conservatively, and its interpreter loop keeps
some values of the instructions it ran last (the receiver of a method call,
the object of an attribute store) in its own stack slots until the same
kind of instruction runs again (docs/differences.md, "gc.collect() may leave
an object alive").  The same kinds of instructions on fresh objects replace
them; CPython is not affected by either.
"""
import gc


class _Fresh:
    def method(self):
        return self


def collect():
    fresh = _Fresh()
    fresh.attr = None
    fresh.attr
    fresh.method()
    [].append(None)
    {}.get(None)
    del fresh
    return gc.collect()
