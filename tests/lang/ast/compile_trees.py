# compile() of ast objects: parsed trees, trees changed by NodeTransformers, trees built by hand
# (fix_missing_locations, copy_location), the three modes, PyCF_ONLY_AST, positions in tracebacks.
import ast
import sys

src = """
def fib(n):
    '''Fibonacci.'''
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

class Box:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Box({self.v!r})"

result = [fib(i) for i in range(10)]
print(result, Box(3), fib.__doc__)
"""
tree = ast.parse(src, "<src>")
exec(compile(tree, "<src>", "exec"), {})

# A transformer: every int constant doubled, names renamed.
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if type(node.value) is int:
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "fib":
            return ast.copy_location(ast.Name("fibo", node.ctx), node)
        return node
    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        if node.name == "fib":
            node.name = "fibo"
        return node

t2 = Rename().visit(Double().visit(ast.parse(src)))
ns = {}
exec(compile(t2, "<t2>", "exec"), ns)
print(sorted(k for k in ns if not k.startswith("__")))
print(ast.unparse(t2).splitlines()[3])

# Statements inserted without locations.
t3 = ast.parse("x = 1\nprint(x)")
t3.body.insert(1, ast.Assign(targets=[ast.Name("x", ast.Store())],
                             value=ast.BinOp(ast.Name("x", ast.Load()), ast.Mult(), ast.Constant(10))))
ast.fix_missing_locations(t3)
exec(compile(t3, "<t3>", "exec"))
print(t3.body[1].lineno, t3.body[1].end_col_offset, t3.body[1].value.right.col_offset)

# Built from scratch, in the three modes.
loc = dict(lineno=1, col_offset=0)
expr = ast.Expression(ast.BinOp(ast.Constant(6, **loc), ast.Mult(), ast.Constant(7, **loc), **loc))
print(eval(compile(expr, "<e>", "eval")))
mod = ast.Module([ast.Expr(ast.Call(ast.Name("print", ast.Load(), **loc),
                                    [ast.Constant("hello", **loc)], [ast.keyword("end", ast.Constant("!\n", **loc), **loc)],
                                    **loc), **loc)], [])
exec(compile(mod, "<m>", "exec"))
inter = ast.Interactive([ast.Expr(ast.Constant(42, **loc), **loc), ast.Expr(ast.Constant(None, **loc), **loc)])
exec(compile(inter, "<i>", "single"))
print(compile(mod, "<m>", "exec", ast.PyCF_ONLY_AST) is mod, compile(expr, "x", "exec", ast.PyCF_ONLY_AST) is expr)
print(type(compile("1 + 1", "<s>", "eval", ast.PyCF_ONLY_AST)).__name__,
      type(compile("x = 1", "<s>", "single", ast.PyCF_ONLY_AST)).__name__,
      type(compile(b"pass", b"<b>", "exec", flags=ast.PyCF_ONLY_AST)).__name__)

# Constant values of every kind, including ones the parser never produces.
for value in [None, True, False, ..., 0, -5, 2**100, 1.5, -0.0, float("inf"), 2j, 1 + 2j, "s", "\udc80", b"\x00",
              (1, "a", (None, 2.5)), (), (1 - 1j,)]:
    e = ast.Expression(ast.Constant(value, **loc))
    got = eval(compile(e, "<c>", "eval"))
    print(repr(got), type(got).__name__, got == value or got != got)

# Code objects made from trees: names, docstrings, positions.
def func_tree(name, body):
    return ast.FunctionDef(name, ast.arguments([], [ast.arg("a", **loc)], None, [], [], None, []),
                           body, [], None, **loc)
f_tree = ast.Module([func_tree("made", [ast.Expr(ast.Constant("the doc", **loc), **loc),
                                        ast.Return(ast.Name("a", ast.Load(), **loc), **loc)])], [])
ns = {}
exec(compile(f_tree, "made.py", "exec"), ns)
made = ns["made"]
print(made(5), made.__doc__, made.__code__.co_filename, made.__code__.co_varnames, made.__name__)

# Line numbers of built trees reach tracebacks.
bad = ast.Module([ast.Expr(ast.BinOp(ast.Constant(1, lineno=7, col_offset=2, end_lineno=7, end_col_offset=3),
                                     ast.Div(),
                                     ast.Constant(0, lineno=7, col_offset=6, end_lineno=7, end_col_offset=7),
                                     lineno=7, col_offset=2, end_lineno=7, end_col_offset=7),
                           lineno=7, col_offset=2, end_lineno=7, end_col_offset=7)], [])
try:
    exec(compile(bad, "<bad>", "exec"))
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno)

# Compile-time errors of the compiler proper come back as SyntaxErrors.
for stmt in [ast.Return(None, **loc), ast.Break(**loc), ast.Continue(**loc),
             ast.Expr(ast.Await(ast.Constant(1, **loc), **loc), **loc),
             ast.Expr(ast.Starred(ast.Name("x", ast.Load(), **loc), ast.Load(), **loc), **loc),
             ast.Nonlocal(["x"], **loc)]:
    try:
        compile(ast.Module([stmt], []), "<err>", "exec")
        print("compiled", type(stmt).__name__)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno)

# match statements built by hand.
case_src = """
match v:
    case [1, *rest]:
        r = ('seq', rest)
    case {'k': x}:
        r = ('map', x)
    case str() as s:
        r = ('str', s)
    case _:
        r = 'other'
"""
case_tree = ast.parse(case_src)
code = compile(case_tree, "<match>", "exec")
for v in ([1, 2, 3], {"k": 9}, "txt", 4.5):
    ns = {"v": v}
    exec(code, ns)
    print(ns["r"])

# A tree compiled twice, and a tree sharing a node in two places.
shared = ast.Name("y", ast.Load(), **loc)
twice = ast.Module([ast.Expr(ast.Call(ast.Name("print", ast.Load(), **loc), [shared, shared], [], **loc), **loc)], [])
exec(compile(twice, "<s>", "exec"), {"y": "Y"})
exec(compile(twice, "<s>", "exec"), {"y": "Z"})

# Large and deep trees.
big = ast.parse("total = 0\n" + "".join("total += %d\n" % i for i in range(2000)))
ns = {}
exec(compile(big, "<big>", "exec"), ns)
print(ns["total"])
deep = ast.parse("x = " + "(" * 50 + "1" + ")" * 50 + " + 1" * 300)
exec(compile(deep, "<deep>", "exec"), ns)
print(ns["x"])
