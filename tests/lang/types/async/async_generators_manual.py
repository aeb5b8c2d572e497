# async generators driven by hand: __anext__/asend/athrow/aclose awaitables stepped with send(), StopAsyncIteration.
class Pause:
    def __await__(self):
        v = yield "paused"
        return v
async def agen():
    try:
        x = yield 1
        print("agen got", x)
        y = await Pause()
        print("await returned", y)
        yield 2
        yield 3
    finally:
        print("agen finally")
def step(awaitable, *sends):
    try:
        r = awaitable.send(None)
        for s in sends:
            r = awaitable.send(s)
        return ("suspended", r)
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("exhausted",)
g = agen()
print(type(g).__name__, step(g.__anext__()))
print(step(g.asend("sent"), "to-pause"))
a = g.asend(None)
print(a.send(None) if False else "skip")
a.close()
print(step(g.__anext__()))
print(step(g.aclose()))
print(step(g.__anext__()))
async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield "caught " + str(e)
            return
h = catcher()
print(step(h.__anext__()), step(h.athrow(ValueError("v"))), step(h.__anext__()))
async def refuse():
    try:
        yield 1
    except GeneratorExit:
        yield 2
r = refuse(); step(r.__anext__())
try:
    step(r.aclose())
except RuntimeError as e:
    print(type(e).__name__, e)
async def collect():
    out = []
    async for v in agen():
        out.append(v)
    return out, [v async for v in refuse()]
print(step(collect(), "p"))
async def ret_none():
    if False:
        yield
print(step(ret_none().__anext__()))
k = agen(); print(step(k.athrow(KeyError("before start"))) if False else step(k.aclose()))
