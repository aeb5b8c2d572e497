# eval: expressions only, namespaces, mode errors, constants, nested eval.
print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("'abc'.upper()"), eval(" 5 "), eval("\t7"))
print(eval("a + b", {"a": 1, "b": 2}), eval("a + b", {"a": 1}, {"b": 10}), eval("len(s)", {"s": "four"}))
x = 100
print(eval("x"), eval("x", {"x": 1}), eval("x", None, {"x": 2}))
for src in ["x = 1", "import os", "1 +", "", "def f(): pass"]:
    try:
        print(repr(eval(src)))
    except SyntaxError as e:
        print(type(e).__name__, repr(src), e.msg)
print(eval("lambda v: v * 2")(21), eval("(1, 2)"), eval("{'k': [1, 2]}"), eval("None"), eval("...")) 
print(eval(compile("3 ** 2", "<e>", "eval")), eval("eval('1 + 1')"))
try:
    eval("undefined_name")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("1 / 0")
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    eval(compile("x = 1", "<s>", "exec"))
    print("exec code in eval returns", eval(compile("x = 1", "<s>", "exec")))
except Exception as e:
    print(type(e).__name__, e)
class LookupNS(dict):
    def __missing__(self, k): return f"<{k}>"
print(eval("foo", {}, LookupNS()))
import ast
print(ast.literal_eval("[1, 2.5, 'x', (True, None), {'k': -3}]"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as e:
    print(type(e).__name__)
print(eval("1 if c else 2", {"c": 0}), eval("[*a, *b]", {"a": [1], "b": (2,)}), eval("f'{v!r}'", {"v": "s"}))
