# anext(aiterator, default): the awaitable that turns StopAsyncIteration into the default.
import types


def run(coro):
    """Drives a coroutine that never really suspends; returns its value."""
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def agen(n):
    for i in range(n):
        yield i


class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Awaitable:
    # Completes without suspending: CPython 3.11 calls __await__ again at every
    # step of anext()'s awaitable, so one that suspends would start over.
    def __init__(self, value, stop=False):
        self.value, self.stop = value, stop

    def __await__(self):
        if False:
            yield
        if self.stop:
            raise StopAsyncIteration
        return self.value


class CustomNext:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    def __anext__(self):
        if not self.items:
            return Awaitable(None, stop=True)
        return Awaitable(self.items.pop(0))


class BadNext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 42


class Failing:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("boom")


async def main():
    g = agen(2)
    print("gen", await anext(g, "d"), await anext(g, "d"), await anext(g, "d"), await anext(g, "d"))
    r = ARange(1)
    print("class", await anext(r, None), await anext(r, None), await anext(r, [3]))
    print("list default", await anext(agen(0), [1]))
    c = CustomNext([10])
    print("custom", await anext(c, "end"), await anext(c, "end"))
    try:
        await anext(agen(0))
    except StopAsyncIteration:
        print("no default: StopAsyncIteration")
    try:
        await anext(BadNext(), 0)
    except TypeError as e:
        print("TypeError", e)
    try:
        await anext(Failing(), 0)
    except ValueError as e:
        print("ValueError", e)
    try:
        anext([1], 0)
    except TypeError as e:
        print("TypeError", e)
    try:
        anext(iter([1]))
    except TypeError as e:
        print("TypeError", e)


run(main())

# The awaitable itself.
aw = anext(agen(0), "dflt")
print(type(aw).__name__, aw.__await__() is aw, iter(aw) is aw)
try:
    next(aw)
except StopIteration as e:
    print("next ->", repr(e.value))

aw = anext(agen(3), "dflt")
try:
    aw.send(None)
except StopIteration as e:
    print("send ->", e.value)

aw = anext(CustomNext([5]), "dflt")
try:
    aw.send(None)
except StopIteration as e:
    print("custom send ->", e.value)

aw = anext(CustomNext([]), "dflt")
try:
    next(aw)
except StopIteration as e:
    print("exhausted ->", e.value)


async def suspending(n):
    for i in range(n):
        yield i
        await Awaitable(None)


# Coroutine-based __anext__ suspended in the middle: throw and close reach it.
class Slow:
    def __aiter__(self):
        return self

    async def __anext__(self):
        await types.coroutine(lambda: (yield "paused"))()
        raise StopAsyncIteration


aw = anext(Slow(), "dflt")
print("slow first", aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("slow second ->", e.value)

aw = anext(Slow(), "dflt")
print("slow", next(aw))
try:
    aw.throw(KeyError("k"))
except KeyError as e:
    print("throw KeyError", e)

aw = anext(Slow(), "dflt")
next(aw)
try:
    aw.throw(StopAsyncIteration)
except StopIteration as e:
    print("throw StopAsyncIteration ->", e.value)
except RuntimeError as e:
    print("RuntimeError", e)

aw = anext(Slow(), "dflt")
next(aw)
print("close", aw.close())
try:
    next(aw)
except RuntimeError as e:
    print("after close RuntimeError", e)
except StopIteration as e:
    print("after close StopIteration", e.value)


@types.coroutine
def gen_based():
    yield "x"
    raise StopAsyncIteration


class GenBased:
    def __aiter__(self):
        return self

    def __anext__(self):
        return gen_based()


aw = anext(GenBased(), "gd")
print("gen-based", next(aw))
try:
    next(aw)
except StopIteration as e:
    print("gen-based ->", e.value)

aw = anext(agen(1), "dflt")
print("close unstarted", aw.close())
