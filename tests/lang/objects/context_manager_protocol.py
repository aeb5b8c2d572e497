# with statement: __enter__/__exit__, exception suppression, multiple managers, errors.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", e)
with CM("x") as x, CM("y") as y:
    print("both", x, y)
with (CM("p") as p,
      CM("q")):
    print("parenthesized", p)

def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break

class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)

class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__)

class EnterRaises:
    def __enter__(self): raise OSError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with CM("outer"), EnterRaises():
        print("never body")
except OSError as e:
    print(type(e).__name__, e)

# exception info in __exit__ is the exception instance
class Inspect:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print(et is type(ev), isinstance(ev, ZeroDivisionError), tb.tb_lineno > 0)
        return True
with Inspect():
    1 / 0
print("end")
