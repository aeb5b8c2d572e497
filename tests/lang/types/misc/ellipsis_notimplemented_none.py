# The singletons None, NotImplemented, Ellipsis: types, reprs, truthiness (NotImplemented bool is deprecated: not used), constructors and attributes.
print(repr(None), repr(NotImplemented), repr(Ellipsis), repr(...), ... is Ellipsis, str(...), type(...).__name__, type(NotImplemented).__name__, type(None).__name__)
print(type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
for t in [type(None), type(...), type(NotImplemented)]:
    try:
        t(1)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        class Sub(t):
            pass
    except TypeError as e:
        print(type(e).__name__, e)
print(bool(None), bool(...), None == None, None != 0, None == False, ... == ..., hash(None) == hash(None))
nothing = None
for op in [lambda: None + 1, lambda: None < None, lambda: ... + 1, lambda: nothing(), lambda: len(None), lambda: nothing[0], lambda: iter(None), lambda: None.x]:
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    None.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(None.__class__.__name__, Ellipsis.__reduce__(), NotImplemented.__reduce__(), None.__bool__(), None.__repr__())
print(sorted(a for a in dir(None) if not a.startswith("__")))
nothing = None
x = [None, ..., NotImplemented]
print(x, x.index(...), x.count(None), {None: 1, ...: 2}[...])
