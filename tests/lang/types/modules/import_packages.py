# Packages: relative imports, circular imports, namespace packages, failed imports, fromlists.
import sys
import _imp_pkg
print(_imp_pkg.A_VALUE, _imp_pkg.b_alias.B_VALUE, _imp_pkg.ORDER, _imp_pkg.__package__, _imp_pkg.__name__)
print(_imp_pkg.a.A_SEES_B, _imp_pkg.b.B_SEES_PARTIAL_A, _imp_pkg.b.B_ERROR)
print(sorted(k for k in vars(_imp_pkg) if not k.startswith("__")))
print([k for k in vars(_imp_pkg) if k.startswith("__")])
print(_imp_pkg.a.__package__, _imp_pkg.a.__name__)
print(type(_imp_pkg.a.__builtins__).__name__, isinstance(_imp_pkg.__path__, list), len(_imp_pkg.__path__))
import _imp_pkg.inner
print(_imp_pkg.inner.INNER)
from _imp_pkg.inner import leaf
print(leaf.LEAF, leaf.TOO_FAR)
import _imp_pkg.inner.leaf as leaf2
print(leaf2 is leaf, "_imp_pkg.inner.leaf" in sys.modules)
for _ in range(2):
    try:
        import _imp_pkg.broken
    except ZeroDivisionError as e:
        print(type(e).__name__, e, "_imp_pkg.broken" in sys.modules, hasattr(_imp_pkg, "broken"))
try:
    import _imp_pkg.bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, "_imp_pkg.bad_syntax" in sys.modules)
import _imp_pkg.replaces
print(sys.modules["_imp_pkg.replaces"])
from _imp_pkg import replaces
print(replaces)
try:
    import _imp_pkg.a.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import _imp_pkg.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _imp_pkg import nope
except ImportError as e:
    print(type(e).__name__, e.name, str(e).startswith("cannot import name 'nope' from '_imp_pkg' ("))
import _imp_ns.portion.mod
print(_imp_ns.portion.mod.NS, _imp_ns.__file__, _imp_ns.__package__, len(list(_imp_ns.__path__)))
from _imp_ns.portion import mod as m2
print(m2 is _imp_ns.portion.mod)
print(__import__("_imp_pkg.inner", fromlist=["leaf"]).__name__, __import__("_imp_pkg.inner").__name__)
print(__import__("inner", globals={"__package__": "_imp_pkg"}, level=1).__name__)
print(__import__("inner.leaf", globals={"__package__": "_imp_pkg"}, level=1).__name__)
print(__import__("", globals={"__package__": "_imp_pkg.inner"}, fromlist=["leaf"], level=1).__name__)
print(__import__("", globals={"__name__": "_imp_pkg.a"}, level=1).__name__)
for bad in [dict(globals={"__package__": 3}, level=1), dict(globals={}, level=1), dict(globals=5, level=1),
            dict(globals={"__package__": "_imp_pkg"}, level=3), dict(globals={"__name__": "top"}, level=1),
            dict(level=-1), dict(fromlist=[1]), dict(globals={"__package__": ""}, level=1)]:
    try:
        __import__("_imp_pkg", **bad)
    except (ImportError, TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    import sys.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(sys.path[0] == __file__.rsplit("/", 1)[0])
