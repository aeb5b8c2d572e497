# Cells, free variables, implicit and explicit globals, nonlocal chains.
x = 0
def outer(a, /, b=x, *args, c, d=len, **kw):
    y = 1
    z = 2
    def middle():
        nonlocal y
        y += 1
        def inner():
            global x
            x = y + z + a
            return lambda q=b: q + args[0] + kw["k"]
        return inner
    del z
    return middle

def uses_global_from_parent():
    global g
    def child():
        return g  # implicit global, but known global of the parent
    return child

def shadow():
    len = 3
    class K:
        len = len  # class binding, free in the method below
        def m(self):
            return len
    return K

def deep():
    v = 1
    def a():
        def b():
            def c():
                return v
            return c
        return b
    return a
