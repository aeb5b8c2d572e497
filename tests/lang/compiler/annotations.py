# Annotations: evaluated eagerly in 3.11 (no __future__), stored in __annotations__ for modules, classes, functions.
def f(a: int, b: "int" = 1, *args: str, c: list[int], **kw: dict) -> tuple:
    return a
print(f.__annotations__)
log = []
def ann(v):
    log.append(v)
    return v
def g(x: ann("x-ann")) -> ann("return-ann"): pass
print(log, g.__annotations__)
class C:
    a: int
    b: str = "default"
    c: ann("class-ann")
print(C.__annotations__, "a" in C.__dict__, C.b)
x: int = 5
y: ann("module-ann")
print(__annotations__, "y" in globals())
def local_ann():
    z: ann("local-not-evaluated") = 3
    return z
print(local_ann(), log)
class Sub(C):
    d: float
print(Sub.__annotations__, C.__annotations__ is not Sub.__annotations__)
def no_ann(): pass
print(no_ann.__annotations__)
no_ann.__annotations__ = {"added": int}
print(no_ann.__annotations__)
import typing
print(typing.get_type_hints(f))
lam = lambda: None
print(lam.__annotations__)
