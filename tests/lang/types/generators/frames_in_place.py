# Generator and coroutine frames resumed by the interpreter loop itself (for
# loops, yield from, await) and by send()/next(), nested deeper than a few
# levels, with the collector running while they run: values and return values
# through long delegation chains, exceptions raised and caught across them,
# StopIteration turned into RuntimeError, frames and locals seen while
# running, exception state, recursion limits, and many generators alive.
import gc
import sys


def leaf(n, tag):
    for i in range(n):
        junk = [tag, i, str(i)]  # allocates while suspended frames hold values
        yield (tag, i, len(junk))
    return ("leaf-done", tag)


def chain(depth, n, tag):
    if depth == 0:
        r = yield from leaf(n, tag)
    else:
        r = yield from chain(depth - 1, n, tag)
    return (r, depth)


def collect_every(k, it):
    for i, v in enumerate(it):
        if i % k == 0:
            gc.collect()
        yield v


# Deep chains (deeper than the interpreter's inline pins) in for loops.
for depth in (0, 1, 7, 8, 9, 20, 40):
    out = list(collect_every(3, chain(depth, 5, depth)))
    print(depth, len(out), out[0], out[-1])

# The return value of a deep chain, through send() at the top.
g = chain(25, 3, "s")
print(g.send(None), g.send(1), g.send(2))
try:
    g.send(3)
except StopIteration as e:
    print("returned", e.value[1], e.value[0][1])


# An exception raised at the bottom of a chain, caught halfway up.
def raiser(n):
    for i in range(n):
        yield i
    raise KeyError("bottom")


def catcher(depth):
    if depth == 0:
        yield from raiser(2)
        return "never"
    if depth == 5:
        try:
            yield from catcher(depth - 1)
        except KeyError as e:
            yield ("caught", depth, e.args[0], sys.exc_info()[0].__name__)
            return "after"
    r = yield from catcher(depth - 1)
    return r


print(list(catcher(12)))


# StopIteration raised inside a generator resumed by a for loop and by yield from.
def leaks():
    yield 1
    raise StopIteration("oops")


for wrapper in (lambda: leaks(), lambda: chain(0, 0, 0) if False else (x for x in leaks())):
    try:
        for v in wrapper():
            print("got", v)
    except RuntimeError as e:
        print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)


def delegate_leak():
    r = yield from leaks()
    yield r


try:
    print(list(delegate_leak()))
except RuntimeError as e:
    print(type(e).__name__, e, e.__context__ is e.__cause__)


# Frames and locals seen from inside running generators.
def looking(depth):
    if depth:
        yield from looking(depth - 1)
        return
    f = sys._getframe()
    names = []
    while f is not None and len(names) < 6:
        names.append(f.f_code.co_name)
        f = f.f_back
    yield names
    me = sys._getframe()
    yield sorted(me.f_locals)
    yield me.f_lineno - looking.__code__.co_firstlineno


for v in looking(4):
    print(v)

g = looking(0)
next(g)
print(g.gi_frame.f_lineno - looking.__code__.co_firstlineno, g.gi_running, g.gi_frame.f_back)


def self_inspect():
    yield gen_ref.gi_running, gen_ref.gi_frame is sys._getframe(), gen_ref.gi_frame.f_code.co_name


gen_ref = self_inspect()
print(list(gen_ref))


# Exception state: the handled exception inside a generator resumed from an except block.
def exc_state():
    yield sys.exc_info()[0]
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


g = exc_state()
try:
    raise TypeError("outer")
except TypeError:
    for v in g:
        print(v.__name__ if v else None, sys.exc_info()[0].__name__)
print(sys.exc_info())


# The recursion limit reached through a chain of generators.
def bottomless(n):
    yield n
    yield from bottomless(n + 1)


old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    count = 0
    for v in bottomless(0):
        count += 1
except RecursionError as e:
    print("RecursionError", 150 < count < 200)
sys.setrecursionlimit(old)


