# sys.exc_info inside/outside handlers, nested handlers, handler variable deletion, exceptions in generators.
import sys
print(sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    print(sys.exc_info()[1])
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[1])
    print(sys.exc_info()[1])
print(sys.exc_info())
def f():
    return sys.exc_info()[0]
try:
    raise IndexError
except IndexError:
    print(f().__name__)
def g():
    try:
        yield sys.exc_info()[0]
    except Exception:
        pass
try:
    raise TypeError
except TypeError:
    gen = g()
    print(next(gen))
print(next(g()))
e_ref = None
try:
    raise ValueError("v")
except ValueError as e:
    e_ref = e
print("e" in dir(), e_ref)
def handler_var_shadow():
    e = "original"
    try:
        raise ValueError
    except ValueError as e:
        pass
    return "e" in locals()
print(handler_var_shadow())
try:
    raise ValueError("a")
except ValueError:
    try:
        raise
    except ValueError as again:
        print("re-raised", again)
def exc_in_finally_sees_exc():
    try:
        raise KeyError("k")
    finally:
        print("finally sees", sys.exc_info()[0].__name__)
try:
    exc_in_finally_sees_exc()
except KeyError:
    pass
try:
    raise RuntimeError("x")
except RuntimeError:
    pass
print(sys.exc_info())
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit sees", sys.exc_info()[0].__name__ if sys.exc_info()[0] else None)
        return True
with CM():
    raise OSError
print("after with")
