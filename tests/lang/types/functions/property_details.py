# property details: getter/setter/deleter copies, fget/fset/fdel, doc from getter, __set_name__-free naming, errors for missing accessors.
class P:
    def __init__(self): self._x = 0
    def getx(self):
        "the x doc"
        return self._x
    x = property(getx)
    x2 = x.setter(lambda self, v: setattr(self, "_x", v * 2))
    x3 = x2.deleter(lambda self: print("deleting"))
    ro = property(doc="only doc")
print(P.x.__doc__, P.x2.__doc__, P.ro.__doc__, P.x is not P.x2, P.x.fset, P.x2.fset is not None, P.x3.fdel is not None, P.x.fget is P.x2.fget)
p = P()
p.x2 = 5; print(p.x, p.x2, p._x)
for action in [lambda: setattr(p, "x", 1), lambda: delattr(p, "x"), lambda: delattr(p, "x2"), lambda: p.ro, lambda: setattr(p, "ro", 1)]:
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)
del p.x3
class Q:
    @property
    def v(self):
        return "v"
    @v.setter
    def v(self, value):
        print("set", value)
    @v.deleter
    def v(self):
        print("del")
q = Q(); q.v = 3; del q.v; print(q.v, type(Q.__dict__["v"]).__name__, Q.v.__get__(None, Q) is Q.v, Q.v.__get__(q))
class Sub(property):
    pass
class R:
    @Sub
    def w(self): return "sub"
    @w.setter
    def w(self, val): pass
print(R().w, type(R.__dict__["w"]).__name__)
class Raises:
    @property
    def bad(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return "fallback:" + name
print(Raises().bad)
print(property().fget, property(None, None, None, "d").__doc__, isinstance(property(), object), P.x.__isabstractmethod__)
pr = property(lambda s: 1)
try:
    pr.fget = None
except AttributeError as e:
    print(type(e).__name__, e)
