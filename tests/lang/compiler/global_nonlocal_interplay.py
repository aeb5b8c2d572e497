# global and nonlocal declarations: module rebinding from nested functions, global in class bodies, del global.
counter = 0
def bump():
    global counter
    counter += 1
def nested():
    def inner():
        global counter
        counter += 100
    inner()
bump(); nested(); print(counter)
def creates():
    global brand_new
    brand_new = "made"
creates(); print(brand_new)
class C:
    global from_class
    from_class = "class-global"
    local = "attr"
print(from_class, C.local, "local" in globals())
def deleter():
    global brand_new
    del brand_new
deleter()
try:
    brand_new
except NameError as e:
    print(type(e).__name__, e)
def unbound():
    print(counter)
    counter = 5
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def outer():
    v = "outer"
    def mid():
        v = "mid"
        def inner():
            nonlocal v
            v = "changed-by-inner"
        inner()
        return v
    return mid(), v
print(outer())
def gfn():
    x = "local"
    def inner():
        global x
        return x
    return inner()
x = "module x"
print(gfn())
for src in ["def f():\n x = 1\n global x\n", "def f():\n nonlocal y\n", "nonlocal z\n", "def f(a):\n global a\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
exec("global counter\ncounter = -1")
print(counter)
