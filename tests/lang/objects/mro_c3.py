# C3 method resolution order: linearisations of diamonds and deeper hierarchies.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

def names(cls):
    return [k.__name__ for k in cls.__mro__]

for cls in (O, A, K1, K2, K3, Z):
    print(cls.__name__, names(cls))

class Left:
    def who(self): return "Left"
class Right:
    def who(self): return "Right"
    def only_right(self): return "only right"
class Both(Left, Right): pass
print(Both().who(), Both().only_right())
print(names(Both))
print(Both.mro() == list(Both.__mro__))
print(type(Both.__mro__).__name__, type(Both.mro()).__name__)
print(names(bool), names(int))
print([k.__name__ for k in type.__mro__])

class X: pass
class Y(X): pass
class W(Y, X): pass
print(names(W))
print(W.__bases__ == (Y, X), W.__base__ is Y)

# a metaclass can override mro()
class ReverseMeta(type):
    def mro(cls):
        return [cls] + list(reversed(super().mro()[1:-1])) + [object]
class P: 
    def f(self): return "P"
class Q:
    def f(self): return "Q"
class R(P, Q, metaclass=ReverseMeta): pass
print(names(R), R().f())
