import asyncio

async def simple():
    pass

async def with_await():
    await asyncio.sleep(0)
    x = await f()
    y = await f() + await g()
    z = [await v for v in vs]
    return await h(), await i

async def async_for():
    async for x in aiter():
        pass
    async for a, b in pairs():
        continue
    else:
        pass

async def async_with():
    async with lock:
        pass
    async with a as b, c as d:
        pass
    async with (a as b, c):
        pass

async def comprehensions():
    r1 = [x async for x in aiter()]
    r2 = {x async for x in aiter() if x}
    r3 = {k: v async for k, v in aitems()}
    r4 = (x async for x in aiter())
    r5 = [x for y in ys async for x in y]
    r6 = [await x for x in y]
    r7 = [x async for x in aiter() async for y in x]
    return r1, r2, r3, r4, r5, r6, r7

async def async_gen():
    yield 1
    async for x in src():
        yield x

class Managed:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return False

@decorator
async def decorated():
    return await asyncio.gather(*[f() for f in fs])

async def nested():
    async def inner():
        await x
    def sync_in_async():
        return 1
    await inner()

async def await_attr():
    return (await obj).attr, (await obj)[0], await obj.method()

