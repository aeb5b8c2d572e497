# exec inside functions does not create real locals, locals() snapshot semantics, explicit dict namespaces, and nonlocal/global inside exec'd code.
def f():
    x = 1
    exec("x = 2; y = 3")
    loc = locals()
    print(x, loc.get("y"), "y" in loc)
f()
def g():
    ns = {}
    exec("a = 1\nb = a + 1", ns)
    return {k: v for k, v in ns.items() if k != "__builtins__"}
print(g())
counter = 0
def h():
    exec("global counter\ncounter += 10")
    return counter
print(h(), counter)
def closure_read():
    z = "enclosing"
    try:
        return eval("z")
    except NameError as e:
        return type(e).__name__
def closure_real():
    z = "enclosing"
    return eval("z", globals(), {"z": z})
print(closure_read(), closure_real())
def nested_def():
    ns = {}
    exec("def inner(n):\n    return n * k\nk = 3", ns)
    return ns["inner"](4)
print(nested_def())
try:
    exec("nonlocal q")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
def gen_via_exec():
    ns = {}
    exec("def g():\n    yield 1\n    yield 2", ns)
    return list(ns["g"]())
print(gen_via_exec())
def class_via_exec():
    ns = {}
    exec("class K:\n    v = 7\n    def m(self): return self.v * 2", ns)
    return ns["K"]().m(), ns["K"].__module__
print(class_via_exec())
d = {"__name__": "fake_mod"}
exec("def fn(): pass\nclass C: pass", d)
print(d["fn"].__module__, d["C"].__module__, d["fn"].__globals__ is d)
