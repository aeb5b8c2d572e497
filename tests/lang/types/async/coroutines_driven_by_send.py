# coroutines without asyncio: driving async def with send(), custom awaitables, throw/close, and await chains.
class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return ("resumed", self.tag, got)
async def leaf(n):
    r = await Suspend("leaf%d" % n)
    return r
async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]
def run(coro, values):
    out = []
    try:
        out.append(coro.send(None))
        for v in values:
            out.append(coro.send(v))
    except StopIteration as e:
        out.append(("result", e.value))
    return out
print(run(middle(), ["x", "y"]))
c = leaf(9)
print(type(c).__name__, c.send(None))
try:
    c.throw(ValueError("into coro"))
except ValueError as e:
    print(type(e).__name__, e)
c2 = middle(); c2.send(None); c2.close(); print("closed")
try:
    c2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
c3 = leaf(3)
try:
    next(c3)
except TypeError as e:
    print(type(e).__name__, e)
c3.close()
async def simple():
    return 42
s = simple()
try:
    s.send(None)
except StopIteration as e:
    print("simple ->", e.value)
try:
    s.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
class BadAwait:
    def __await__(self):
        return 5
async def uses_bad():
    await BadAwait()
try:
    uses_bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
async def awaits_int():
    await 3
try:
    awaits_int().send(None)
except TypeError as e:
    print(type(e).__name__, e)
import types
@types.coroutine
def legacy():
    v = yield "legacy-yield"
    return v
async def uses_legacy():
    return await legacy()
print(run(uses_legacy(), ["L"]))
async def catches():
    try:
        await Suspend("c")
    except KeyError as e:
        return "handled " + repr(e)
cc = catches(); cc.send(None)
try:
    cc.throw(KeyError("kk"))
except StopIteration as e:
    print(e.value)
