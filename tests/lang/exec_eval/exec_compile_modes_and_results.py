# compile() modes 'exec'/'eval'/'single' (single prints expression values via sys.displayhook), code objects reused, exec return value, eval of code objects and of bytes source.
c = compile("x * 2", "<expr>", "eval")
print(type(c).__name__, c.co_filename, eval(c, {"x": 4}), eval(c, {"x": "ab"}))
s = compile("a = 5\na + 1\n'ignored'", "<stmts>", "exec")
ns = {}
print(exec(s, ns), ns["a"])
single = compile("1 + 2", "<single>", "single")
exec(single)
exec(compile("None", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))
exec(compile("for i in range(2): i\n", "<single>", "single"))
try:
    compile("a = 1\nb = 2", "<single>", "single")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("a = 1", "<e>", "eval")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("1", "<x>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
print(eval(b"1 + 1"), eval("  3 * 3"), eval("\n4\n"), eval("5 # comment"), eval(bytearray(b"6")) if False else eval(b"6"))
try:
    eval("  ")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval("\x00")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e)
try:
    eval(compile("1", "<e>", "exec"))
    print("eval of exec-code returns", eval(compile("1", "<e>", "exec")))
except Exception as e:
    print(type(e).__name__, e)
exec("import sys as _s; _v = _s.version_info[0]", ns)
print(ns["_v"])
print(eval("(lambda: __name__)()"), eval("__name__", {"__name__": "custom"}), eval("[i for i in range(3)]"))
code = compile("result.append(n)", "<loop>", "exec")
out = []
for n in range(3):
    exec(code, {"result": out, "n": n})
print(out)
