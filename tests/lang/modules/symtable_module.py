# The symtable module over the native _symtable: block trees, every symbol's
# flags and predicates, errors, and a few stdlib modules whole.
import symtable
import _symtable

SNIPPETS = [
    ("x = 1\ndef f(a, /, b=2, *args, c, **kw):\n    global g\n    g = a\n    return b + x\n", "exec"),
    ("def outer():\n    v = 1\n    def inner():\n        nonlocal v\n        v += 1\n        return v\n    return inner\n", "exec"),
    ("class C(Base):\n    attr: int = 0\n    def m(self):\n        return __class__, super().m()\n    def __private(self): pass\n", "exec"),
    ("import os, sys as system\nfrom json import loads\nres = [y for y in range(3) if y]\ngen = (z for z in res)\n", "exec"),
    ("lambda q: q + w", "eval"),
    ("async def co():\n    async with a as b:\n        await b\n    return {k: v async for k, v in b}\n", "exec"),
    ("from __future__ import annotations\ndef f(x: Foo) -> Bar: pass\n", "exec"),
    ("match p:\n    case [a, *rest] if a: pass\n    case {'k': v, **other}: pass\n", "exec"),
    ("x := 1" if False else "(y := 5)", "single"),
]


def show(table, indent=""):
    print(indent, table.get_type(), table.get_name(), table.get_lineno(), table.is_optimized(),
          table.is_nested(), table.has_children())
    if isinstance(table, symtable.Function):
        print(indent, "  params", table.get_parameters(), "locals", table.get_locals(),
              "globals", table.get_globals(), "nonlocals", table.get_nonlocals(), "frees", table.get_frees())
    if isinstance(table, symtable.Class):
        print(indent, "  methods", table.get_methods())
    for sym in sorted(table.get_symbols(), key=lambda s: s.get_name()):
        preds = [p for p in ("referenced", "imported", "parameter", "global", "nonlocal", "declared_global",
                             "local", "annotated", "free", "assigned", "namespace")
                 if getattr(sym, "is_" + p)()]
        print(indent, "  ", sym.get_name(), table.lookup(sym.get_name())._Symbol__flags, preds)
    for child in table.get_children():
        show(child, indent + "    ")


for source, mode in SNIPPETS:
    print("---", repr(source[:30]), mode)
    show(symtable.symtable(source, "<snippet>", mode))

for bad in ["def f(x): foo)(", "def f(x): global x", "nonlocal q", "def f():\n    x = 1\n    global x\n",
            "[(yield i) for i in y]", "def f(a, a): pass"]:
    try:
        symtable.symtable(bad, "spam", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset)

for args in [(1, "f", "exec"), ("x", "f", "eval2"), ("x", 3, "exec"), ("x\0", "f", "exec")]:
    try:
        _symtable.symtable(*args)
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__, e)

top = _symtable.symtable("def f(): pass", "f", "exec")
print(repr(top).startswith("<symtable entry top("), type(top).__name__, type(top.id), top.children[0].name)
for attr in ("name", "symbols"):
    try:
        setattr(top, attr, 1)
    except AttributeError as e:
        print("AttributeError", e)

import inspect, json.decoder, string, dataclasses
for module in (inspect, json.decoder, string, dataclasses):
    with open(module.__file__, encoding="utf-8") as f:
        table = symtable.symtable(f.read(), module.__file__, "exec")
    count = 0
    def walk(t):
        global count
        count += 1
        rows = [(s.get_name(), t.lookup(s.get_name())._Symbol__flags) for s in t.get_symbols()]
        for c in t.get_children():
            rows += walk(c)
        return rows
    rows = walk(table)
    print(module.__name__, count, len(rows), sum(f for _, f in rows), sorted(rows)[:5])
