# Exception chaining: implicit __context__, explicit __cause__, from None, __suppress_context__.
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
try:
    implicit()
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
def explicit():
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("wrapped") from k
try:
    explicit()
except RuntimeError as e:
    print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__, e.__cause__ is e.__context__)
def from_none():
    try:
        int("x")
    except ValueError:
        raise TypeError("clean") from None
try:
    from_none()
except TypeError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
def from_class():
    raise ValueError("v") from KeyError
try:
    from_class()
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
e = ValueError()
e.__cause__ = KeyError("manual")
print(e.__suppress_context__, type(e.__cause__).__name__)
try:
    e.__cause__ = 5
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e.__context__ = "x"
except TypeError as ex:
    print(type(ex).__name__, ex)
def nested_context():
    try:
        raise A("a")
    except A:
        try:
            raise B("b")
        except B:
            raise C("c")
class A(Exception): pass
class B(Exception): pass
class C(Exception): pass
try:
    nested_context()
except C as c:
    chain = []
    x = c
    while x is not None:
        chain.append(type(x).__name__)
        x = x.__context__
    print(chain)
def no_self_cycle():
    err = ValueError("same")
    try:
        raise err
    except ValueError:
        try:
            raise err
        except ValueError as again:
            return again.__context__
print(no_self_cycle())
def cycle_broken():
    a = ValueError("a")
    b = TypeError("b")
    try:
        try:
            raise a
        except ValueError:
            raise b
    except TypeError:
        try:
            raise a
        except ValueError as got:
            return type(got.__context__).__name__, got.__context__.__context__
print(cycle_broken())
def context_in_finally():
    try:
        try:
            raise KeyError("k")
        finally:
            raise IndexError("i")
    except IndexError as e:
        return type(e.__context__).__name__
print(context_in_finally())
def handled_not_context():
    try:
        raise KeyError
    except KeyError:
        pass
    try:
        raise ValueError
    except ValueError as e:
        return e.__context__
print(handled_not_context())
try:
    try:
        raise ValueError("inner")
    except ValueError as inner:
        raise inner from inner
except ValueError as e:
    print(e.__cause__ is e, e.__context__)
