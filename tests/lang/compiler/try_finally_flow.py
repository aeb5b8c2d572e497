# try/except/else/finally ordering, return/break/continue through finally, re-raise.
def order(raise_it):
    log = []
    try:
        log.append("try")
        if raise_it:
            raise ValueError("x")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order(False), order(True))
def finally_overrides_return():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides_return())
def finally_swallows():
    try:
        raise KeyError("lost")
    finally:
        return "swallowed"
print(finally_swallows())
def return_value_evaluated_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2
print(return_value_evaluated_before_finally())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    print("reraised", e)
def multi(v):
    try:
        if v == 0: raise ValueError
        if v == 1: raise KeyError
        if v == 2: raise IndexError
        return "none"
    except (ValueError, KeyError) as e:
        return "tuple " + type(e).__name__
    except LookupError as e:
        return "base " + type(e).__name__
print([multi(i) for i in range(4)])
def except_order():
    try:
        raise KeyError
    except Exception:
        return "Exception first"
    except KeyError:
        return "never"
print(except_order())
def finally_exception_replaces():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        return type(e).__name__, type(e.__context__).__name__
print(finally_exception_replaces())
def else_exception_not_caught():
    try:
        try:
            pass
        except ValueError:
            return "wrong"
        else:
            raise ValueError("from else")
    except ValueError as e:
        return "outer got " + str(e)
print(else_exception_not_caught())
def generator_finally():
    try:
        yield 1
    finally:
        print("gen finally")
for v in generator_finally():
    print("got", v)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
class NotExc: pass
try:
    try:
        raise ValueError
    except NotExc:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise NotExc()
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
