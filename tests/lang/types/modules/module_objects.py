# Module objects: creation with types.ModuleType, attribute access, __dict__, dir, __getattr__/__dir__, repr, deletion.
import types, sys
m = types.ModuleType("demo", "demo doc")
print(m.__name__, m.__doc__, m.__spec__, m.__loader__, m.__package__, repr(m))
m.value = 5
m.func = lambda: "module func"
print(m.value, m.func(), sorted(vars(m)), "value" in dir(m))
del m.value
try:
    m.value
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del m.value
except AttributeError as e:
    print(type(e).__name__, e)
exec("x = 1\ndef g(): return x + 1", m.__dict__)
print(m.x, m.g(), m.g.__module__, m.g.__globals__ is m.__dict__)
m.__getattr__ = lambda name: f"lazy {name}"
m.__dir__ = lambda: ["custom", "dir"]
print(m.anything, dir(m))
class Sub(types.ModuleType):
    @property
    def computed(self): return "computed property"
s = Sub("sub")
print(s.computed, type(s).__name__, isinstance(s, types.ModuleType))
this = sys.modules[__name__]
this.__class__ = Sub
print(this.computed)
noname = types.ModuleType.__new__(types.ModuleType)
try:
    noname.__name__
except AttributeError as e:
    print(type(e).__name__)
print(repr(types.ModuleType("x")), type(sys).__name__, types.ModuleType.__name__)
