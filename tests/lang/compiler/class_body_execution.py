# Class body execution: statements run in order at definition, __qualname__/__module__ in namespace, __class__ cell, locals() inside body, nested classes, conditional definitions.
order = []
class A:
    order.append("start")
    x = 1
    y = x + 1
    if y > 1:
        z = "conditional"
    for i in range(2):
        order.append(("loop", i))
    del i
    def method(self): return __class__
    ns_keys = sorted(k for k in locals() if not k.startswith("__"))
    qual = __qualname__
    mod = __module__
    class Inner:
        q = __qualname__
    order.append("end")
print(order, A.y, A.z, A.ns_keys, A.qual, A.mod, A.Inner.q, A.Inner.__qualname__, A().method() is A, hasattr(A, "i"))
def factory(n):
    class Local:
        value = n
        def get(self): return self.value
    return Local
L1, L2 = factory(1), factory(2)
print(L1.value, L2().get(), L1.__qualname__, L1 is L2)
x = "global"
class Scope:
    x = "class"
    def m(self): return x
    lam = lambda self: x
    direct = x
print(Scope().m(), Scope().lam(), Scope.direct)
class WithReturnValue:
    try:
        exec("return 1")
    except SyntaxError as e:
        err = e.msg
print(WithReturnValue.err)
class Doc:
    "docstring here"
    __doc__ = __doc__.upper()
print(Doc.__doc__)
class Empty: ...
print(sorted(k for k in vars(Empty) if k not in ("__weakref__", "__dict__")))
