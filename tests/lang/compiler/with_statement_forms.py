# with statement compilation: targets of every kind, nested managers, exits in reverse order, exceptions from bodies.
class CM:
    def __init__(self, name, value=None): self.name, self.value = name, value
    def __enter__(self):
        print("enter", self.name)
        return self.value if self.value is not None else self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False
class Holder: pass
h = Holder()
d = {}
with CM("attr", 1) as h.attr, CM("item", 2) as d["k"], CM("tuple", (3, 4)) as (a, b), CM("star", [5, 6, 7]) as [c, *rest]:
    print(h.attr, d, a, b, c, rest)
with CM("outer"):
    with CM("inner"):
        print("body")
def gen():
    with CM("in generator"):
        yield 1
        yield 2
for v in gen():
    print("yielded", v)
g = gen()
next(g)
g.close()
try:
    with CM("a"), CM("b"), CM("c"):
        raise ValueError("boom")
except ValueError:
    print("propagated")
def ret():
    with CM("return"):
        return "value"
print(ret())
for i in range(2):
    with CM(f"loop{i}"):
        if i:
            break
        continue
class Suppress:
    def __enter__(self): return self
    def __exit__(self, *a): return True
def suppressed():
    with Suppress():
        raise KeyError
        print("never")
    return "continued after suppression"
print(suppressed())
import contextlib
@contextlib.contextmanager
def managed(tag):
    print("setup", tag)
    try:
        yield tag.upper()
    finally:
        print("teardown", tag)
with managed("x") as m:
    print("using", m)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppress ok")
with contextlib.ExitStack() as stack:
    for n in ("s1", "s2"):
        stack.enter_context(CM(n))
    print("in exit stack")
