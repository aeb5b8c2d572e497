# Things the compiler (not the parser) rejects, and other corners ast.parse accepts.
return 1
yield 2
await x
nonlocal outside
break_ = [x for x in range(3)]
x = *a, *b
x = *a,
print >> sys.stderr, 'old style'
a[b := 1]
a[b := 1, c := 2]
a[lambda: 1]
a[x if y else z:]
a[1:2, 3:4, 5]
f(a)[b](c)
not a == b
-a.b
(yield)
x = (yield)
x = yield
x = yield from y
del (x)
del [x]
del (x,)
del x,
def f(): return (yield)
x = [*()]
print(*(), **{})
1 if 2 else 3 if 4 else 5
lambda: (yield)
x = a.b.c[d].e(f)[g:h]
x = a if b else lambda: c
x = [i for i in range(3)][0]
x = {**a, 'b': 1, **c}
x = a @ b
x @= b
__debug__
x = 1 if True else 2,
for x in range(3): pass
import a.b.c.d as e
assert (x, 'tuple is always true')
x = (  # comment
    1)
x = """
""" """
"""
x = ('implicit' "concat" '''of''' """four""")
x = 'a' 'b' f'{c}' 'd' f'e'
x = b'a' B"b" rb'c'
if x:
    pass
elif y:
    pass
# comment at the end, no newline after it
