# Class statements: bases from expressions, keywords, decorators, docstrings, nested classes, __qualname__, __module__.
def base_factory(n):
    return type(f"Dyn{n}", (), {"n": n})
class A(base_factory(1)): 
    "A's docstring"
print(A.n, A.__bases__[0].__name__, A.__doc__, A.__module__, A.__qualname__)
bases = (int,)
class I(*bases): pass
print(I(5) + 1, I.__mro__[1].__name__)
kw = {"metaclass": type}
class K(**kw): pass
print(type(K).__name__)
class Outer:
    class Middle:
        class Inner:
            pass
    def method(self):
        class Local: pass
        return Local
print(Outer.Middle.Inner.__qualname__, Outer().method().__qualname__, Outer.Middle.__name__)
class Empty: ...
class WithPass:
    pass
print(Empty.__doc__, WithPass.__dict__.get("__doc__"), sorted(k for k in Empty.__dict__))
def make(): 
    class C:
        x = 1
    return C
C1, C2 = make(), make()
print(C1 is C2, C1.__qualname__ == C2.__qualname__)
class Redefine: v = 1
first = Redefine
class Redefine: v = 2
print(first.v, Redefine.v)
class Order:
    b = 1
    a = 2
    def z(self): pass
    def y(self): pass
print([k for k in Order.__dict__ if not k.startswith("__")])
class WithCall:
    print("class body runs at definition time")
    x = [i for i in range(2)]
print(WithCall.x)
class Attr:
    __module__ = "custom.module"
print(Attr.__module__, repr(Attr))
class Doc:
    """multi
    line"""
print(repr(Doc.__doc__))
class SelfRef:
    def clone(self): return SelfRef()
print(type(SelfRef().clone()).__name__)
class NoneBase:
    pass
try:
    class Bad(None): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad2(object, object): pass
except TypeError as e:
    print(type(e).__name__, e)
