# Frame objects via sys._getframe: f_back chain, f_code, f_locals snapshot, f_globals, f_lineno.
import sys, os
def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
def a(): return b()
def b(): return chain()
print(a())
def locals_view(p, q=2):
    r = p + q
    return dict(sys._getframe().f_locals)
print(locals_view(1))
f = sys._getframe()
print(f.f_globals is globals(), f.f_locals is globals(), os.path.basename(f.f_code.co_filename), f.f_code.co_name)
def lineno(): return sys._getframe(1).f_lineno
x = lineno()
print(x)
try:
    sys._getframe(1000)
except ValueError as e:
    print(type(e).__name__, e)
def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe().f_back.f_code.co_name
g = gen()
print(next(g), next(g))
print(type(f).__name__, type(f.f_code).__name__, f.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
