# Reflected operator priority: a subclass overriding the reflected method is tried first; same-type never tries reflected; NotImplemented chains.
class Base:
    def __init__(self, n): self.n = n
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return "Base.rsub"
    def __mul__(self, o): return "Base.mul"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
class SubNoOverride(Base):
    pass
print(Base(1) + Sub(2), Sub(2) + Base(1), Base(1) + SubNoOverride(2), Base(1) + Base(2))
print(Base(1) * Sub(2))
try:
    Base(1) - Base(2)
except TypeError as e:
    print(type(e).__name__, e)
print(Base(1) - Sub(2), 5 - Base(1), 5 + Base(1))
class IntSub(int):
    def __radd__(self, o): return "IntSub.radd"
    def __rpow__(self, o): return "IntSub.rpow"
print(1 + IntSub(2), IntSub(2) + 1, 2 ** IntSub(3), pow(2, IntSub(3)), 1.5 + IntSub(2))
class FloatSub(float):
    def __rtruediv__(self, o): return "FloatSub.rtruediv"
print(1 / FloatSub(2), 1.0 / FloatSub(2), FloatSub(2) / 1)
class Log:
    def __init__(self, name): self.name = name
    def __lt__(self, o):
        print("lt", self.name, o.name); return NotImplemented
    def __gt__(self, o):
        print("gt", self.name, o.name); return NotImplemented
class LogSub(Log):
    pass
try:
    Log("a") < LogSub("b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    Log("a") < Log("b")
except TypeError as e:
    print(type(e).__name__, e)
class R:
    def __rmatmul__(self, o): return ("rmatmul", o)
    def __rlshift__(self, o): return ("rlshift", o)
    def __rfloordiv__(self, o): return ("rfloordiv", o)
    def __rmod__(self, o): return ("rmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __rand__(self, o): return ("rand", o)
    def __rxor__(self, o): return ("rxor", o)
    def __ror__(self, o): return ("ror", o)
    def __rrshift__(self, o): return ("rrshift", o)
r = R()
print(1 @ r, 1 << r, 1 // r, 1 % r, divmod(1, r), 1 & r, 1 ^ r, 1 | r, 1 >> r)
print("%s!" % r if False else "-", "no-format-spec" % () if False else "-")
try:
    "x" % r
except TypeError as e:
    print(type(e).__name__, e)
print("%s" % (r,) == "%s" % r)
