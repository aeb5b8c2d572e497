# weakref.ref: calling, reuse of the basic ref, __callback__, types that cannot be weakly referenced, argument errors.
import weakref


class C:
    pass


def cb(r):
    pass


c = C()
r = weakref.ref(c)
print(r() is c, type(r) is weakref.ref, weakref.ref is weakref.ReferenceType, type(r).__name__, type(r).__module__)
print(weakref.ref(c) is r, weakref.ref(c, None) is r, weakref.ref(c, cb) is r, weakref.ref(c, cb) is weakref.ref(c, cb))
print(r.__callback__, weakref.ref(c, cb).__callback__ is cb)
print(isinstance(r, weakref.ref), callable(r))

for obj in [1, "s", (1,), [1], {1: 2}, None, 1.5, b"b", r, True]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(type(e).__name__, e)

# Weakly referenceable builtins.
def f():
    pass


for obj in [f, C, {1}, frozenset(), len, c.__init__ if hasattr(c, "x") else f.__code__, weakref, int.__add__ if False else type]:
    print(type(obj).__name__, weakref.ref(obj)() is obj)


class S:
    __slots__ = ("a",)


class SW:
    __slots__ = ("a", "__weakref__")


class SD(S):
    pass


for k in (S, SW, SD):
    try:
        inst = k()
        print(k.__name__, weakref.ref(inst)() is inst)
    except TypeError as e:
        print(k.__name__, type(e).__name__, e)

for args in [(), (c, None, 3)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    weakref.ref(c, callback=None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    r(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    r.__callback__ = cb
except AttributeError as e:
    print(type(e).__name__)
print(weakref.ref[int])
