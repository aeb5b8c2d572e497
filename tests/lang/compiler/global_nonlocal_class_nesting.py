# global/nonlocal interactions with class bodies: class scopes are skipped by closures, nonlocal inside methods, global inside class body, and __class__ free variable.
x = "global x"
def outer():
    x = "outer x"
    class Inner:
        x = "class x"
        def method(self):
            return x
        def set_outer(self):
            nonlocal x
            x = "changed by method"
        seen_in_body = x
    i = Inner()
    print(i.method(), Inner.seen_in_body)
    i.set_outer()
    print(x, i.method())
outer()
class G:
    global y
    y = "set from class body"
print(y, hasattr(G, "y"))
def f():
    class C:
        nonlocal_target = 1
        def m(self):
            return __class__.__name__, type(self).__name__
    class D(C): pass
    return D().m()
print(f())
def counter_factory():
    count = 0
    class Counter:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return Counter()
c = counter_factory()
print(c.inc(), c.inc())
def shadow():
    v = "fn"
    class K:
        v = "cls"
        w = [v for _ in range(1)]
        u = (lambda: v)()
    return K.w, K.u
print(shadow())
try:
    exec("def bad():\n    x = 1\n    global x")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("def bad2(p):\n    global p")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("def bad3():\n    nonlocal nothere")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
