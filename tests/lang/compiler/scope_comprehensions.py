# Comprehension scopes: own scope, first iterable evaluated outside, walrus binding to enclosing scope.
x = "outer"
r = [x for x in range(3)]
print(r, x)
data = [1, 2, 3]
class K:
    data = [10, 20]
    doubled = [v * 2 for v in data]           # first iterable from class scope is OK
    pairs = [(a, b) for a in data for b in data]  # the inner `data` is the global one
    try:
        bad = [data2 for _ in range(1)]
    except NameError as e:
        err = str(e)
    data2 = "class only"
print(K.doubled, K.pairs, K.err)
def f():
    y = 5
    return [y + i for i in range(2)], {i: y for i in range(2)}, {y * i for i in range(2)}, list(y - i for i in range(2))
print(f())
print([(i, j) for i in range(3) for j in range(i)], [[j for j in range(i)] for i in range(3)])
print([i for i in range(10) if i % 2 if i > 3], [a for a, b in [(1, 2), (3, 4)]])
total = 0
vals = [total := total + v for v in range(5)]
print(vals, total)
def walrus_in_func():
    [last := n for n in "abc"]
    return last
print(walrus_in_func())
print(any((hit := v) > 2 for v in [1, 3, 5]), hit)
for src in ["[i := 0 for i in range(3)]", "[x for x in (y := [1])]" if False else "[j for j in range(2) if (j := 1)]",
            "class C:\n    [(z := 1) for _ in range(1)]\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
gen = (i for i in range(3))
print(list(gen), list(gen))
def lazy():
    it = (1 / v for v in [1, 0])
    print(next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
lazy()
try:
    (undefined_iter for _ in [])
except NameError as e:
    print("first iterable evaluated eagerly:", type(e).__name__)
print({k: v for k, v in [("a", 1), ("a", 2)]}, {c for c in [3, 1, 3]}, [*range(2), *"ab"])
m = [[1, 2], [3, 4]]
print([v for row in m for v in row], [[row[i] for row in m] for i in range(2)])
print(sum(i * j for i in range(4) for j in range(4) if i != j))
