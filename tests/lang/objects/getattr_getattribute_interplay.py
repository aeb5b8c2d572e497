# __getattribute__ raising AttributeError falls back to __getattr__; other exceptions propagate; object.__getattribute__ bypass; special-method lookup skips both.
class Both:
    def __getattribute__(self, name):
        if name.startswith("missing"):
            raise AttributeError("gaAttr " + name)
        if name == "boom":
            raise KeyError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
    real = "real value"
b = Both()
print(b.real, b.missing_x, b.other_missing if False else b.missing_y, getattr(b, "missing_z", "default-not-used"))
try:
    b.boom
except KeyError as e:
    print(type(e).__name__, e)
print(hasattr(b, "missing_q"), getattr(b, "zzz"))
class OnlyGetattr:
    x = 1
    def __getattr__(self, name):
        if name == "bad":
            raise AttributeError("custom message")
        return name.upper()
o = OnlyGetattr()
print(o.x, o.abc, getattr(o, "bad", "dflt"), hasattr(o, "bad"))
try:
    o.bad
except AttributeError as e:
    print(type(e).__name__, e)
class Counting:
    calls = []
    def __getattribute__(self, name):
        Counting.calls.append(name)
        return object.__getattribute__(self, name)
    def __len__(self): return 3
    def __repr__(self): return "Counting()"
c = Counting()
print(len(c), repr(c), str(c), Counting.calls)
c.__len__(); print(Counting.calls)
class Recursive:
    def __getattr__(self, name):
        return self.__dict__[name] if name in self.__dict__ else "dyn-" + name
r = Recursive(); r.set = 1
print(r.set, r.nope)
class PropError:
    @property
    def p(self):
        return self.nonexistent
    def __getattr__(self, name):
        return "getattr(" + name + ")"
print(PropError().p)
class Slotted:
    __slots__ = ("a",)
    def __getattr__(self, name): return "slot-fallback-" + name
s = Slotted(); print(s.a); s.a = 1; print(s.a)
