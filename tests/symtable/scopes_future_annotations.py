"""With PEP 563 the annotations' names do not reach the symbol table."""
from __future__ import annotations
import typing

x: Unknown
y: AlsoUnknown = 1

def f(a: Hidden, *args: Hidden2, k: Hidden3 = 1, **kw: Hidden4) -> Hidden5:
    b: Local = 2
    c: [n for n in range(3)]
    d: lambda: e
    return b

class C:
    attr: ClassHidden = 0
    def m(self) -> C: ...
