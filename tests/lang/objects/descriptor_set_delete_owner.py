# Descriptor protocol details: __get__(instance, owner) arguments, __set__ and __delete__ on instances, class-level access, descriptors on metaclasses, __set__ without __get__.
class Verbose:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, inst, owner=None):
        print("get", self.name, type(inst).__name__, owner.__name__ if owner else None)
        return self if inst is None else inst.__dict__.get(self.name, "unset")
    def __set__(self, inst, value):
        print("set", self.name, value)
        inst.__dict__[self.name] = value
    def __delete__(self, inst):
        print("delete", self.name)
        inst.__dict__.pop(self.name, None)
class C:
    d = Verbose()
c = C()
print(c.d); c.d = 5; print(c.d); del c.d; print(c.d)
print(type(C.d).__name__)
c.__dict__["d"] = "shadow?"; print(c.d)
class SetOnly:
    def __set__(self, inst, value): print("SetOnly.set", value)
class D:
    s = SetOnly()
d = D(); d.s = 1
print(type(d.s).__name__)
d.__dict__["s"] = "in dict"; print(d.s)
class GetOnly:
    def __get__(self, inst, owner): return "from descriptor"
class E:
    g = GetOnly()
e = E(); print(e.g); e.g = "instance value"; print(e.g); del e.g; print(e.g)
class DelOnly:
    def __get__(self, inst, owner): return "del-only get"
    def __delete__(self, inst): print("DelOnly.delete")
class F:
    x = DelOnly()
f = F()
try:
    f.x = 1
except AttributeError as ex:
    print(type(ex).__name__, ex)
del f.x
class MetaDesc:
    def __get__(self, inst, owner): return ("meta-desc", inst.__name__ if inst else None)
class Meta(type):
    md = MetaDesc()
class G(metaclass=Meta):
    pass
print(G.md)
try:
    G().md
except AttributeError as ex:
    print(type(ex).__name__, ex)
print(Verbose.__get__(C.__dict__["d"], None, C) is C.__dict__["d"])
class Explicit:
    d = Verbose()
    def __init__(self): self.d = "init"
print(Explicit().d)
