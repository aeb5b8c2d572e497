# getattr with default (only AttributeError is swallowed), setattr/delattr on instances/classes/builtins, hasattr semantics and name type checks.
class C:
    cls_attr = "class"
    @property
    def prop(self): raise ValueError("prop raised")
    @property
    def aprop(self): raise AttributeError("aprop missing")
c = C()
setattr(c, "x", 1); setattr(c, "with space", 2); setattr(C, "added", "later")
print(getattr(c, "x"), getattr(c, "with space"), getattr(c, "missing", "dflt"), getattr(c, "added"), getattr(c, "aprop", "fallback"), c.__dict__)
try:
    getattr(c, "prop", "dflt")
except ValueError as e:
    print(type(e).__name__, e)
try:
    hasattr(c, "prop")
except ValueError as e:
    print("hasattr propagates", type(e).__name__, e)
print(hasattr(c, "aprop"), hasattr(c, "x"), hasattr(C, "x"), hasattr(c, "cls_attr"), hasattr(5, "real"), hasattr(None, "__class__"))
delattr(c, "x"); delattr(C, "added")
print(hasattr(c, "x"), hasattr(C, "added"))
for f in [lambda: getattr(c, "nope"), lambda: delattr(c, "nope"), lambda: delattr(c, "cls_attr"), lambda: setattr(5, "x", 1), lambda: setattr(str, "x", 1), lambda: getattr(c, 5), lambda: getattr(c), lambda: setattr(c, "a"), lambda: hasattr(c, None)]:
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class S(str): pass
setattr(c, S("sub"), 3); print(getattr(c, "sub"), type(list(vars(c))[-1]).__name__)
print(getattr(C, "cls_attr"), getattr(type, "__name__"), getattr(getattr, "__name__"), getattr(1, "__add__")(2))
