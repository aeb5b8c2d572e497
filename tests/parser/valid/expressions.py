a = b = c = 1
a, b = b, a
[a, b] = (a, b)
a, *rest = range(5)
*init, last = [1, 2, 3]
(a), (b) = 1, 2
x = a if b else c
x = a or b and not c
x = not not a
x = a | b ^ c & d << 1 >> 2 + 3 - 4 * 5 / 6 // 7 % 8 @ m ** -2 ** 3
x = -a ** b
x = (-a) ** b
x = await_ = 1
chain = a < b <= c > d >= e == f != g in h not in i is j is not k
compare = 1 < 2
aug = 0
aug += 1; aug -= 1; aug *= 2; aug /= 2; aug //= 2; aug %= 3; aug **= 2
aug @= m; aug &= 1; aug |= 1; aug ^= 1; aug <<= 1; aug >>= 1
obj.attr.sub += 1
seq[0] -= 1
annotated: int
annotated2: 'str' = 'x'
obj.attr: int = 1
seq[0]: int
(paren): int = 3
calls = f(), f(a), f(a, b), f(*args), f(**kw), f(a, *args, b=1, **kw), f(*a, *b, **c, **d)
calls2 = f(a)(b)(c), f(x for x in y), f(k=v, *args), f(*args, k=v), f(a, b,)
gen_only = sum(x * x for x in range(10) if x % 2 if x > 2)
attrs = a.b.c.d
subscripts = a[0], a[-1], a[i, j], a[i][j], a[()], a[(1, 2)], a[1,], a['key']
slices = a[:], a[1:], a[:2], a[1:2], a[::], a[::2], a[1:2:3], a[::-1], a[:, :], a[1:2, ::3, ...]
ext = a[..., 0], a[1:2, 3], a[:, None], a[x:y, z]
star_sub = a[*b], a[*b, c], a[c, *b], a[1:2, *b]
containers = [], [1], [1, 2,], (), (1,), (1, 2), {}, {1}, {1, 2,}, {'a': 1}, {'a': 1, **d}, {**d, **e}
starred_containers = [*a, *b], (*a, 1), {*a, *b}, [*a]
comprehensions = [x for x in y], {x for x in y}, {k: v for k, v in d.items()}, (x for x in y)
nested_comp = [x * y for x in range(3) if x for y in range(x) if y if y > 0]
comp_targets = [a for a, (b, c) in pairs], [a for a.b in c], [a for a[0] in c], [s for *s, t in z]
lambdas = lambda: 0, lambda x: x, lambda x, y=1: x + y, lambda *a, **k: (a, k)
lambdas2 = lambda x, /, y, *, z: 0, lambda *, k=1: k, lambda a=1, /, b=2, *c, d, e=3, **f: 0
lambda_nested = lambda: lambda: lambda x=lambda: 1: x
walrus = [(y := f(x)) for x in data if (z := y)]
if (n := len(a)) > 10: pass
while (chunk := read()): pass
w = (v := 1, 2)
f(w := 1)
ellipsis = ...
constants = None, True, False, __debug__
strings = 'a' 'b', "c" "d" 'e'
paren_expr = (((a)))
yield_expr = None
star_expr = print(*[1], *(2,), sep='')
conditional_lambda = lambda: a if b else c
unpack_assign = [a, [b, *c], (d, e)] = x
double_star_dict = {**{}}
call_chain = obj.method(arg)[0].attr(**kw)
keyword_only_call = f(a=1, b=2)
cmp_in_call = f(a < b, c > d)
set_comp_walrus = {(w := i) for i in range(3)}
dict_comp_complex = {k: [v for v in vs] for k, vs in items if k not in skip}
