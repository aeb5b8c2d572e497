# raise forms: class vs instance, re-raise in except, raise in nested functions, custom hierarchies.
class AppError(Exception): pass
class DbError(AppError): pass
class NetError(AppError):
    def __init__(self, host):
        super().__init__(f"cannot reach {host}")
        self.host = host
for thing in [ValueError, ValueError("inst"), DbError, NetError("example.org")]:
    try:
        raise thing
    except AppError as e:
        print("AppError", type(e).__name__, e, getattr(e, "host", None))
    except Exception as e:
        print("Exception", type(e).__name__, e.args)
class NeedsArgs(Exception):
    def __init__(self, a, b): super().__init__(a, b)
try:
    raise NeedsArgs
except TypeError as e:
    print(type(e).__name__, e)
def inner():
    raise LookupError("from inner")
def middle():
    try:
        inner()
    finally:
        print("middle cleanup")
try:
    middle()
except LookupError as e:
    print("caught", e)
def reraise_other():
    try:
        raise ValueError("first")
    except ValueError as e:
        err = e
    raise err
try:
    reraise_other()
except ValueError as e:
    print("reraised stored", e)
try:
    raise StopIteration
except StopIteration as e:
    print("StopIteration can be raised directly", e.value)
class WithNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.created = True
        return inst
try:
    raise WithNew("x")
except WithNew as e:
    print(e.created, e.args)
try:
    raise BaseException("base")
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException caught", e)
def raise_in_except_handler():
    try:
        raise KeyError("k")
    except KeyError:
        raise
try:
    raise_in_except_handler()
except KeyError as e:
    print(type(e).__name__, e)
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        raise e
except TypeError as e:
    print("raise e", e)
errs = []
for exc in (ArithmeticError, ZeroDivisionError, FloatingPointError, AssertionError, EOFError, MemoryError):
    try:
        raise exc("m")
    except Exception as e:
        errs.append(type(e).__name__)
print(errs)
