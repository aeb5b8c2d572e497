# Async comprehensions (list/set/dict/gen with async for and await) driven by a tiny send()-based event loop, no asyncio.
class Tick:
    def __await__(self):
        yield "tick"
        return None
async def arange(n):
    for i in range(n):
        await Tick()
        yield i
async def double(x):
    await Tick()
    return x * 2
def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks
async def main():
    a = [i async for i in arange(4)]
    b = [await double(i) for i in range(3)]
    c = {i % 2 async for i in arange(5)}
    d = {i: await double(i) async for i in arange(3) if i != 1}
    e = [j async for i in arange(3) for j in range(i)]
    gen = (i * 10 async for i in arange(3))
    f = [v async for v in gen]
    g = [x for x in [await double(5)]]
    return a, b, sorted(c), d, e, f, g, type(gen).__name__
print(run(main()))
async def nested():
    return [[y async for y in arange(i)] for i in range(3)]
print(run(nested()))
async def with_exc():
    try:
        return [1 / (i - 2) async for i in arange(4)]
    except ZeroDivisionError as e:
        return type(e).__name__ + ": " + str(e)
print(run(with_exc()))
async def lambda_free():
    total = 0
    async for i in arange(5):
        if i == 3:
            break
        total += i
    else:
        total = -1
    return total
print(run(lambda_free()))
