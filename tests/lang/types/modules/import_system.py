# import statement forms, module objects, caching in sys.modules, packages, relative imports, errors.
import sys
import _helper_mod
import _helper_mod as again
print(_helper_mod is again, _helper_mod.VALUE, _helper_mod.func(), _helper_mod.dynamic)
print(_helper_mod.__name__, type(_helper_mod).__name__, "_helper_mod" in sys.modules, _helper_mod.__file__.endswith("_helper_mod.py"))
from _helper_mod import VALUE, func as f2, _private
print(VALUE, f2(), _private)
ns = {}
exec("from _helper_mod import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
try:
    _helper_mod.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    from _helper_mod import nope
except ImportError as e:
    print(type(e).__name__, e.name if hasattr(e, "name") else None)
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, isinstance(e, ImportError))
try:
    from no_such_pkg_xyz.sub import thing
except ImportError as e:
    print(type(e).__name__, e)
import _helper_pkg
print(_helper_pkg.PKG_VALUE, _helper_pkg.sibling.SIB, _helper_pkg.__path__ is not None, _helper_pkg.__package__)
import _helper_pkg.sub
from _helper_pkg.sub import SUB
print(SUB, _helper_pkg.sub.PARENT_SIB)
import _helper_pkg.sibling as sib
print(sib.SIB, sib.__name__)
for _ in range(2):
    try:
        import _helper_raises
    except ValueError as e:
        print(type(e).__name__, e, "_helper_raises" in sys.modules)
import importlib
m = importlib.import_module("_helper_mod")
print(m is _helper_mod)
r = importlib.reload(_helper_mod)
print(r is _helper_mod)
import types
mod = types.ModuleType("made", "doc of made")
mod.x = 1
print(mod.__name__, mod.__doc__, mod.x, repr(mod), sorted(vars(mod)))
def f():
    import math as local_math
    return local_math.sqrt(16), "local_math" in globals()
print(f())
print(__name__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else type(__builtins__).__name__)
sys.modules["fake_mod"] = mod
import fake_mod
print(fake_mod is mod)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
print(__import__("_helper_pkg.sibling").__name__, __import__("_helper_pkg.sibling", fromlist=["x"]).__name__)
