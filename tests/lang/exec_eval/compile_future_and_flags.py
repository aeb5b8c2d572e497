# compile() with __future__ flags, dont_inherit, and `from __future__ import annotations` semantics in exec'd code.
import __future__
src = "def f(x: undefined_type) -> also_undefined: pass\n"
try:
    exec(src, {})
except NameError as e:
    print(type(e).__name__, e)
ns = {}
exec(compile(src, "<s>", "exec", flags=__future__.annotations.compiler_flag), ns)
print(ns["f"].__annotations__)
ns = {}
exec("from __future__ import annotations\n" + src, ns)
print(ns["f"].__annotations__)
print(__future__.annotations.compiler_flag != 0, __future__.all_feature_names[:3])
try:
    compile("from __future__ import braces", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("x = 1\nfrom __future__ import annotations\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("from __future__ import no_such_feature", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
print(compile('"""doc"""\nfrom __future__ import annotations\n', "<s>", "exec").co_filename)
