# function __code__ basics: co_name, co_qualname, co_argcount, co_posonlyargcount, co_kwonlyargcount, co_varnames, co_freevars, co_cellvars, co_flags bits.
def outer(a, b, /, c, *args, d, e=1, **kw):
    local = a
    def inner(x):
        return x + local + c
    return inner
co = outer.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames[:7], co.co_cellvars, co.co_freevars)
ico = outer(1, 2, 3, d=4).__code__
print(ico.co_name, ico.co_qualname, ico.co_argcount, ico.co_varnames, sorted(ico.co_freevars), ico.co_cellvars)
FLAGS = {"OPTIMIZED": 1, "NEWLOCALS": 2, "VARARGS": 4, "VARKEYWORDS": 8, "NESTED": 16, "GENERATOR": 32, "NOFREE": 64, "COROUTINE": 128, "ITERABLE_COROUTINE": 256, "ASYNC_GENERATOR": 512}
def flags(fn):
    return sorted(k for k, v in FLAGS.items() if fn.__code__.co_flags & v and k != "NOFREE")
def gen(): yield
async def coro(): pass
async def agen(): yield
def varargs(*a, **k): pass
print(flags(outer), flags(outer(1, 2, 3, d=4)), flags(gen), flags(coro), flags(agen), flags(varargs), flags(lambda: 0))
class C:
    def method(self): pass
    class Nested:
        def deep(self): pass
print(C.method.__code__.co_qualname, C.Nested.deep.__code__.co_qualname, (lambda: 0).__code__.co_name, (lambda: 0).__code__.co_qualname)
print(type(co).__name__, co.co_filename.endswith("code_object_attributes.py"), co.co_firstlineno, ico.co_firstlineno, isinstance(co.co_code, bytes), isinstance(co.co_consts, tuple))
print("a" in co.co_varnames, "inner" in co.co_varnames, [n for n in ("local", "c") if n in co.co_cellvars])
c2 = co.replace(co_name="renamed")
print(c2.co_name, co.co_name, c2 is co, c2.co_argcount)
def uses_globals(): return len(print.__name__) + missing_global
print(sorted(uses_globals.__code__.co_names))
