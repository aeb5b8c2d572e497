# attribute lookup precedence: data descriptors over instance dict over non-data descriptors over class attrs.
class Data:
    def __get__(self, obj, typ=None):
        return "data-get"
    def __set__(self, obj, v):
        print("data-set", v)
class NonData:
    def __get__(self, obj, typ=None):
        return "nondata-get" if obj is not None else "nondata-class"
class OnlySet:
    def __set__(self, obj, v):
        print("onlyset", v)
class C:
    d = Data()
    n = NonData()
    s = OnlySet()
    plain = "class-attr"
c = C()
c.__dict__.update(d="inst-d", n="inst-n", s="inst-s", plain="inst-plain")
print(c.d, c.n, c.s, c.plain, C.n, type(C.d).__name__ if False else C.d)
c.d = 1; c.s = 2
print(vars(c)["d"], vars(c)["s"])
del c.__dict__["n"]
print(c.n)
class WithDel:
    def __get__(self, obj, typ=None):
        return "wd"
    def __delete__(self, obj):
        print("deleting")
class D:
    w = WithDel()
dd = D()
del dd.w
try:
    dd.w = 5
except AttributeError as e:
    print(type(e).__name__, e)
class Meta(type):
    m = Data()
class E(metaclass=Meta):
    m = "class-own"
print(E.m, E().m)
E.m = 5
print(E.__dict__["m"])
class F:
    @property
    def p(self):
        return "prop"
f = F()
f.__dict__["p"] = "shadow"
print(f.p)
try:
    f.p = 1
except AttributeError as e:
    print(type(e).__name__, e)
def func(self):
    return "bound to " + type(self).__name__
class G:
    m = func
    sm = staticmethod(func)
g = G(); g.__dict__["m"] = lambda: "instance lambda"
print(g.m(), G.m(g), G.sm(g))
