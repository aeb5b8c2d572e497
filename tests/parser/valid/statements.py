import os
import os.path
import os.path as osp, sys as system
from os import path
from os import path as p, sep
from os import (path, sep,)
from . import sibling
from .. import parent
from .mod import name
from ...pkg.mod import (a as b,
                        c)
from .... import x
from ..... import y
from __future__ import annotations
from os import *

pass
del a
del a, b
del (a), [b], (c, d)
del a.b, a[0], a[1:2]
del (a, [b, c])
assert x
assert x, 'message'
raise
raise E
raise E from cause
raise E('x') from None
return_value = None
global g
global g1, g2
x = 1; y = 2;
if a: pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue_ = 1
for i in range(3):
    continue
for a, b in pairs: pass
for (a, b), c in nested: pass
for x, in items: pass
for *a, b in items: pass
for x in *a, *b: pass
for x in 1, 2: pass
for i in range(3):
    if i: break
else:
    pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E1, E2) as e:
    pass
except E3 as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    pass
else:
    pass
finally:
    pass
with a: pass
with a as b: pass
with a as b, c as d, e: pass
with a as (b, c): pass
with a as b[0], c as d.e: pass
with (a, b): pass
with (a as b, c as d): pass
with (a as b, c as d,): pass
with (
    open('x') as f,
    open('y') as g,
):
    pass
with (a): pass
with (a), (b): pass
with (yield): pass
def f(): return
def g(): return 1
def h(): return 1, 2
def star_return(): return *a, *b
def star_return2(): return 1, *a
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    x = yield 1
    yield from it
    x = yield from it
    yield *a, b
    await_value = (yield)
def outer():
    x = 1
    def inner():
        nonlocal x
        nonlocal x, y
        x += 1
    return inner
class C: pass
class D(): pass
class E(Base): pass
class F(A, B, metaclass=M, extra=1): pass
class G(*bases, **kwds): pass
class H:
    """Docstring."""
    attr: int = 0
    def method(self): ...
    @property
    def prop(self): return self.attr
    class Inner: pass
if True:
    import a
else:
    from b import c
try:
    import fast
except ImportError:
    import slow as fast
print('done')
