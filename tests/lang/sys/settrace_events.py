# sys.settrace: call/line/return/exception events, f_trace and its return value, f_trace_lines, f_lineno, generators, gettrace.
import sys

events = []


def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name.startswith("_") or frame.f_code.co_filename != __file__:
        return None
    shown = arg
    if event == "exception":
        shown = (arg[0].__name__, str(arg[1]), type(arg[2]).__name__)
    events.append((event, name, frame.f_lineno - BASE, shown))
    return tracer


def show(title):
    print(title)
    for e in events:
        print("  ", *e)
    events.clear()


BASE = sys._getframe().f_lineno


def simple(a, b):
    c = a + b
    return c * 2


def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


def raises():
    x = 1
    raise ValueError("boom")


def catches():
    # (No `try:` here: CPython gives its line a 'line' event, Tern has no instruction there.)
    result = _catch(raises)
    return result


def _catch(f):
    try:
        f()
    except ValueError:
        return "caught"


def gen(n):
    for i in range(n):
        yield i
    return "done"


def one_liner(): return 42


def calls_builtin():
    return len([1, 2, 3]) + abs(-1)


def while_loop():
    i = 0
    while i < 2:
        i += 1
    return i


print(sys.gettrace())
sys.settrace(tracer)
simple(1, 2)
sys.settrace(None)
show("simple")
print(sys.gettrace() is None)

sys.settrace(tracer)
loop(3)
sys.settrace(None)
show("loop")

sys.settrace(tracer)
catches()
sys.settrace(None)
show("catches")

sys.settrace(tracer)
try:
    raises()
except ValueError:
    pass
sys.settrace(None)
show("raises")

sys.settrace(tracer)
print(list(gen(2)))
sys.settrace(None)
show("gen")

sys.settrace(tracer)
one_liner()
calls_builtin()
while_loop()
sys.settrace(None)
show("misc")


# The local trace function: its result replaces f_trace; None keeps it.
def counting(frame, event, arg):
    if frame.f_code.co_name != "loop":
        return None
    events.append((event, frame.f_lineno - BASE))
    if event == "line":
        return None  # f_trace stays
    return counting


sys.settrace(counting)
loop(2)
sys.settrace(None)
show("local")


# f_trace_lines = False: no line events, still return.
def nolines(frame, event, arg):
    if frame.f_code.co_name != "simple":
        return None
    frame.f_trace_lines = False
    events.append((event, frame.f_lineno - BASE))
    return nolines


sys.settrace(nolines)
simple(2, 3)
sys.settrace(None)
show("no lines")


# A trace function that raises is removed; its exception propagates.
def bad(frame, event, arg):
    if frame.f_code.co_name == "simple" and event == "line":
        raise RuntimeError("from tracer")
    return bad


sys.settrace(bad)
try:
    simple(1, 1)
except RuntimeError as e:
    print("RuntimeError", e, sys.gettrace())
sys.settrace(None)


# Setting f_trace on the calling frame, then settrace: the next lines of this frame are traced.
def here():
    frame = sys._getframe()
    frame.f_trace = tracer
    sys.settrace(tracer)
    a = 1
    b = a + 1
    sys.settrace(None)
    return b


here()
show("f_trace on a running frame")

print(sys._getframe().f_trace, sys._getframe().f_trace_lines)


# Class bodies and module code run by exec.
def everything(frame, event, arg):
    if frame.f_code.co_filename == "<exec>":
        events.append((event, frame.f_code.co_name, frame.f_lineno, arg))
        return everything
    return None


source = "x = 1\nclass C:\n    a = 1\n    b = 2\ny = x + 1\n"
sys.settrace(everything)
exec(compile(source, "<exec>", "exec"), {})
sys.settrace(None)
show("exec")
