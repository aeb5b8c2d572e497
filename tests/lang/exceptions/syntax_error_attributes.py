# SyntaxError/IndentationError/TabError attributes from compile(): msg, lineno, offset, end_lineno, end_offset, text, filename, and str() forms.
sources = ["x = (1,\n", "def f(:\n    pass", "a = 1 +\n", "if True:\nprint(1)", "  x = 1", "if 1:\n\tx = 1\n        y = 2", "print 'hi'", "1 = x", "f(**a, *b)", "x = 'unterminated", "def f():\n    return\n  x", "lambda: (yield)", "nonlocal x", "a.b := 1", "import", "for x in range(3):\n    pass\nelse\n"]
for src in sources:
    try:
        compile(src, "<snippet>", "exec")
        print("compiled?!", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), e.filename)
        print("   str:", str(e))
e = SyntaxError("custom", ("file.py", 3, 5, "bad line\n", 3, 8))
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, str(e), e.args)
print(str(SyntaxError("only msg")), SyntaxError().msg, SyntaxError("m", ("f", 1, 2, "t")).end_lineno)
print(issubclass(TabError, IndentationError), issubclass(IndentationError, SyntaxError))
