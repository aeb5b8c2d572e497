# generator.close(): GeneratorExit delivery, finally blocks, yielding during close (RuntimeError), close on unstarted/finished generators, return value ignored.
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("finally")
x = g(); next(x); print(x.close(), x.gi_frame)
x.close()
y = g(); print(y.close(), "unstarted close printed nothing")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def swallow():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
w = swallow(); next(w); print(w.close())
def raise_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("during close")
r = raise_other(); next(r)
try:
    r.close()
except ValueError as e:
    print(type(e).__name__, e)
def nested():
    try:
        try:
            yield "a"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
n = nested(); next(n); n.close()
done = g(); list(done); print(done.close())
def deleg():
    yield from g()
d = deleg(); next(d); d.close()
print("end")
