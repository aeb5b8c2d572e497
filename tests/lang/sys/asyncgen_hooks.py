# sys.set_asyncgen_hooks / get_asyncgen_hooks: the hooks struct, firstiter on the first __anext__, the TypeErrors, and asyncio.run over an async generator.
import sys, asyncio
print(sys.get_asyncgen_hooks())
seen = []
async def agen():
    yield 1
    yield 2
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(('first', g.__name__)), finalizer=lambda g: seen.append('fin'))
h = sys.get_asyncgen_hooks()
print(type(h).__name__, h.firstiter is not None, h.finalizer is not None, len(h))
g = agen()
g.__anext__()
print(seen)
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(e)
try:
    sys.set_asyncgen_hooks(finalizer=2, firstiter=3)
except TypeError as e:
    print(e)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())
async def main():
    out = []
    async for x in agen():
        out.append(x)
    return out
print(asyncio.run(main()))
