# compile()'s PyCF_ALLOW_INCOMPLETE_INPUT and PyCF_DONT_IMPLY_DEDENT, which
# codeop and the interactive console use to tell "read another line" from a
# syntax error; and the console itself running multi-line statements.
import code
import codeop
import io
import sys

INCOMPLETE = codeop.PyCF_ALLOW_INCOMPLETE_INPUT
NO_DEDENT = codeop.PyCF_DONT_IMPLY_DEDENT

SOURCES = [
    "x = 1", "x = 1\n", "if x:", "if x:\n", "if x:\n  pass", "if x:\n  pass\n",
    "if x:\n  pass\n\n", "if x:\n  if y:\n    pass\n  z", "if x:\n  pass\n# c",
    "if x:\n  pass\n  # c", "if 1:\n  x\nelse:", "try:\n pass\n", "try:\n pass",
    "@dec", "@dec\n", "def f(a,", "(1,", "(1,\n", "x = (\n1,\n", "[x for x in", "{",
    "'''abc", "'''abc\n", "'abc", "'abc\n", "'abc\nx = 1\n", "f'{", "a = 'a\\", "a = 'a\\\n",
    "x = \\\n", "1 +", "1 +\n", "for", "a b", "a b\n", "if x:\n  a b", "if x:\n  a b\n",
    "lambda:", "1 if", "del 1", "print 1", "x = 5 = 6", ")", "x = 1\n)",
    "f(**x, *y)", "'a' : 'b", "if x:\n  def f():\n'''abc\n", "(a + b not c\n",
    "class A:\n  def f(self):\n    pass\n\n", "match x:\n case 1:\n  pass\n\n",
    "", "\n", "# c", "x = 1 # c",
]

for mode in ("single", "exec", "eval"):
    for flags in (INCOMPLETE | NO_DEDENT, NO_DEDENT, INCOMPLETE, 0):
        for source in SOURCES:
            try:
                compile(source, "<in>", mode, flags)
                result = "code"
            except SyntaxError as e:
                result = "%s: %s (%s, %s)" % (type(e).__name__, e.msg, e.lineno, e.offset)
            print(mode, hex(flags), repr(source), "->", result)


# The console reads a statement over as many lines as it needs.
lines = iter([
    "for i in range(3):", "  print(i)", "",
    "x = (1,", "2)", "print(x)",
    "if x:", "  print('yes')", "else:", "  print('no')", "",
    "s = '''one", "two'''", "print(repr(s))",
    "def f(a,", "      b):", "    return a + b", "", "print(f(2, 3))",
    "1 +", "print('after the error')",
])


def read(prompt):
    try:
        line = next(lines)
    except StopIteration:
        raise EOFError
    print(prompt + line)
    return line


saved = sys.stderr
sys.stderr = sys.stdout  # the console writes its errors to stderr
try:
    code.interact(banner="", readfunc=read, local={}, exitmsg="")
finally:
    sys.stderr = saved
