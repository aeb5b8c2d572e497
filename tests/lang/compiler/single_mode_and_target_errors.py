# SyntaxErrors of compile(..., 'single') after a compound statement, of `for` targets that are
# comparisons, of `**_` in mapping patterns and of a bare generator expression as class bases.
SINGLE = ['def f(): pass', 'def f(): pass\n', 'def f(): pass\n\n', 'if 1:\n  pass', 'if 1:\n  pass\n',
          'if 1: pass', 'if 1: pass\n', 'for x in y: pass', 'def f():\n  pass', 'class C: pass',
          'with a: pass\n', 'if 1:\n  pass\n\n', 'if 1: pass\n# c', '1\n2', 'x = 5 # comment\nx = 6\n',
          'while x:\n  if y: pass', 'try: pass\nfinally: pass', 'x = 1', 'x = 1; y = 2']
for source in SINGLE:
    try:
        compile(source, "<single>", "single")
        print(repr(source), "compiled")
    except SyntaxError as e:
        print(repr(source), e.msg, e.lineno, e.offset)

EXEC = ["for i < (): pass", "for i in (): pass", "for a < b in c: pass", "for f() in x: pass",
        "for (a, b()) in c: pass", "for a, b + 1 in c: pass",
        "match x:\n case {**_}:\n  pass", "match x:\n case {**r}:\n  pass",
        "match x:\n case {'a': 1, **_}:\n  pass", "match x:\n case {**r.a}:\n  pass",
        "class C((x for x in L)):\n pass", "class C(x for x in L, y):\n pass",
        "class C(a, x for x in L):\n pass", "f(x for x in L)"]
for source in EXEC:
    try:
        compile(source, "<t>", "exec")
        print(repr(source), "compiled")
    except SyntaxError as e:
        print(repr(source), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

# The message only: CPython points at the 'for', Tern at the ':'.
try:
    compile("class C(x for x in L):\n pass", "<t>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno)
