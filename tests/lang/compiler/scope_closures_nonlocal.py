# Closures and nonlocal: cells shared between closures, nested levels, rebinding, errors.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get(): return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get())
def three_levels():
    a = 1
    def mid():
        b = 2
        def inner():
            nonlocal a, b
            a += 10; b += 20
            return a, b
        return inner
    f = mid()
    r = f()
    return r, a
print(three_levels())
def skip_level():
    v = "outer"
    def mid():
        def inner():
            nonlocal v
            v = "changed by inner"
        inner()
    mid()
    return v
print(skip_level())
def shadow_in_middle():
    v = "outer"
    def mid():
        v = "mid"
        def inner():
            nonlocal v
            v = "inner"
        inner()
        return v
    return mid(), v
print(shadow_in_middle())
for src in ["def f():\n    nonlocal x\n", "nonlocal x\n", "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
            "def f(a):\n    nonlocal a\n", "def f():\n    x = 1\n    global x\n"]:
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
def closures_in_loop():
    fs = []
    for i in range(3):
        def f(): return i
        fs.append(f)
    return [f() for f in fs]
print(closures_in_loop())
def factory(n):
    return [lambda x, k=k: x * k for k in range(n)]
print([f(10) for f in factory(3)])
def cell_and_arg(x):
    def get(): return x
    x = x * 2
    return get()
print(cell_and_arg(4))
def class_in_function():
    val = "enclosed"
    class K:
        attr = val
        def m(self): return val
    return K.attr, K().m()
print(class_in_function())
def recursive_closure():
    def fact(n): return 1 if n <= 1 else n * fact(n - 1)
    return fact(10)
print(recursive_closure())
def gen_closure():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(5):
        add(i)
    return total
print(gen_closure())
x = "global"
def nonlocal_not_global():
    x = "enclosing"
    def g():
        return x
    return g()
print(nonlocal_not_global())
