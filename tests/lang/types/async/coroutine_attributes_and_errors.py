# Coroutine objects: cr_frame/cr_running/cr_await/cr_code/cr_suspended, awaiting twice, send non-None first, close, throw, and "coroutine is being awaited already".
class Suspend:
    def __await__(self):
        x = yield "suspended"
        return x
async def inner():
    return await Suspend()
async def outer():
    v = await inner()
    return "outer got " + str(v)
c = outer()
print(type(c).__name__, c.cr_running, c.cr_await, c.cr_frame is not None, c.cr_code is outer.__code__, c.cr_suspended, c.__name__, c.__qualname__)
try:
    c.send("not none")
except TypeError as e:
    print(type(e).__name__, e)
print(c.send(None), type(c.cr_await).__name__, c.cr_suspended)
try:
    c.send(7)
except StopIteration as e:
    print("result:", e.value, c.cr_frame, c.cr_await)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
async def simple():
    return 1
s = simple(); s.close()
try:
    s.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
t = outer(); t.send(None)
try:
    t.throw(KeyError("thrown"))
except KeyError as e:
    print(type(e).__name__, e)
async def catches():
    try:
        await Suspend()
    except ValueError as e:
        return "caught " + str(e)
k = catches(); k.send(None)
try:
    k.throw(ValueError("v"))
except StopIteration as e:
    print(e.value)
shared = inner()
async def awaiter():
    return await shared
a1 = awaiter(); a1.send(None)
a2 = awaiter()
try:
    a2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
a1.close(); a2.close()
unawaited = simple()
try:
    iter(unawaited)
except TypeError as e:
    print(type(e).__name__, e)
unawaited.close()
x = simple()
w = x.__await__()
print(type(w).__name__, hasattr(w, "send"), hasattr(x, "__next__"))
try:
    next(w)
except StopIteration as e:
    print("await iterator result", e.value)
async def bad_await():
    await 5
b = bad_await()
try:
    b.send(None)
except TypeError as e:
    print(type(e).__name__, e)
