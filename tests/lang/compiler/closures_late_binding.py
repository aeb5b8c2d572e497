# closures: late binding in loops, default-arg capture, nonlocal counters, shared cells, cell contents after del.
fs = [lambda: i for i in range(3)]
print([f() for f in fs], [f() for f in [lambda i=i: i for i in range(3)]])
def make():
    x = 1
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = make(); s(42); print(g(), g.__closure__[0].cell_contents, make.__code__.co_cellvars, g.__code__.co_freevars)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())
def deleted():
    v = 1
    def r():
        return v
    del v
    return r
try:
    deleted()()
except NameError as e:
    print(type(e).__name__, e)
def outer():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
            return a
        return inner
    m = mid()
    m()
    return a, m()
print(outer())
def loop_cells():
    out = []
    for i in range(3):
        def f():
            return i
        out.append(f)
    i = 99
    return [f() for f in out]
print(loop_cells())
x = "global"
def shadow():
    x = "enclosing"
    class C:
        y = x
        def m(self):
            return x
    return C.y, C().m()
print(shadow())
def class_scope():
    v = "fn"
    class K:
        v = "cls"
        w = [v for _ in range(1)]
    return K.w
print(class_scope())
