# Generators abandoned mid-iteration run their finally/with exits only when closed or collected.
import gc

from _collect import collect

log = []


class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        log.append("exit %s %s" % (self.name, exc[0].__name__ if exc[0] else None))
        return False


def gen(name):
    with Ctx(name):
        try:
            yield 1
            yield 2
        finally:
            log.append("finally " + name)


def closed_explicitly():
    g = gen("close")
    next(g)
    print("suspended:", log)
    g.close()
    print("after close():", log)
    log.clear()


def collected():
    g = gen("dropped")
    next(g)
    del g
    # Tern runs the exits when a collection finds the generator dead;
    # CPython at once.  After gc.collect() both have run them.
    collect()
    print("after collection:", log)
    log.clear()


def collected_in_cycle():
    def selfref(box):
        try:
            yield 1
        finally:
            log.append("cycle finally")

    box = []
    g = selfref(box)
    box.append(g)
    next(g)
    del g, box
    collect()
    print("cycle:", log)
    log.clear()


def exhausted():
    g = gen("done")
    for _ in g:
        pass
    del g
    collect()
    print("exhausted:", log)
    log.clear()


def never_started():
    g = gen("unstarted")
    del g
    collect()
    print("never started:", log)


def yield_in_finally():
    def stubborn():
        try:
            yield 1
        finally:
            yield 2

    g = stubborn()
    next(g)
    try:
        g.close()
    except RuntimeError as e:
        print("RuntimeError:", e)


def generator_exit_seen():
    def watcher():
        try:
            yield 1
        except GeneratorExit:
            log.append("GeneratorExit")
            raise

    g = watcher()
    next(g)
    del g
    collect()
    print("saw:", log)
    log.clear()


closed_explicitly()
collected()
collected_in_cycle()
exhausted()
never_started()
yield_in_finally()
generator_exit_seen()
