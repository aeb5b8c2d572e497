# contextvars: ContextVar get/set/reset with tokens, Context as an immutable mapping snapshot, run()
# isolation and re-entry, copy_context, per-thread contexts, and decimal's context built on them.
import contextvars
from contextvars import ContextVar, Context, Token, copy_context
import threading

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except LookupError as e:
        # LookupError/KeyError carry the variable itself; its repr has an address.
        print(type(e).__name__, [a.name if isinstance(a, ContextVar) else a for a in e.args])
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])
    else:
        print('ok', r)

v = ContextVar('v')
w = ContextVar('w', default=5)
print(v.name, w.name)
attempt(v.get)
attempt(v.get, 3)
attempt(w.get)
attempt(w.get, 7)
tok = v.set(1)
print(type(tok).__name__, tok.var is v, tok.old_value is Token.MISSING, repr(Token.MISSING))
print(v.get(), v.get(9))
tok2 = v.set(2)
print(tok2.old_value, v.get())
v.reset(tok2)
print(v.get())
attempt(v.reset, tok2)
attempt(w.reset, tok)
attempt(v.reset, 1)
v.reset(tok)
attempt(v.get)
attempt(ContextVar, 1)
attempt(ContextVar)
attempt(ContextVar, 'a', 'b')
attempt(ContextVar, 'a', x=1)
attempt(ContextVar, name='kw')
print(ContextVar('d', default=None).get())
attempt(Token)
attempt(Context, 1)
attempt(setattr, v, 'name', 'x')
for t in (Context, ContextVar, Token):
    try:
        class Sub(t):
            pass
    except TypeError:
        print('cannot subclass', t.__name__)
print(ContextVar[int], Token[str])

print('--- mapping')
a = ContextVar('a')
b = ContextVar('b', default=0)
ctx0 = copy_context()
a.set('A')
b.set('B')
ctx = copy_context()
print(len(ctx), a in ctx, b in ctx, ctx[a], ctx.get(b), ctx.get(ContextVar('none')), ctx.get(ContextVar('z'), 'dflt'))
print(a in ctx0, len(ctx0) == len(ctx) - 2)
print(sorted(var.name for var in ctx if var in (a, b)))
print(sorted(var.name for var in ctx.keys() if var in (a, b)))
print(sorted(val for val in ctx.values() if val in ('A', 'B')))
print(sorted((k.name, val) for k, val in ctx.items() if k in (a, b)))
attempt(ctx.__getitem__, ContextVar('missing'))
attempt(ctx.__getitem__, 1)
attempt(ctx.get, 'x')
attempt(ctx.__contains__, 1)
try:
    hash(ctx)
except TypeError:
    print('unhashable')
print(ctx == ctx.copy(), ctx != ctx0, ctx == {}, ctx.copy() is not ctx)
try:
    ctx < ctx
except TypeError:
    print('unordered')
empty = Context()
print(len(empty), list(empty), empty == Context())

print('--- run')
def body(x, y=0):
    a.set(x + y)
    return a.get()
print(ctx.run(body, 10, y=5), a.get(), ctx[a])
print(ctx.run(lambda: a.get()))
snapshot = ctx.copy()
keys_view = ctx.keys()
ctx.run(a.set, 'changed')
print(ctx[a], snapshot[a], len(keys_view))
attempt(ctx.run, lambda: ctx.run(lambda: 1))
def reset_elsewhere():
    t = a.set('inner')
    return t
t = ctx.run(reset_elsewhere)
attempt(a.reset, t)
print(ctx.run(lambda: (a.reset(t), a.get())[1]))
def raising():
    a.set('boom')
    raise ValueError('inside')
attempt(ctx.run, raising)
print(ctx[a], a.get())
nested = Context()
def outer():
    a.set('outer')
    inner = copy_context()
    inner.run(a.set, 'inner')
    return a.get(), inner[a]
print(nested.run(outer), nested[a])

print('--- generators')
def gen():
    yield a.get()
    a.set('from generator')
    yield a.get()
g = gen()
print(next(g), next(g), a.get())

print('--- decimal')
import decimal
with decimal.localcontext() as c:
    c.prec = 5
    print(decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal(1) / decimal.Decimal(7))
def in_context():
    decimal.getcontext().prec = 3
    return str(decimal.Decimal(2).sqrt())
print(copy_context().run(in_context), str(decimal.Decimal(2).sqrt()))

print('--- copies are independent')
c1 = copy_context()
c2 = c1.copy()
c1.run(a.set, 'c1')
c2.run(a.set, 'c2')
print(c1[a], c2[a], a.get())
c3 = c2.copy()
c2.run(a.set, 'c2 again')
print(c2[a], c3[a], len(list(c3)) == len(c3))
