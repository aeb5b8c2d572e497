# None, NotImplemented and Ellipsis: identity, types, repr, truthiness, constructors.
print(None, repr(None), type(None).__name__, type(None)() is None, bool(None), None is None)
print(NotImplemented, type(NotImplemented).__name__, type(NotImplemented)() is NotImplemented)
print(Ellipsis, ..., ... is Ellipsis, type(...).__name__, type(...)() is ..., bool(...))
try:
    type(None)(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    n = None
    n()
except TypeError as e:
    print(type(e).__name__, e)
try:
    n = None
    n[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
print(hash(None) == hash(None), None == 0, None != False, [None] * 2, {None: 1}[None])
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(bool(NotImplemented))
    print(len(w), w[0].category.__name__ if w else None)
def f(): pass
print(f(), (lambda: None)() is None, print("x") is None)
print(None.__class__, ...  .__class__, NotImplemented.__reduce__(), Ellipsis.__reduce__(), None.__reduce__() if False else "")
print(str(...), repr(...), f"{...}", [...], (...,))
x = [1, 2]
x.append(x)
print(x, ... in [...])