# Many generators alive and suspended while the collector runs.
gens = [chain(i % 5, 4, i) for i in range(300)]
firsts = [next(x) for x in gens]
gc.collect()
seconds = [next(x) for x in gens]
gc.collect()
print(sum(t[1] for t in firsts), sum(t[1] for t in seconds), len([x for x in gens if x.gi_suspended]))
del gens


# A generator running while re-entered, and a finished one resumed.
def reenter():
    yield next(me)


me = reenter()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
g = leaf(1, "x")
print(list(g), list(g), next(g, "empty"))


# Coroutines awaiting each other deeply, with values sent in from a trampoline.
class Ask:
    def __init__(self, q):
        self.q = q

    def __await__(self):
        a = yield self.q
        if a == "boom":
            raise OSError("answered boom")
        return a


async def node(depth, label):
    if depth == 0:
        return await Ask(label)
    left = await node(depth - 1, label * 2)
    try:
        right = await node(depth - 1, label * 2 + 1)
    except OSError as e:
        right = len(str(e))
    return left + right


def drive(coro, answer):
    value = None
    asked = 0
    while True:
        try:
            q = coro.send(value)
        except StopIteration as stop:
            return stop.value, asked
        asked += 1
        if asked % 50 == 0:
            gc.collect()
        value = answer(q)


print(drive(node(9, 1), lambda q: q % 7))
print(drive(node(9, 1), lambda q: "boom" if q % 2 else 3))
try:
    drive(node(10, 1), lambda q: "boom" if q == 1024 else 1)
except OSError as e:
    print("OSError", e)


async def awaits_finished():
    c = node(0, 1)
    c.send(None)
    try:
        c.send(5)
    except StopIteration as s:
        print("first", s.value)
    return await c


try:
    drive(awaits_finished(), lambda q: q)
except RuntimeError as e:
    print(type(e).__name__, e)


# send() called from Python code: values, return values, errors, misuse.
def echo():
    total = 0
    try:
        while True:
            v = yield total
            if v == "raise":
                raise LookupError("asked to")
            if v == "stop":
                return ("stopped", total)
            total += v
            assert sys._getframe().f_back.f_code.co_name == "send_driver"
    finally:
        print("echo finally", total)


def ping(n):
    while n:
        n = yield n - 1


def send_driver():
    g = echo()
    print(g.send(None), g.send(1), g.send(2))
    try:
        g.send("stop")
    except StopIteration as e:
        print("StopIteration", e.value)
    try:
        g.send(5)
    except StopIteration as e:
        print("again", e.value)
    g = echo()
    next(g)
    try:
        g.send("raise")
    except LookupError as e:
        print("LookupError", e, g.gi_frame)
    print(ping(3).send(None))  # the generator only referenced by the call
    s = echo()
    bound = s.send
    print(bound(None), bound(3))
    try:
        echo().send(1)
    except TypeError as e:
        print(e)
    try:
        type(s).send(s)
    except TypeError as e:
        print(e)
    c = node(0, 1)
    try:
        type(s).send(c, None)
    except TypeError as e:
        print(e)
    c.close()
    try:
        s.send(1, 2)
    except TypeError as e:
        print(e)
    s.close()
    c = node(1, 5)
    print(c.send(None), c.send(10), type(c).send(c, 20) if False else "")
    c.close()
    try:
        raise ZeroDivisionError
    except ZeroDivisionError:
        g = exc_state()
        print([g.send(None).__name__ for _ in range(1)], sys.exc_info()[0].__name__)


send_driver()


def pong(depth):
    g = ping(10)
    v = g.send(None)
    while v:
        if depth:
            list(pong(depth - 1))
        v = g.send(v)
        yield v


print(list(pong(3)))


# One frame object per generator frame, whichever way it was asked for.
def frame_identity():
    me = sys._getframe()
    yield me
    yield sys._getframe() is me


g = frame_identity()
f1 = next(g)
print(g.gi_frame is f1, g.gi_frame is g.gi_frame, next(g), f1.f_lineno - frame_identity.__code__.co_firstlineno)
