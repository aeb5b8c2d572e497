# Python code run from inside the runtime (__eq__, __call__, mro()) that
# mutates what the runtime is working on, or recurses without a frame between.

# A set operation whose elements' __eq__ empties the target set.
class ClearsOnEq:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 0
    def __eq__(self, other):
        self.target.clear()
        return False

for op in ("|=", "update", "add", "^=", "-=", "&=", "in", "discard"):
    a, b = set(), set()
    for i in range(20):
        a.add(ClearsOnEq(a))
        b.add(ClearsOnEq(a))
    if op == "|=":
        a |= b
    elif op == "update":
        a.update(list(b))
    elif op == "add":
        a.add(ClearsOnEq(a))
    elif op == "^=":
        a ^= b
    elif op == "-=":
        a -= b
    elif op == "&=":
        a &= b
    elif op == "in":
        print(ClearsOnEq(a) in a)
    elif op == "discard":
        a.discard(ClearsOnEq(a))
    print(op, "survived", len(a) <= 41)

# __call__ that is itself an instance of the class: unbounded recursion with no
# Python frame in between must still be a RecursionError.
class SelfCalling:
    pass
SelfCalling.__call__ = SelfCalling()
try:
    SelfCalling()()
except RecursionError as e:
    print("RecursionError", "maximum recursion depth exceeded" in str(e))

# A metaclass's mro() that subclasses the class whose MRO it is computing.
class ExtendsIncomplete(type):
    def mro(cls):
        if cls.__mro__ is None and cls.__name__ != "X":
            try:
                class X(cls):
                    pass
            except TypeError as e:
                print("TypeError:", e)
        return type.mro(cls)

class A(metaclass=ExtendsIncomplete):
    pass
print(A.__mro__[0].__name__, len(A.__mro__))

# __bases__ assigned again from inside mro() while an assignment is in progress.
class Reassigns(type):
    ready = False
    def mro(cls):
        if Reassigns.ready and cls.__name__ == "C":
            Reassigns.ready = False
            C.__bases__ = (B2,)
        return type.mro(cls)

class Base(metaclass=Reassigns): pass
class B1(Base): pass
class B2(Base): pass
class C(Base): pass
Reassigns.ready = True
C.__bases__ = (B1,)
print([k.__name__ for k in C.__bases__], [k.__name__ for k in B2.__subclasses__()], B1.__subclasses__())
B1.__bases__ = (C,)
print([k.__name__ for k in B1.__mro__])

# A cycle through the base chain while MROs are stale.
class Cycles(type):
    ready = False
    def mro(cls):
        if Cycles.ready:
            if cls.__name__ == "D1":
                D2.__bases__ = (D1,)
            if cls.__name__ == "D2":
                D1.__bases__ = (D2,)
        return type.mro(cls)

class Root(metaclass=Cycles): pass
class D1(Root): pass
class D2(Root): pass
Cycles.ready = True
try:
    D1.__bases__ += ()
except TypeError as e:
    print("TypeError:", e)

# type(): names and docs must be text C can hold; an OrderedDict namespace
# keeps its own order.
import collections
for name in ("A\x00B", "A\udcdcB"):
    try:
        type(name, (), {})
    except (ValueError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
    try:
        K = type("K", (), {})
        K.__name__ = name
    except (ValueError, UnicodeEncodeError) as e:
        print("set:", type(e).__name__, e, K.__name__)
try:
    type("D", (), {"__doc__": "x\udcdcy"})
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
D = type("D", (), {})
D.__doc__ = "x\udcdcy"
print(ascii(D.__doc__))
od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print(list(type("O", (), od).__dict__.items())[:2])

# Attribute names that are str subclasses find inline instance attributes.
class StrName(str):
    pass
class Holder:
    def __init__(self):
        self.msg = "inline"
h = Holder()
print(getattr(h, StrName("msg")), h.__dict__[StrName("msg")], hasattr(h, StrName("nope")))
