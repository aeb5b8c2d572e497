# Unpacking: starred targets, nested targets, errors, iteration order, swap.
a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(5)
h, *i = (1,)
print(a, b, c, d, e, f, g, h, i)
(j, k), [l, *m] = (1, 2), [3, 4, 5]
print(j, k, l, m)
for first, *rest in [(1, 2, 3), (4,)]:
    print(first, rest)
x, y = 1, 2
x, y = y, x
print(x, y)
p = q = [0]
p.append(1)
print(q, p is q)
t = 1, 2, 3
u, v, w = t
print(u + v + w)
lst = [0, 0, 0]
idx = 0
idx, lst[idx] = 1, "set"
print(idx, lst)
for src, vals in [("a, b = v", [1]), ("a, b = v", [1, 2, 3]), ("a, *b, c = v", [1]), ("a, = v", []), ("a, b = v", 5)]:
    try:
        exec(src, {"v": vals})
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for src in ["*a, *b = [1]", "*a = [1]", "a, *b, *c = x"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
[*star] = "ab"
print(star)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *[9]], (*"ab",), {*"aa", *"b"} == {"a", "b"}, {**{"k": 1}, "j": 2})
def gen():
    yield 1
    yield 2
aa, bb = gen()
print(aa, bb)
class Ordered:
    def __init__(self): self.log = []
    def __setitem__(self, k, v): self.log.append((k, v))
o = Ordered()
o["a"], o["b"] = 1, 2
print(o.log)
dct = {}
dct["x"] = dct["y"] = "chain"
print(dct)
big, *mid, end = range(1000)
print(big, len(mid), end)
*_, last = iter(range(4))
print(last)
