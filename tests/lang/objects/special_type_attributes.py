# Special attributes of types guarded as CPython guards them: __name__,
# __qualname__, __module__, __doc__, __bases__ of builtin types cannot be
# set (also through the descriptors), none can be deleted; unsubclassable
# bases refused in __bases__ too; __slots__ names must be identifiers
# (str.isidentifier); the __dict__ descriptor of a plain class used on an
# instance of a builtin with a dict of its own; `del obj.__dict__`.
import types


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except (TypeError, AttributeError, ValueError) as e:
        print(label, type(e).__name__, e)


class X:
    "elephant"


type_dict = type.__dict__
for attr in ("__name__", "__qualname__", "__module__", "__doc__", "__bases__"):
    descr = type_dict[attr]
    attempt("set list." + attr, lambda: descr.__set__(list, (object,) if attr == "__bases__" else "blah"))
    attempt("del X." + attr, lambda: descr.__delete__(X))
    attempt("setattr int." + attr, lambda: setattr(int, attr, "x"))
X.__doc__ = "banana"
X.__qualname__ = "Y.X"
print(X.__doc__, X.__qualname__, X.__name__)

class O:
    pass

for bases in [(type(None),), (object, type(None)), (type(None), object), (O, type(None)), (bool,)]:
    def make():
        class Y(*bases):
            pass
    attempt("class bases " + str(len(bases)), make)
    def assign():
        class Z:
            pass
        Z.__bases__ = bases
    attempt("assign bases " + str(len(bases)), assign)

for names in [["a"], [chr(128)], ["a b"], ["1x"], [""], ["x\u00e9"], ["\u0661"], ["_\u0661"], ["__classcell__"]]:
    def make():
        class S:
            __slots__ = names
        return sorted(k for k in vars(S) if not k.startswith("__") or k == "__classcell__")
    attempt("slots " + ascii(names), make)

class WithCell:
    __slots__ = ["__classcell__"]
    def f(self):
        return __class__
print(WithCell().f() is WithCell)


class Base:
    pass


class Meta(type, Base):
    pass


class D(metaclass=Meta):
    x = 1


class M(types.ModuleType, Base):
    pass


class E(Exception, Base):
    pass


dd = Base.__dict__["__dict__"]
print(type(dd.__get__(D)).__name__, dd.__get__(D)["x"])
attempt("set class dict", lambda: dd.__set__(D, {}))
attempt("del class dict", lambda: dd.__delete__(D))
m = M("spam")
print(type(dd.__get__(m)).__name__, dd.__get__(m)["__name__"])
attempt("set module dict", lambda: dd.__set__(m, {}) or "set")
e = E()
dd.__set__(e, {"a": 1})
print(e.a)

class C:
    pass

c = C()
c.a = 1
c.b = 2
del c.__dict__
print(c.__dict__, hasattr(c, "a"))
c.z = 3
print(c.__dict__)
c.__dict__ = {"q": 4}
print(c.q)
attempt("dict None", lambda: setattr(c, "__dict__", None))

import functools
p = functools.partial(print)
p.x = 1
attempt("del partial dict", lambda: p.__delattr__("__dict__"))
print(p.__dict__)
