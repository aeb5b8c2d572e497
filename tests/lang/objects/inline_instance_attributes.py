# Instance attributes of classes defined in Python, which Tern keeps inline in
# the instance until a dict is needed: insertion order, __dict__ views and
# assignment, deletion, many attributes, computed names, __class__
# assignment between classes of different sizes, __slots__ mixes, subclasses
# that add attributes, and attribute sites that see many shapes.
import copy
import pickle


class A:
    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def m(self):
        return self.x + self.y


a = A(3)
print(a.x, a.y, a.m(), vars(a))
a.z = 5
print(a.__dict__)
del a.x
print(a.__dict__, hasattr(a, "x"))
a.x = 1
print(list(a.__dict__), a.x)

# Attributes set in another order than __init__'s: their own order.
b = A.__new__(A)
b.y = 1
b.x = 2
print(b.__dict__, b.m())

# Names built at run time (not interned), getattr/setattr/hasattr/delattr.
c = A(4)
name = "".join(["w", "q"])
setattr(c, name, 7)
print(getattr(c, "wq"), c.__dict__, hasattr(c, "w" + "q"))
delattr(c, "".join(["w", "q"]))
print(c.__dict__)

# More attributes than the class expects.
class Empty:
    pass


e = Empty()
for i in range(70):
    setattr(e, "a%d" % i, i)
print(len(e.__dict__), e.a0, e.a69, list(e.__dict__)[:3])

# The __dict__ is live both ways once asked for.
f = A(1)
d = f.__dict__
d["k"] = 9
f.j = 8
print(f.k, d["j"], d)
f.__dict__ = {"only": 1}
print(f.only, hasattr(f, "x"), vars(f))

# Subclasses adding attributes, super().__init__.
class B(A):
    def __init__(self):
        super().__init__(1)
        self.q = 9
        self.r = 10


bb = B()
print(bb.__dict__, bb.m())

# __class__ assignment between classes whose instances differ in size.
class Big:
    def __init__(self):
        for n in "abcdefghij":
            setattr(self, n, n)
        self.k = 1
        self.l = 2


bb.__class__ = A
print(type(bb).__name__, bb.__dict__, bb.m())
big = Big()
big.__class__ = Empty
print(type(big).__name__, len(big.__dict__), big.k)
small = Empty()
small.v = 1
small.__class__ = Big
small.w = 2
print(type(small).__name__, small.__dict__)

# __slots__ with __dict__, and slots added by a subclass.
class D:
    __slots__ = ("p", "__dict__")


dd = D()
dd.p = 1
dd.k = 2
print(dd.p, dd.k, dd.__dict__)


class E(A):
    __slots__ = ("s",)


ee = E(2)
ee.s = 3
ee.t = 4
print(ee.s, ee.t, ee.__dict__)

# Instance attributes shadowing methods, and methods shadowing nothing.
for i in range(3):
    o = A(i)
    if i == 1:
        o.m = lambda: 42
    print(o.m())

# Properties and class attributes next to inline attributes.
class P:
    kind = "class"

    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, value):
        self._v = value


p = P()
p.v = 4
print(p.v, p.kind, p.__dict__)
p.kind = "instance"
print(p.kind, P.kind, p.__dict__)

# One attribute site over many shapes and classes.
class S1:
    def __init__(self):
        self.val = 1


class S2:
    def __init__(self):
        self.pad = 0
        self.val = 2


class S3(S1):
    def __init__(self):
        self.other = 0
        super().__init__()
        self.val = 3


def total(objs):
    t = 0
    for o in objs:
        t += o.val
        o.val = o.val + 1
    return t


objs = [S1(), S2(), S3(), S1(), S2(), S3()]
objs[0].extra = 1
print(total(objs), total(objs), [o.__dict__ for o in objs[:3]])

# copy, pickle, equality of dicts.
g = A(5)
g.extra = [1, 2]
h = copy.copy(g)
print(h.__dict__, h.extra is g.extra)
h2 = copy.deepcopy(g)
print(h2.__dict__, h2.extra is g.extra)
h3 = pickle.loads(pickle.dumps(g))
print(type(h3).__name__, h3.__dict__)

# A str subclass as an attribute name.
class N(str):
    pass


n = A(0)
setattr(n, N("x"), 11)
print(n.x, n.__dict__)
print(dir(A(1))[-3:])
