# zip(strict=True): length mismatch errors naming the argument, consumption before failure, strict with one/zero iterables, and non-strict truncation order.
print(list(zip([1, 2], "ab", strict=True)), list(zip(strict=True)), list(zip([1], strict=True)), list(zip([], [], strict=True)))
for args in [([1, 2, 3], "ab"), ([1], "ab"), ([1, 2], "ab", (1,)), ([1, 2], "ab", (1, 2, 3)), ((), [1])]:
    z = zip(*args, strict=True)
    out = []
    try:
        for t in z:
            out.append(t)
    except ValueError as e:
        print(out, type(e).__name__, e)
pulled = []
def gen(name, n):
    for i in range(n):
        pulled.append((name, i))
        yield i
print(list(zip(gen("a", 3), gen("b", 1))), pulled)
pulled.clear()
try:
    list(zip(gen("a", 1), gen("b", 3), strict=True))
except ValueError as e:
    print(type(e).__name__, e, pulled)
try:
    zip([1], strict=True, extra=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip([1], None)
except TypeError as e:
    print(type(e).__name__, e)
z = zip("ab", [1, 2], strict=False)
print(type(z).__name__, next(z), list(z), list(z))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])), list(zip(*zip("xy", "zw"))))
