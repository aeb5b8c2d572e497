# int()/float()/complex()/operator.index() on objects whose conversion methods
# return instances of subclasses, buffers as number text, and constructor
# keywords reaching a subclass's own __new__/__init__.
import operator
import warnings
from array import array

class MyInt(int): pass
class MyFloat(float): pass
class MyComplex(complex): pass

class Converts:
    def __int__(self): return MyInt(7)
    def __index__(self): return MyInt(8)
    def __float__(self): return MyFloat(1.5)
    def __complex__(self): return MyComplex(2j)

class Truncates:
    def __trunc__(self): return 9

def show(label, fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            r = fn()
            print(label, type(r).__name__, r)
        except Exception as e:
            print(label, type(e).__name__, e)
    for w in caught:
        print("   ", w.category.__name__, w.message)

show("int", lambda: int(Converts()))
show("index", lambda: operator.index(Converts()))
show("float", lambda: float(Converts()))
show("complex", lambda: complex(Converts()))
show("trunc", lambda: int(Truncates()))
show("list index", lambda: [0, 1, 2, 3, 4, 5, 6, 7, 8][Converts()])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for fn in (lambda: int(Converts()), lambda: float(Converts()), lambda: int(Truncates())):
        try:
            fn()
        except DeprecationWarning as e:
            print("as error:", e)

for x in (memoryview(b"1.5"), memoryview(b"12.5")[1:], array("B", b"2.25"), bytearray(b" 7 "), b"1e3"):
    show("float(%s)" % type(x).__name__, lambda: float(x))
for x in (memoryview(b"100"), array("B", b"100"), b"100", bytearray(b"100")):
    show("int(%s)" % type(x).__name__, lambda: int(x))
    show("int(%s, 2)" % type(x).__name__, lambda: int(x, 2))
show("fromhex ascii", lambda: float.fromhex(" 0x1p3 "))
show("fromhex unicode digit", lambda: float.fromhex("0x1p\uff10"))
show("fromhex unicode space", lambda: float.fromhex("\u20000x1p1"))

for base in (float, list, set, frozenset, tuple, int, complex, str, bytes, bytearray, dict):
    class WithNew(base):
        def __new__(cls, arg=(), newarg=None):
            if base in (list, set, dict, bytearray):
                return super().__new__(cls)
            return super().__new__(cls, arg)
    class WithInit(base):
        def __init__(self, arg=(), newarg=None):
            self.newarg = newarg
    class Plain(base):
        pass
    for cls in (WithNew, WithInit, Plain):
        show("%s %s" % (base.__name__, cls.__name__),
             lambda: cls(newarg=3) if cls is not Plain else cls(x=1))
