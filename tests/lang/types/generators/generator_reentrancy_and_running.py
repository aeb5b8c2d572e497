# Generator running state: gi_running, "generator already executing" ValueError on re-entrance, gi_frame None after exhaustion, gi_suspended.
def gen():
    print("inside: running =", me.gi_running)
    try:
        next(me)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        me.send(None)
    except ValueError as e:
        print(type(e).__name__, e)
    yield 1
    yield 2
me = gen()
print(me.gi_running, me.gi_suspended, me.gi_frame is not None, me.gi_frame.f_lineno if False else "frame")
print(next(me), me.gi_running, me.gi_suspended)
print(next(me))
try:
    next(me)
except StopIteration:
    print("exhausted", me.gi_frame, me.gi_running, me.gi_suspended)
def closer():
    try:
        yield
    finally:
        try:
            c.close()
        except ValueError as e:
            print("close inside:", type(e).__name__, e)
c = closer(); next(c); c.close()
def thrower():
    try:
        yield
    except KeyError:
        try:
            t.throw(KeyError)
        except ValueError as e:
            print("throw inside:", type(e).__name__, e)
        yield "handled"
t = thrower(); next(t); print(t.throw(KeyError))
print(gen.__name__, me.__name__, me.__qualname__, type(me).__name__, me.gi_code is gen.__code__, me.gi_yieldfrom)
def outer():
    yield from inner_g
def inner():
    yield 1
    yield 2
inner_g = inner()
o = outer(); next(o)
print(o.gi_yieldfrom is inner_g, inner_g.gi_running, o.gi_running)
me.__name__ = "renamed"; print(me.__name__, me.__qualname__)
