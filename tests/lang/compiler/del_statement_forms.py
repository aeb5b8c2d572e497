# del statement: names, tuples/lists of targets, subscripts, slices, attributes, nested targets, globals/locals, and errors for undefined names.
a = 1; b = 2; c = [1, 2, 3, 4, 5]; d = {"x": 1, "y": 2}
class O: pass
o = O(); o.p = 1; o.q = 2
del a
del (b,), c[0], d["x"]
del [o.p]
print("a" in globals(), "b" in globals(), c, d, vars(o))
del c[1:3], o.q
print(c, vars(o))
try:
    del a
except NameError as e:
    print(type(e).__name__, e)
def f():
    x = 1
    del x
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    try:
        del x
    except UnboundLocalError as e:
        print(type(e).__name__, e)
f()
g = 1
def delete_global():
    global g
    del g
delete_global(); print("g" in globals())
def del_in_closure():
    v = 1
    def inner(): return v
    del v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
del_in_closure()
for target in ["del d['missing']", "del c[99]", "del o.nothing", "del (1).real" if False else "del o.p"]:
    try:
        exec(target)
    except (KeyError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    exec("del f()")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
nested = [[1, 2], [3, 4]]
del nested[0][1], nested[1]
print(nested)
for i in range(3):
    pass
del i
print("i" in globals())
