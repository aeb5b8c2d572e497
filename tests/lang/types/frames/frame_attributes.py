# Frame objects: f_code, f_back, f_lineno changing as code runs, f_locals of functions/classes/modules, f_globals, f_builtins, f_trace, frames of finished generators.
import sys
def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno
def multi():
    a = where()
    b = where()
    return a, b
print(multi())
def locs(x, y=2):
    z = x + y
    f = sys._getframe()
    return sorted(f.f_locals), f.f_locals["z"]
print(locs(1))
class K:
    attr = 1
    frame_locals = sorted(k for k in sys._getframe().f_locals if not k.startswith("__"))
    code_name = sys._getframe().f_code.co_name
print(K.frame_locals, K.code_name)
f = sys._getframe()
print(f.f_code.co_name, f.f_back, f.f_globals is globals(), f.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else f.f_builtins is __builtins__, f.f_trace, type(f).__name__)
print("print" in f.f_builtins, f.f_locals is f.f_globals)
def outer():
    def inner():
        return sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name
    return inner()
print(outer())
def gen():
    fr = sys._getframe()
    yield fr.f_lineno
    yield fr.f_back.f_code.co_name
g = gen()
print(next(g), next(g), g.gi_frame.f_code.co_name, g.gi_frame.f_lineno)
def lam_frame():
    return (lambda: sys._getframe().f_code.co_name)()
print(lam_frame(), [sys._getframe().f_code.co_name for _ in range(1)], sys._getframe().f_code.co_name)
def mutate():
    v = 1
    sys._getframe().f_locals["v"] = 2
    return v
print(mutate())
try:
    sys._getframe(-1) if False else sys._getframe("0")
except TypeError as e:
    print(type(e).__name__, e)
def depth():
    n = 0
    fr = sys._getframe()
    while fr:
        n += 1
        fr = fr.f_back
    return n
print(depth(), (lambda: depth())())
