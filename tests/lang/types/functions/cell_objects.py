# Cell objects: __closure__ contents, cell_contents read/write, empty cells, shared cells between closures, cell comparison.
def make():
    x = 1
    y = "y"
    def get(): return x, y
    def set_(v):
        nonlocal x
        x = v
    return get, set_
get, set_ = make()
print(get.__code__.co_freevars, [c.cell_contents for c in get.__closure__], type(get.__closure__[0]).__name__)
set_(99)
print(get(), get.__closure__[0].cell_contents, get.__closure__[0] is set_.__closure__[0])
get.__closure__[0].cell_contents = "changed"
print(get())
def empty_cell():
    def inner(): return late
    c = inner.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    late = 5
    print(c.cell_contents, inner())
    del late
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
empty_cell()
print((lambda: 0).__closure__, make.__closure__)
CellType = type(get.__closure__[0])
c = CellType(5); d = CellType()
print(c.cell_contents, c == CellType(5), c < CellType(6), c != d)
try:
    d.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
d.cell_contents = 1; del d.cell_contents
try:
    d.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
a, b = counter(), counter()
print(a(), a(), b(), a.__closure__[0].cell_contents, b.__closure__[0].cell_contents)
class K:
    def m(self): return __class__
print(K.m.__closure__[0].cell_contents is K, K.m.__code__.co_freevars)
