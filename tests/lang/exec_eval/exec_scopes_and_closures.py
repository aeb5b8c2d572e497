# exec/eval scoping: separate globals and locals behave like a class body; closures, comprehensions and nonlocal inside exec.
g, l = {}, {}
exec("x = 1\ndef f(): return x\n", g, l)
print(sorted(l), "x" in g)
try:
    l["f"]()
except NameError as e:
    print(type(e).__name__, e)
g2 = {}
exec("y = 2\ndef h(): return y\n", g2)
print(g2["h"]())
ns = {}
exec("""
def outer():
    v = 'captured'
    def inner():
        nonlocal v
        v = v + '!'
        return v
    return inner
""", ns)
fn = ns["outer"]()
print(fn(), fn())
loc = {"data": [1, 2, 3]}
exec("total = sum(d * 2 for d in data)", {}, loc)
print(loc["total"])
try:
    exec("res = [d * k for d in data]", {}, {"data": [1], "k": 2})
except NameError as e:
    print(type(e).__name__, e)
print(eval("[a * b for a in range(3)]", {"b": 10}))
def in_function():
    z = 5
    return eval("z * 2"), eval("[z for _ in range(2)]" if False else "z + 1")
print(in_function())
code = "class K:\n    attr = val\n    doubled = [attr * 2 for _ in range(1)] if False else attr * 2\n"
ns2 = {"val": 21}
exec(code, ns2)
print(ns2["K"].doubled)
exec("import math as m_alias", ns2)
print("m_alias" in ns2, ns2["m_alias"].__name__)
exec("del val", ns2)
print("val" in ns2)
