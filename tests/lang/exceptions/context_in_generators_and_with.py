# __context__ set for exceptions raised inside generators, with-statement exits and nested handlers; exc_info restore.
import sys
def gen():
    try:
        yield 1
    except ValueError:
        raise KeyError("from gen")
g = gen(); next(g)
try:
    g.throw(ValueError("thrown"))
except KeyError as e:
    print(repr(e), repr(e.__context__))
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit saw", exc[0].__name__ if exc[0] else None)
        raise RuntimeError("from exit")
try:
    with CM():
        raise TypeError("body")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
try:
    raise ValueError("outer")
except ValueError:
    try:
        raise KeyError("inner")
    except KeyError:
        pass
    print("restored", repr(sys.exc_info()[1]))
print(sys.exc_info())
def gen2():
    try:
        raise ValueError("in gen2")
    except ValueError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
g2 = gen2()
print(next(g2), sys.exc_info()[1], next(g2))
try:
    raise IndexError("handling")
except IndexError:
    def inner():
        return repr(sys.exc_info()[1])
    print("visible in callee", inner())
