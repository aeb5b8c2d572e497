# async def / await / async for / async with / async comprehensions, driven by a tiny hand-written loop.
import types
@types.coroutine
def suspend(value):
    received = yield value
    return received
class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await suspend(f"anext {self.i}")
        return self.i
class ACtx:
    async def __aenter__(self):
        await suspend("aenter")
        return "ctx"
    async def __aexit__(self, *exc):
        await suspend("aexit")
        return False
async def agen():
    for i in range(3):
        yield i * 10
        await suspend(f"agen after {i}")
async def main():
    total = 0
    async for v in AIter(3):
        total += v
    async with ACtx() as c:
        got = await suspend("in body")
    lst = [v async for v in agen()]
    filtered = [v async for v in AIter(4) if v % 2 == 0]
    awaited = [await suspend(f"listcomp {i}") for i in range(2)]
    return total, c, got, lst, filtered, awaited
def run(coro):
    sent = None
    while True:
        try:
            yielded = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("loop saw:", yielded)
        sent = f"reply to {yielded}"
print(run(main()))
for src in ["def f():\n    await x\n", "def f():\n    async for x in y: pass\n", "def f():\n    async with x: pass\n",
            "async def f():\n    yield from x\n", "await x\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
