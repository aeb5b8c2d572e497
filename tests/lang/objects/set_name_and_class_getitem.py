# __set_name__ call order and arguments, late-added attributes, and __class_getitem__ on user classes and builtins.
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Owner:
    first = Named()
    second = Named()
    not_desc = 5
print(Owner.first.name, Owner.second.name)
Owner.late = Named()
print(hasattr(Owner.late, "name"))
class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("in set_name " + name)
try:
    class X:
        b = Boom()
except (ValueError, RuntimeError) as e:
    print(type(e).__name__, e, repr(e.__cause__))
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("meta new", name)
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    n = Named()
class G:
    def __class_getitem__(cls, item):
        return ("G", cls.__name__, item)
class H(G):
    pass
print(G[int], G[int, str], H["x"], G[()])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__, list[int].__origin__, list[int].__args__)
print(list[int]([1, 2]), isinstance([], list), type[int])
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance([], list[int])
except TypeError as e:
    print(type(e).__name__, e)
class NoCG:
    pass
try:
    NoCG[int]
except TypeError as e:
    print(type(e).__name__, e)
class Inst:
    def __getitem__(self, k):
        return "instance", k
    def __class_getitem__(cls, k):
        return "class", k
print(Inst[1], Inst()[1])
