# __getattr__ is a fallback called only after normal lookup fails.
class Fallback:
    cls_attr = "class"
    def __init__(self):
        self.inst = "instance"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"no {name}")

f = Fallback()
print(f.inst, f.cls_attr, f.dyn_hello)
try:
    f.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(f, "missing", "default"), hasattr(f, "missing"), hasattr(f, "dyn_x"))

# property raising AttributeError falls through to __getattr__
class Prop:
    @property
    def p(self):
        raise AttributeError("inside property")
    def __getattr__(self, name):
        return "getattr:" + name
print(Prop().p)

# __getattr__ raising another exception propagates
class Raises:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    Raises().x
except KeyError as e:
    print(type(e).__name__, e)
try:
    hasattr(Raises(), 'x')
except KeyError as e:
    print("hasattr propagates", type(e).__name__)

# special methods bypass __getattr__
class NoLen:
    def __getattr__(self, name):
        return lambda: 5
n = NoLen()
print(n.__len__())
try:
    len(n)
except TypeError as e:
    print(type(e).__name__, e)

# module-level __getattr__
import types
m = types.ModuleType("m")
m.__getattr__ = lambda name: "module:" + name
print(m.anything)

# __getattr__ set on the instance does nothing
class Plain: pass
p = Plain()
p.__getattr__ = lambda name: "never"
try:
    p.zzz
except AttributeError as e:
    print(type(e).__name__, e)
