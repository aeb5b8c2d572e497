# Module-level names: __name__, __doc__, __file__, globals(), dir(), __spec__, __loader__.
"module docstring"
import sys
print(__name__, __doc__, __spec__, __package__)
print(__file__.endswith("module_attributes.py"), type(__loader__).__name__)
g = globals()
print(g is sys.modules["__main__"].__dict__, sorted(k for k in g if k.startswith("__")))
x = 1
g["y"] = 2
print(y, "x" in dir(), sys.modules[__name__].x)
del g["y"]
try:
    y
except NameError as e:
    print(type(e).__name__, e)
print(type(sys).__name__, sys.__name__, "builtins" in sys.builtin_module_names, sys.modules["sys"] is sys)
import builtins
print(builtins.len is len, builtins.__name__, __builtins__ is builtins or __builtins__ is builtins.__dict__)
builtins.my_new_builtin = "visible everywhere"
print(my_new_builtin)
len = lambda x: "shadowed"
print(len([1]), builtins.len([1]))
del len
print(len([1]))
import math
print(math.__name__, math.pi > 3, hasattr(math, "__file__") or "built-in", "sqrt" in dir(math))
