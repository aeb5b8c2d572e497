# super(): zero-argument form, two-argument form, classmethods, properties, errors.
class A:
    def who(self): return ["A"]
    @classmethod
    def cm(cls): return ["A.cm " + cls.__name__]
    @staticmethod
    def sm(): return "A.sm"
    @property
    def prop(self): return "A.prop"

class B(A):
    def who(self): return ["B"] + super().who()
    @classmethod
    def cm(cls): return ["B.cm"] + super().cm()

class C(A):
    def who(self): return ["C"] + super(C, self).who()

class D(B, C):
    def who(self): return ["D"] + super().who()
    @property
    def prop(self): return "D+" + super().prop
    def sm_via_super(self): return super().sm()

d = D()
print(d.who())
print(D.cm())
print(d.prop, d.sm_via_super())
print(super(B, d).who())
print(super(C, D).who(d))
print(super(D, D).cm())

s = super(B, d)
print(type(s).__name__, s.__self__ is d, s.__thisclass__ is B, s.__self_class__ is D)
unbound = super(B)
print(unbound.__self__)

try:
    super(B, 1)
except TypeError as e:
    print(type(e).__name__, e)

def outside():
    return super().who()
try:
    outside()
except RuntimeError as e:
    print(type(e).__name__, e)

# __class__ cell
class E:
    def cls(self): return __class__
    def via(self): 
        return super().__repr__ is not None
print(E().cls() is E, E().via())

# super in a nested function needs explicit args
class F(A):
    def who(self):
        def inner():
            return super(F, self).who()
        return ["F"] + inner()
print(F().who())

# super in __init__ chains
class G:
    def __init__(self):
        self.trace = ["G"]
class H(G):
    def __init__(self):
        super().__init__()
        self.trace.append("H")
print(H().trace)

# super() attribute lookup skips the instance dict
class I(A):
    def __init__(self):
        self.who = lambda: "instance"
    def sup(self): return super().who()
print(I().sup())
try:
    super(A, A()).nonexistent
except AttributeError as e:
    print(type(e).__name__, e)

# zero-arg super with a renamed first argument
class J(A):
    def who(this): return ["J"] + super().who()
print(J().who())
