# Data and non-data descriptors, precedence against the instance dict, __get__ on the class.
class Data:
    def __init__(self, name): self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"Data via class {objtype.__name__}"
        return f"Data get {self.name} -> {obj.__dict__.get('_' + self.name, 'unset')}"
    def __set__(self, obj, value):
        print("Data set", self.name, value)
        obj.__dict__['_' + self.name] = value
    def __delete__(self, obj):
        print("Data delete", self.name)
        obj.__dict__.pop('_' + self.name, None)

class NonData:
    def __get__(self, obj, objtype=None):
        return "NonData get" if obj is not None else "NonData class"

class C:
    d = Data("d")
    n = NonData()

c = C()
print(c.d)
c.d = 5
print(c.d)
c.__dict__['d'] = "instance dict d"
print(c.d)  # data descriptor wins
c.__dict__['n'] = "instance dict n"
print(c.n)  # instance dict wins over non-data
del c.n
print(c.n)
del c.d
print(c.d)
print(C.d, C.n)
print(C.__dict__['d'].name)

# a descriptor with only __set__ is still a data descriptor
class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly set", value)
class D:
    s = SetOnly()
d = D()
d.s = 1
d.__dict__['s'] = "dict value"
print(type(d.s).__name__)  # the descriptor object itself, since no __get__

# descriptor with __delete__ only
class DelOnly:
    def __delete__(self, obj): print("DelOnly delete")
class E:
    x = DelOnly()
e = E()
del e.x
try:
    e.x = 3
except AttributeError as ex:
    print(type(ex).__name__, ex)

# functions are non-data descriptors
def f(self, y): return (type(self).__name__, y)
class F: pass
bound = f.__get__(F(), F)
print(bound(7), type(bound).__name__)
print(f.__get__(None, F) is f)

# descriptors on the metaclass
class Meta(type):
    @property
    def shout(cls): return cls.__name__.upper()
class G(metaclass=Meta): pass
print(G.shout)
try:
    G().shout
except AttributeError as ex:
    print(type(ex).__name__, ex)
