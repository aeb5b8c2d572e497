# try/except/else/finally ordering with return/break/continue in each clause, exception variable cleanup, and bare raise outside a handler.
log = []
def run(raise_in_try, return_in_else):
    try:
        log.append("try")
        if raise_in_try:
            raise ValueError("v")
    except ValueError as e:
        log.append("except")
        return "from except"
    else:
        log.append("else")
        if return_in_else:
            return "from else"
    finally:
        log.append("finally")
    log.append("after")
    return "end"
for a in (False, True):
    for b in (False, True):
        log.clear()
        print(a, b, run(a, b), log)
def loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(("body", i))
        finally:
            out.append(("fin", i))
    else:
        out.append("else-not-run")
    return out
print(loop())
def cleanup():
    try:
        raise KeyError("k")
    except KeyError as err:
        pass
    try:
        return err
    except NameError as e:
        return "cleaned: " + str(e)
print(cleanup())
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
def else_raises():
    try:
        pass
    except Exception:
        return "not here"
    else:
        raise TypeError("from else")
try:
    else_raises()
except TypeError as e:
    print(type(e).__name__, e, e.__context__)
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
