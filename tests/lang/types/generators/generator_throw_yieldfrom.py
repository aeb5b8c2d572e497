# yield from delegation of send/throw/close to subgenerators and iterators.
def sub():
    try:
        while True:
            try:
                x = yield
                print("sub got", x)
            except ValueError as e:
                print("sub handled", e)
    finally:
        print("sub finally")
def deleg():
    r = yield from sub()
    print("never", r)
d = deleg()
next(d)
d.send(1)
d.throw(ValueError("v"))
d.send(2)
d.close()
print("closed")
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2: raise StopIteration
        return self.i
def over_iter():
    yield from It()
print(list(over_iter()))
def send_to_iter():
    yield from iter([1, 2])
s = send_to_iter(); next(s)
try:
    s.send("x")
except AttributeError as e:
    print(type(e).__name__, e)
def ret_value():
    x = yield 1
    return x * 2
def collect():
    total = yield from ret_value()
    yield total
c = collect(); next(c)
print(c.send(21))
def thrower():
    yield 1
def wrap():
    try:
        yield from thrower()
    except KeyError as e:
        print("outer caught", e)
        yield "recovered"
w = wrap(); next(w)
print(w.throw(KeyError("kk")))
def nested(n):
    if n:
        yield n
        yield from nested(n - 1)
print(list(nested(5)))
def gen_exit_prop():
    try:
        yield 1
    except GeneratorExit:
        print("inner got GeneratorExit")
        raise
def outer_ge():
    try:
        yield from gen_exit_prop()
    finally:
        print("outer finally")
o = outer_ge(); next(o); o.close()
def with_stopiteration_value():
    yield 1
    return "ret"
def catch_value():
    v = yield from with_stopiteration_value()
    print("v =", v)
list(catch_value())
def throw_type():
    try:
        yield
    except Exception as e:
        print(type(e).__name__, e.args)
t = throw_type(); next(t)
try:
    t.throw(TypeError)
except StopIteration:
    print("stopped after throw")
