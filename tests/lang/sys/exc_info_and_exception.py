# sys.exc_info() and sys.exception(): inside handlers, nested handlers, after handler exit, in finally, in generators, and in functions called from handlers.
import sys
print(sys.exc_info(), sys.exception())
try:
    raise ValueError("outer")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is v.__traceback__, sys.exception() is v)
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[0].__name__, sys.exception())
    print("restored:", sys.exc_info()[0].__name__, sys.exception())
    def helper():
        return sys.exception()
    print("in callee:", helper())
print("after:", sys.exc_info(), sys.exception())
try:
    try:
        raise TypeError("t")
    finally:
        print("finally:", sys.exception())
except TypeError:
    pass
def gen():
    yield sys.exception()
    try:
        raise RuntimeError("in gen")
    except RuntimeError:
        yield sys.exception()
    yield sys.exception()
try:
    raise IndexError("caller")
except IndexError:
    g = gen()
    print("gen sees caller:", next(g))
print("gen own:", next(g))
print("gen after:", next(g))
def raiser():
    try:
        raise OSError("x")
    except OSError:
        return sys.exc_info()[1]
print(repr(raiser()), sys.exception())
try:
    1 / 0
except ZeroDivisionError as e:
    del e
    print(type(sys.exception()).__name__)
