# Traceback objects: tb_lineno, tb_frame, chaining through calls, f_lineno, traceback module output shape.
import sys, traceback
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
    frames = []
    while tb:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(frames)
    print([(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(e.__traceback__)])
def multiline():
    x = (1 +
         2 +
         int("bad"))
try:
    multiline()
except ValueError as e:
    print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])
def current_line():
    return sys._getframe().f_lineno
print(current_line())
def caller_info():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno
def calls():
    return caller_info()
print(calls())
try:
    exec("a = 1\nb = 2\nc = undefined_name\n", {})
except NameError as e:
    print([(f.name, f.filename, f.lineno) for f in traceback.extract_tb(e.__traceback__)][1:])
def reraise_keeps_tb():
    try:
        level3()
    except ValueError:
        raise
try:
    reraise_keeps_tb()
except ValueError as e:
    print([f.name for f in traceback.extract_tb(e.__traceback__)])
e = ValueError("manual")
print(e.__traceback__)
try:
    raise e
except ValueError:
    print(e.__traceback__.tb_lineno)
try:
    raise e.with_traceback(None)
except ValueError:
    print(len(traceback.extract_tb(e.__traceback__)))
lines = traceback.format_exception_only(ZeroDivisionError, ZeroDivisionError("division by zero"))
print(lines)
try:
    {}["key"]
except KeyError:
    info = sys.exc_info()
    print(info[0].__name__, info[1], info[2].tb_lineno)
    print(sys.exception() is info[1] if hasattr(sys, "exception") else True)
print(sys.exc_info())
def gen():
    yield 1
    raise RuntimeError("in generator")
try:
    for _ in gen():
        pass
except RuntimeError as e:
    print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])
try:
    [1, 2, 3][
        10
    ]
except IndexError as e:
    print(e.__traceback__.tb_lineno)
