# AttributeError.name/.obj and NameError.name set by the interpreter (3.10+), ImportError name/path keywords, and KeyError/IndexError args.
class C:
    pass
c = C()
try:
    c.missing
except AttributeError as e:
    print(type(e).__name__, e, e.name, e.obj is c)
try:
    (5).nope
except AttributeError as e:
    print(e, e.name, e.obj)
try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e, e.name)
def f():
    try:
        local_missing
    except NameError as e:
        print(e, e.name)
f()
e = AttributeError("manual", name="n", obj=42)
print(e, e.name, e.obj, e.args)
print(AttributeError("x").name, AttributeError("x").obj, NameError("y").name)
e = NameError("z", name="zz"); print(e.name)
try:
    NameError("z", obj=1)
except TypeError as ex:
    print(type(ex).__name__, ex)
ie = ImportError("cannot import", name="modname", path="/p")
print(ie, ie.name, ie.path, ie.msg, ie.args, ImportError().name, repr(ImportError("m", name="n")))
try:
    ImportError("x", bogus=1)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(issubclass(ModuleNotFoundError, ImportError), ModuleNotFoundError("m", name="q").name)
try:
    import no_such_module_anywhere_xyz
except ModuleNotFoundError as ex:
    print(type(ex).__name__, ex, ex.name)
try:
    from sys import no_such_name_xyz
except ImportError as ex:
    print(type(ex).__name__, ex, ex.name)
class Slotted:
    __slots__ = ("a",)
try:
    Slotted().a
except AttributeError as ex:
    print(ex, ex.name)
