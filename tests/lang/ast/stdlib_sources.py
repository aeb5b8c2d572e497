# Whole modules of the standard library: ast.parse + ast.dump(include_attributes=True) is
# CPython's (compared through hash() under PYTHONHASHSEED=0), compile() of the parsed tree
# gives the code compile() of the source gives, and unparse + parse is the identity.
import ast
import os
import types

LIB = os.path.dirname(ast.__file__)
FILES = ["string.py", "json/decoder.py", "textwrap.py"]

def same_code(a, b):
    for attr in ("co_code", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_name", "co_qualname",
                 "co_firstlineno", "co_flags", "co_argcount", "co_kwonlyargcount", "co_posonlyargcount",
                 "co_linetable", "co_exceptiontable", "co_stacksize"):
        if getattr(a, attr) != getattr(b, attr):
            return False
    if len(a.co_consts) != len(b.co_consts):
        return False
    for x, y in zip(a.co_consts, b.co_consts):
        if isinstance(x, types.CodeType):
            if not same_code(x, y):
                return False
        elif type(x) != type(y) or repr(x) != repr(y):
            return False
    return True

for name in FILES:
    path = os.path.join(LIB, name)
    with open(path, "rb") as f:
        source = f.read()
    tree = ast.parse(source, path)
    dump = ast.dump(tree, include_attributes=True)
    nodes = sum(1 for _ in ast.walk(tree))
    print(name, nodes, len(dump), hash(dump))
    print("  same code:", same_code(compile(source, path, "exec"), compile(tree, path, "exec")))
    again = ast.parse(ast.unparse(tree))
    print("  unparse round trip:", ast.dump(again) == ast.dump(tree))
