# __context__ is set implicitly, never creates cycles, is preserved through finally blocks, and `raise` in a nested handler chains to the right exception.
try:
    try:
        raise ValueError("first")
    except ValueError as first:
        raise TypeError("second")
except TypeError as e:
    print(type(e.__context__).__name__, e.__context__, e.__cause__, e.__suppress_context__)
a = ValueError("a"); b = TypeError("b")
try:
    try:
        raise a
    except ValueError:
        try:
            raise b
        except TypeError:
            raise a
except ValueError as e:
    print(e is a, type(e.__context__).__name__, e.__context__.__context__)
try:
    try:
        raise KeyError("in try")
    finally:
        print("finally sees pending exception")
except KeyError as e:
    print("caught", e, e.__context__)
try:
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("from finally")
except RuntimeError as e:
    print(type(e.__context__).__name__, e.__context__)
def handler_raises():
    try:
        1 / 0
    except ZeroDivisionError:
        {}["missing"]
try:
    handler_raises()
except KeyError as e:
    print(type(e.__context__).__name__, e.__context__)
try:
    try:
        raise ValueError("v")
    except ValueError as v:
        raise v
except ValueError as e:
    print("re-raised same:", e.__context__)
e = RuntimeError("manual")
e.__context__ = e
print(e.__context__ is e)
try:
    e.__context__ = "bad"
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e.__cause__ = 5
except TypeError as ex:
    print(type(ex).__name__, ex)
x = Exception(); x.__cause__ = None; print(x.__suppress_context__)
x.__cause__ = ValueError(); print(x.__suppress_context__ if False else "set", type(x.__cause__).__name__)
try:
    raise ValueError("outer") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, e.__context__)
