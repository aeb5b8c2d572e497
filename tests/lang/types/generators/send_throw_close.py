# generator send/throw/close: priming rules, values from yield expressions, GeneratorExit handling, states.
def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                received.append("caught " + str(e))
                yield "after-throw"
    finally:
        print("finally, received", received)
g = echo()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(next(g), g.send("a"), g.send("b"), g.throw(ValueError("boom")), g.send("c"), next(g))
g.close(); g.close()
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def refuses():
    try:
        yield 1
    except GeneratorExit:
        yield 2
r = refuses(); next(r)
try:
    r.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"
q = returns_on_exit(); next(q); print(q.close())
def unstarted():
    print("never printed")
    yield
u = unstarted(); u.close(); print("closed unstarted")
try:
    u.throw(KeyError, "k") if False else unstarted().throw(KeyError("k"))
except KeyError as e:
    print(type(e).__name__, e)
def thrower():
    yield 1
t = thrower(); next(t)
try:
    t.throw(TypeError, TypeError("typed"), None)
except TypeError as e:
    print(type(e).__name__, e)
print(list(t))
def ret():
    x = yield
    return x * 2
s = ret(); next(s)
try:
    s.send(21)
except StopIteration as e:
    print("returned", e.value, e.args)
def running():
    yield gen.send(None)
gen = running()
try:
    next(gen)
except ValueError as e:
    print(type(e).__name__, e)
