# eval/exec with custom mapping locals (name lookups go through __getitem__), dict-subclass globals, __builtins__ injection and restriction.
class Loud(dict):
    def __getitem__(self, k):
        print("lookup", k)
        return super().__getitem__(k)
    def __missing__(self, k):
        return "missing:" + k
loc = Loud(a=1)
print(eval("a + 1", {}, loc))
print(eval("zzz", {}, loc))
class Mapping:
    def __getitem__(self, k):
        if k == "x": return 40
        raise KeyError(k)
print(eval("x + 2", {}, Mapping()))
try:
    eval("y", {}, Mapping())
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("1", {}, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    eval("1", [])
except TypeError as e:
    print(type(e).__name__, e)
g = {}
eval("1", g)
print("__builtins__" in g, sorted(k for k in g))
restricted = {"__builtins__": {"len": len}}
print(eval("len('abc')", restricted))
try:
    eval("print('x')", restricted)
except NameError as e:
    print(type(e).__name__, e)
ns = {"__builtins__": {}}
try:
    exec("y = abs(-1)", ns)
except NameError as e:
    print(type(e).__name__, e)
loc2 = {}
exec("def f(): return w\nw = 5\nr = f()", {"__builtins__": __builtins__}, loc2) if False else None
gl = {}
exec("w = 5\ndef f(): return w\nr = f()", gl)
print(gl["r"], "f" in gl)
lo = {}
try:
    exec("w2 = 5\ndef f(): return w2\nr = f()", {}, lo)
except NameError as e:
    print(type(e).__name__, e, sorted(lo))
