# exec: globals/locals dictionaries, __builtins__ insertion, function definitions, return value, code objects.
g = {}
print(exec("x = 1\ny = x + 1", g))
print(g["x"], g["y"], "__builtins__" in g)
l = {}
exec("z = 5", g, l)
print(l, "z" in g)
exec("def f(a): return a * k", g)
g["k"] = 3
print(g["f"](7))
exec("import math\nr = math.floor(2.5)", g)
print(g["r"])
code = compile("total = sum(range(n))", "<compiled>", "exec")
ns = {"n": 5}
exec(code, ns)
print(ns["total"], type(code).__name__, code.co_filename)
def scoped():
    v = 1
    exec("v = 2")
    return v
print(scoped())
def read_local():
    w = 10
    return eval("w + 1")
print(read_local())
restricted = {"__builtins__": {}}
try:
    exec("len([1])", restricted)
except NameError as e:
    print(type(e).__name__, e)
exec("result = len('abc')", {"__builtins__": {"len": len}}, ns)
print(ns["result"])
for src in ["x = ", "def f(:\n", "return 5", "  indented = 1", "x = 1\n  y = 2", "yield 1"]:
    try:
        exec(src, {})
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
try:
    exec(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec("x = 1", [])
except TypeError as e:
    print(type(e).__name__, e)
class Recorder(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
exec("a = 1\nb = 2", {}, Recorder())
exec("class K:\n    attr = 'class in exec'\n", g)
print(g["K"].attr, g["K"].__module__ if "__name__" in g else "no __name__")
exec("print('exec prints', __name__)", {"__name__": "custom_name"})
exec(b"print('bytes source')")
exec("global gl\ngl = 'via global stmt'", g)
print(g["gl"])
