# Generator expressions and generator frames: laziness, gi_frame/gi_running/gi_suspended, exhausted behaviour, reuse.
gen = (x * x for x in range(4))
print(type(gen).__name__, gen.__name__, gen.__qualname__, gen.gi_running, gen.gi_frame is not None)
print(next(gen), next(gen), list(gen), next(gen, "exhausted"), gen.gi_frame)
def counter(limit):
    n = 0
    while n < limit:
        received = yield n
        n = n + 1 if received is None else received
c = counter(10)
print(next(c), c.send(5), next(c), c.send(8), list(c))
def state():
    print("suspended?", g.gi_suspended, "running?", g.gi_running)
    yield
g = state()
print("before start", g.gi_suspended, g.gi_frame.f_lasti >= -1)
next(g)
print("after yield", g.gi_suspended)
def infinite():
    i = 0
    while True:
        yield i
        i += 1
import itertools
print(list(itertools.islice(infinite(), 5)), list(zip(infinite(), "abc")))
def gen_with_return():
    yield 1
    return 2
g2 = gen_with_return()
print(list(g2), list(g2))
def gen_locals():
    a = 1
    yield locals().copy()
    b = 2
    yield sorted(locals())
gl = gen_locals()
print(next(gl), next(gl))
print(sum(x for x in range(10)), max(len(w) for w in ["a", "abcd", "ab"]), "".join(c for c in "abc" if c != "b"))
outer = ((i, j) for i in range(2) for j in (lambda i=i: range(i + 1))())
print(list(outer))
print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)))
