# Every statement that binds a name.
import os.path, sys as system
from collections import OrderedDict as OD, deque
from . import sibling
from .. import *  # noqa
for i, (j, *k) in enumerate([]):
    pass
else:
    done = True
while (w := 0):
    break
with open("f") as fh, open("g") as (gh, hh):
    pass
try:
    pass
except (ValueError, TypeError) as err:
    del err
else:
    tried = 1
finally:
    fin = 1
match system.argv:
    case [first, *rest] if first:
        pass
    case {"k": kv, **others}:
        pass
    case os.path(attr=pa) | [_, pa]:
        pass
    case str() as s:
        pass
    case [*_]:
        pass
a = b = c = 1
a += 1
a.x, b[c] = 1, 2
del a.x
assert a, b
raise ValueError from None
try:
    pass
except* OSError as group:
    pass

def gen():
    x = yield
    y = yield from x
    return y

async def coro():
    async with a as aw:
        async for af in aw:
            await af

@decorator(arg)
class D(Base, metaclass=Meta, **extra):
    pass
