# Comprehension scoping: first iterable evaluated in enclosing scope, loop variables don't leak, class-body names invisible in inner iterables, nested comprehension closures, walrus binding to the enclosing scope.
x = "outer"
r = [x for x in range(3)]
print(r, x)
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        pairs = [(a, b) for a in vals for b in vals]
    except NameError as e:
        pairs = type(e).__name__ + ": " + str(e)
    n = 10
    try:
        shifted = [v + n for v in vals]
    except NameError as e:
        shifted = type(e).__name__ + ": " + str(e)
print(C.doubled, C.pairs, C.shifted)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def walrus():
    data = [1, 5, 2, 8]
    if any((big := v) > 4 for v in data):
        print("first big", big)
    total = [running := 0] and [running := running + v for v in data]
    print(total, running)
walrus()
print([[y for y in range(x)] for x in range(4)], {k: [k * j for j in range(2)] for k in "ab"})
gen = (i * j for i in range(3) for j in range(i))
print(list(gen), list(gen))
def first_iter_eager():
    try:
        g = (v for v in undefined_iterable)
    except NameError as e:
        print("eager:", type(e).__name__, e)
first_iter_eager()
def lazy_inner():
    g = (v for v in [1] for w in undefined_inner)
    try:
        next(g)
    except NameError as e:
        print("lazy:", type(e).__name__, e)
lazy_inner()
try:
    exec("[i := 1 for i in range(2)]")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("class K:\n    [(q := 1) for _ in range(1)]")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
