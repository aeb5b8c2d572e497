# try/finally interactions: return overriding, break/continue in finally swallowing exceptions, finally order.
def f1():
    try:
        return "try"
    finally:
        return "finally"
def f2():
    try:
        raise ValueError
    finally:
        return "swallowed"
def f3():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return "loop done", i
def f4():
    x = 1
    try:
        return x
    finally:
        x = 2
def f5():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
def f6():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
def f7():
    l = []
    while True:
        try:
            try:
                raise TypeError("t")
            except TypeError:
                l.append("exc")
                break
            finally:
                l.append("fin1")
        finally:
            l.append("fin2")
    return l
def f8():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "except"
    finally:
        print("f8 finally")
def gen():
    try:
        yield 1
        return
    finally:
        print("gen finally")
for f in [f1, f2, f3, f4, f5, f6, f7, f8]:
    print(f.__name__, f())
print(list(gen()))
def f9():
    try:
        raise ValueError("orig")
    finally:
        try:
            raise KeyError("in finally")
        except KeyError as e:
            print("handled", repr(e), repr(e.__context__))
try:
    f9()
except ValueError as e:
    print(type(e).__name__, e)
