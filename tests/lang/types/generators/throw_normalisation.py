# gen.throw(cls): the class is instantiated inside the generator, and the
# exception thrown in is chained to one the generator is handling.

class ReturnsClass(Exception):
    def __new__(cls, *args, **kwargs):
        return cls

class FailsToInit(Exception):
    def __init__(self, *args):
        raise KeyError("from __init__")

def boring():
    yield

gen = boring()
try:
    gen.throw(ReturnsClass)
except TypeError as e:
    print("TypeError:", e)
try:
    next(gen)
except StopIteration:
    print("closed after the failed throw")

def catches():
    while True:
        try:
            yield
        except Exception as e:
            print("inside:", type(e).__name__, e)

gen = catches()
next(gen)
gen.throw(ReturnsClass)
gen.throw(FailsToInit)
gen.throw(ValueError)
gen.throw(ValueError("instance"))

# Argument errors are raised before the generator runs.
for args in [(1,), (ValueError(), 5), (ValueError, None, 3)]:
    try:
        gen.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
next(gen)
print("still usable")

def handling():
    try:
        raise KeyError("a")
    except Exception:
        try:
            yield
        except Exception as exc:
            print("context inside:", type(exc.__context__).__name__, exc.__context__.args)
            raise

gen = handling()
next(gen)
try:
    gen.throw(ValueError)
except ValueError as e:
    print("context outside:", type(e.__context__).__name__, e.__context__.args)

def plain():
    yield

gen = plain()
next(gen)
try:
    raise IndexError("outer")
except IndexError:
    try:
        gen.throw(ValueError)
    except ValueError as e:
        print("no own handled exception:", e.__context__)

def delegating():
    try:
        raise KeyError("b")
    except Exception:
        yield from handling()

gen = delegating()
next(gen)
try:
    gen.throw(ValueError)
except ValueError as e:
    print("delegated:", type(e.__context__).__name__, e.__context__.args)
