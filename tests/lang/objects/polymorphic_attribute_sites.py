# One attribute site (a LOAD_ATTR, LOAD_METHOD or STORE_ATTR instruction) used
# with objects of many types: the answers must be those of a fresh lookup for
# each object, whatever the site remembered from earlier types, and stay right
# when classes change.  Sites here see up to eight types.


class Base:
    kind = "base"

    def who(self):
        return "Base.who"

    def describe(self):
        return self.kind + ":" + self.who()


def make_subclasses():
    out = []
    for i in range(8):
        ns = {}
        if i % 2:
            ns["kind"] = "sub%d" % i
        if i % 3 == 0:
            ns["who"] = (lambda i: lambda self: "Sub%d.who" % i)(i)
        out.append(type("Sub%d" % i, (Base,), ns))
    return out


subs = make_subclasses()
objs = [cls() for cls in subs]


def call_who(o):
    return o.who()  # LOAD_METHOD, megamorphic


def read_kind(o):
    return o.kind  # LOAD_ATTR, megamorphic


def write_x(o, v):
    o.x = v  # STORE_ATTR, megamorphic


for round_ in range(3):
    print([call_who(o) for o in objs])
    print([read_kind(o) for o in objs])
    print([o.describe() for o in objs])

# Instance attributes at different dict positions per class.
for n, o in enumerate(objs):
    for k in range(n):
        setattr(o, "pad%d" % k, k)
    write_x(o, n * 10)
print([o.x for o in objs])
print([read_kind(o) for o in objs])

# An instance attribute shadows the class attribute, then the method.
objs[3].kind = "instance-kind"
objs[5].who = lambda: "instance who"
print([read_kind(o) for o in objs])
print([call_who(o) for o in objs])
del objs[3].kind
del objs[5].who
print([read_kind(o) for o in objs])
print([call_who(o) for o in objs])

# Changing a class (and a base) after the sites have cached it.
subs[1].kind = "changed1"
Base.kind = "changed-base"
print([read_kind(o) for o in objs])
Base.who = lambda self: "new Base.who"
print([call_who(o) for o in objs])
del subs[0].who
print([call_who(o) for o in objs])


# Types whose attribute hooks differ share the sites with ordinary types.
class Hooked(Base):
    def __getattribute__(self, name):
        if name == "kind":
            return "hooked-kind"
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("hooked", value))


class GetattrOnly(Base):
    def __getattr__(self, name):
        return "missing " + name


class WithProperty(Base):
    @property
    def kind(self):
        return "property-kind"

    @property
    def x(self):
        return self.__dict__.get("_x", "unset")

    @x.setter
    def x(self, v):
        self.__dict__["_x"] = ("via setter", v)


class Slotted(Base):
    __slots__ = ("x",)


mixed = objs + [Hooked(), GetattrOnly(), WithProperty(), Slotted()]
for r in range(2):
    for n, o in enumerate(mixed):
        write_x(o, n)
    print([read_kind(o) for o in mixed])
    print([call_who(o) for o in mixed])
    print([o.x for o in mixed])


def read_y(o):
    return o.y


try_objs = [GetattrOnly(), Slotted(), Base(), GetattrOnly()]
for o in try_objs:
    try:
        print(read_y(o))
    except AttributeError as e:
        print("AttributeError:", e)


# Class-level attributes read through the class objects themselves (the
# type's type is `type`, or a metaclass).
class Meta(type):
    def who(cls):
        return "Meta.who of " + cls.__name__


class WithMeta(metaclass=Meta):
    pass


classes = subs + [WithMeta, Base, int, str]
print([read_kind(c) if hasattr(c, "kind") else "-" for c in classes])
print([c.__name__ for c in classes])


# Methods of builtin types through one site.
def first_method(o):
    return o.__len__()


print([first_method(o) for o in ([1, 2], (1,), "abc", b"xy", {1: 2}, {3}, range(5), bytearray(b"q"))])


# Modules through the same site as instances.
import math, string


def read_pi(o):
    return o.pi


class HasPi:
    pi = "class pi"


print([read_pi(o) for o in (math, HasPi(), HasPi, math)])
mod_like = [string, math]
for m in mod_like:
    try:
        print(m.no_such_attribute)
    except AttributeError as e:
        print("AttributeError:", e)
