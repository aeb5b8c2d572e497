# Traceback objects: tb_lineno/tb_next/tb_frame chain for nested calls, re-raise adding entries, with_traceback, __traceback__ identity.
def level3():
    raise ValueError("deep")
def level2():
    level3()
def level1():
    level2()
try:
    level1()
except ValueError as e:
    tb = e.__traceback__
    entries = []
    while tb is not None:
        entries.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(entries, type(e.__traceback__).__name__)
def reraiser():
    try:
        level3()
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
try:
    raise KeyError("k")
except KeyError as e:
    saved = e.__traceback__
    print(saved.tb_next, saved.tb_lineno, saved.tb_frame.f_code.co_name, isinstance(saved.tb_lasti, int))
e2 = RuntimeError("fresh")
print(e2.__traceback__)
r = e2.with_traceback(saved)
print(r is e2, e2.__traceback__ is saved)
try:
    raise e2
except RuntimeError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_next is saved, tb.tb_next.tb_lineno)
try:
    e2.with_traceback("not a traceback")
except TypeError as e:
    print(type(e).__name__, e)
e2.__traceback__ = None; print(e2.__traceback__)
try:
    e2.__traceback__ = 5
except TypeError as e:
    print(type(e).__name__, e)
def in_loop():
    for i in range(3):
        if i == 2:
            return 1 / 0
try:
    in_loop()
except ZeroDivisionError as e:
    print(e.__traceback__.tb_next.tb_lineno, e.__traceback__.tb_next.tb_frame.f_locals["i"])
TracebackType = type(saved)
t = TracebackType(None, saved.tb_frame, 0, 42)
print(t.tb_lineno, t.tb_next, t.tb_frame is saved.tb_frame)
