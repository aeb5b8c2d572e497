# yield from: return values, send/throw forwarding to subgenerators, close propagation, iterables and StopIteration value.
def inner():
    x = yield "i1"
    print("inner got", x)
    try:
        y = yield "i2"
    except KeyError as e:
        print("inner caught", repr(e))
        y = "recovered"
    return ("inner-result", y)
def outer():
    r = yield from inner()
    print("outer got", r)
    r2 = yield from [10, 20]
    print("list result", r2)
    r3 = yield from range(0)
    return r3
g = outer()
print(next(g), g.send("S1"), g.throw(KeyError("k")), next(g))
try:
    next(g)
except StopIteration as e:
    print("done", e.value)
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")
def deleg():
    try:
        yield from closer()
    finally:
        print("outer closed")
d = deleg(); next(d); d.close()
def stopper():
    yield 1
    return StopIteration("as value")
def w():
    v = yield from stopper()
    print("value is", repr(v))
list(w())
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("it-done")
        return self.n
def from_iter():
    res = yield from It()
    yield res
print(list(from_iter()))
def sends_to_iter():
    yield from iter([1, 2])
s = sends_to_iter(); next(s)
try:
    s.send("x")
except AttributeError as e:
    print(type(e).__name__, e)
def depth(n):
    if n == 0:
        return 0
    r = yield from depth(n - 1)
    yield n
    return r + n
print(list(depth(4)))
def gen_ret():
    total = yield from depth(3)
    yield "total", total
print(list(gen_ret()))
