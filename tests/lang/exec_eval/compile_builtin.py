# compile(): modes, flags, dont_inherit, code object attributes, single mode output, errors.
c = compile("a = 1\nb = a + 1\n", "<file>", "exec")
print(type(c).__name__, c.co_filename, c.co_name, sorted(c.co_names), c.co_firstlineno)
e = compile("x * 2", "<expr>", "eval")
print(eval(e, {"x": 21}), e.co_name)
s = compile("1 + 1", "<single>", "single")
exec(s)
exec(compile("None", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))
exec(compile("for i in range(2): i\n", "<single>", "single"))
for args in [("x", "<f>", "bogus"), ("x = ", "<f>", "exec"), ("x\ny", "<f>", "eval"), ("1\n2\n", "<f>", "single")]:
    try:
        compile(*args)
    except (ValueError, SyntaxError) as err:
        print(type(err).__name__, err.msg if isinstance(err, SyntaxError) else err)
try:
    compile("x = 1\n\n  y = 2\n", "myfile.py", "exec")
except SyntaxError as err:
    print(type(err).__name__, err.msg, err.filename, err.lineno, err.offset)
try:
    compile("if True:\nprint(1)\n", "f.py", "exec")
except IndentationError as err:
    print(type(err).__name__, err.msg, err.lineno)
try:
    compile("\0", "<null>", "exec")
except (ValueError, SyntaxError) as err:
    print(type(err).__name__)
import ast
tree = compile("1 + 2", "<ast>", "eval", ast.PyCF_ONLY_AST)
print(type(tree).__name__, ast.dump(tree))
print(eval(compile(tree, "<ast>", "eval")))
mod = ast.parse("y = 6 * 7")
ns = {}
exec(compile(mod, "<ast>", "exec"), ns)
print(ns["y"])
def f(a, b=1, *c, d, **e):
    local = a
    def inner(): return local
    return inner
co = f.__code__
print(co.co_argcount, co.co_kwonlyargcount, co.co_nlocals, co.co_varnames, co.co_cellvars, co.co_name, co.co_qualname)
print(co.co_flags & 0x04 != 0, co.co_flags & 0x08 != 0, co.co_flags & 0x20 != 0, f(1, d=2).__code__.co_freevars)
def g(): yield
print(g.__code__.co_flags & 0x20 != 0)
c2 = co.replace(co_name="renamed")
print(c2.co_name, co.co_name)
print(compile("x", "<s>", "eval", dont_inherit=True).co_names, compile(b"42", "<b>", "eval").co_consts[:1])
