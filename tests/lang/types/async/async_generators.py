# Async generators, async for, async with, async comprehensions, athrow/aclose.
import asyncio
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    print("agen exhausted")
class ARange:
    def __init__(self, n): self.n, self.i = n, 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return et is KeyError
async def main():
    async for x in agen(3):
        print("got", x)
    async for y in ARange(2):
        print("arange", y)
    print([v async for v in agen(4) if v % 2 == 0])
    print({v: v * 2 async for v in ARange(2)}, [await asyncio.sleep(0, result=i) for i in range(2)])
    async with ACM() as r:
        print("inside", r)
    async with ACM():
        raise KeyError("suppressed")
    try:
        async with ACM():
            raise ValueError("propagated")
    except ValueError as e:
        print(type(e).__name__, e)
    g = agen(10)
    print(type(g).__name__, await g.__anext__(), await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed generator stops")
    async def catching():
        try:
            yield 1
        except ValueError as e:
            yield "caught " + str(e)
    c = catching()
    await c.__anext__()
    print(await c.athrow(ValueError("x")))
    async def fin():
        try:
            yield 1
        finally:
            print("fin cleanup")
    f = fin()
    await f.__anext__()
    await f.aclose()
    print(await anext(agen(1)), await anext(ARange(0), "default"))
    it = aiter(ARange(1))
    print(it.__class__.__name__)
    else_ran = False
    async for _ in ARange(0):
        pass
    else:
        else_ran = True
    print("else ran", else_ran)
asyncio.run(main())
async def bad():
    yield 1
    return
try:
    exec("async def x():\n    yield 1\n    return 5\n")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    async def no_aiter():
        async for x in [1, 2]:
            pass
    no_aiter().send(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    async def no_aenter():
        async with object():
            pass
    no_aenter().send(None)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
