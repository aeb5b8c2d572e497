# sys.excepthook for uncaught exceptions, sys.displayhook in single mode, sys.settrace basics.
import sys
def hook(etype, value, tb):
    print("custom excepthook:", etype.__name__, value, tb.tb_lineno)
sys.excepthook = hook
def dh(value):
    if value is not None:
        print("displayhook got", repr(value))
sys.displayhook = dh
exec(compile("40 + 2", "<s>", "single"))
exec(compile("None", "<s>", "single"))
calls = []
def tracer(frame, event, arg):
    if event == "call":
        calls.append(frame.f_code.co_name)
    return None
def traced_a(): traced_b()
def traced_b(): pass
# Tern runs the weakref callbacks of garbage left by the start-up imports at
# a safe point after a collection; collect it now, not while tracing.
import gc; gc.collect()
sys.settrace(tracer)
traced_a()
sys.settrace(None)
print(calls)
print("raising now")
raise ValueError("handled by excepthook")
