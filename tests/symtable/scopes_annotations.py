# Annotations are evaluated in the enclosing scope, AnnAssign flags.
import typing
x: int
y: "str" = "s"
(z): int = 3
obj = object()
obj.attr: int = 1
lst = [0]
lst[0]: float

def f(a: typing.List, *args: typing.Any, k: int = 1, **kw: dict) -> typing.Optional[int]:
    b: int
    c: int = 2
    (d): int = 3
    global gl
    gl = 4
    return c

class C:
    field: typing.ClassVar[int] = 0
    other: "C"
    def m(self, p: field) -> other:
        q: p = 1
        return q

def annotated_lambda(x=lambda y: y): ...
