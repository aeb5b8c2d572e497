# __del__: runs once, after the object is found unreachable, also in cycles; resurrection; gc.garbage stays empty.
import gc

from _collect import collect

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        # Every object of the cycle is still intact while any finalizer runs.
        log.append((self.name, self.other.name if self.other is not None else None))


def plain():
    n = Node("plain")
    del n
    collect()
    print("plain:", log)
    log.clear()


def cycle():
    a, b = Node("a"), Node("b")
    a.other, b.other = b, a
    del a, b
    collect()
    print("cycle:", sorted(log), "garbage:", gc.garbage)
    log.clear()


def self_cycle():
    n = Node("self")
    n.other = n
    del n
    collect()
    print("self cycle:", log, "garbage:", gc.garbage)
    log.clear()


saved = []


class Phoenix:
    count = 0

    def __del__(self):
        Phoenix.count += 1
        saved.append(self)


def resurrection():
    p = Phoenix()
    p.data = [1, 2, 3]
    del p
    collect()
    print("resurrected:", len(saved), Phoenix.count, saved[0].data, gc.is_finalized(saved[0]))
    # Dropped again: __del__ does not run a second time.
    saved.clear()
    collect()
    collect()
    print("after second drop:", Phoenix.count)


class Raises:
    def __del__(self):
        raise ValueError("from __del__")


def del_raises():
    # Reported as unraisable on stderr; the program goes on.
    import subprocess, sys
    program = ("import gc\nclass Raises:\n    def __del__(self):\n        raise ValueError('from __del__')\n"
               "r = Raises()\ndel r\ngc.collect()\nprint('went on')\n")
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    text = proc.stderr
    print("unraisable reported:", proc.stdout.strip(), "Exception ignored in" in text,
          "ValueError: from __del__" in text)


def many():
    class Counted:
        n = 0

        def __del__(self):
            Counted.n += 1

    items = [Counted() for _ in range(1000)]
    for i in range(0, 1000, 2):
        items[i].peer = items[i + 1]
        items[i + 1].peer = items[i]
    del items
    collect()
    print("finalized:", Counted.n)


def not_while_reachable():
    n = Node("kept")
    holder = [n]
    del n
    collect()
    print("reachable, not finalized:", log)
    holder.clear()
    collect()
    print("then finalized:", log)
    log.clear()


plain()
cycle()
self_cycle()
resurrection()
del_raises()
many()
not_while_reachable()
print("is_finalized(fresh):", gc.is_finalized(Node("x")))
