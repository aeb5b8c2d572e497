"""Driver for capi_interactive.c: PyRun_InteractiveLoop and
PyRun_InteractiveOne over files of statements, their output captured from
sys.stdout and sys.stderr (the prompts are set to "" so that nothing is
written to the C stdout)."""

import contextlib
import io
import os
import sys
import tempfile
import unittest

import capi_interactive as m

SESSION = """\
x = 20
x + 1

if x:
    print('block ran')

def double(v):
    return v * 2

double(x)
y = (1,
     2)
y
s = '''one
two'''
s
1/0
print('after the error')
x = 1 +
print('after the syntax error')
'done'
"""


def run(fn, text):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(text)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result = fn(f.name)
    finally:
        os.unlink(f.name)
    return result, out.getvalue(), err.getvalue()


class Interactive(unittest.TestCase):
    def setUp(self):
        sys.ps1 = sys.ps2 = ""
        self.addCleanup(self.cleanup)

    def cleanup(self):
        del sys.ps1, sys.ps2
        import __main__
        for name in ("x", "y", "s", "double", "z"):
            __main__.__dict__.pop(name, None)

    def test_loop(self):
        result, out, err = run(m.loop, SESSION)
        self.assertEqual(result, 0)
        self.assertEqual(out, "21\nblock ran\n40\n(1, 2)\n'one\\ntwo'\nafter the error\n"
                              "after the syntax error\n'done'\n")
        self.assertIn("ZeroDivisionError: division by zero", err)
        self.assertIn("SyntaxError", err)
        self.assertEqual(err.count("Traceback"), 1)

    def test_one_statement_at_a_time(self):
        result, out, err = run(m.one_by_one, "z = 5\n\nz * 2\nundefined_name\nif z:\n    print('yes')\n")
        self.assertEqual(result, [0, 0, 0, -1, 0, "EOF"])
        self.assertEqual(out, "10\nyes\n")
        self.assertIn("NameError: name 'undefined_name' is not defined", err)

    def test_empty_file(self):
        self.assertEqual(run(m.one_by_one, "")[0], ["EOF"])
        self.assertEqual(run(m.loop, "")[0], 0)

    def test_loop_sets_default_prompts(self):
        del sys.ps1, sys.ps2
        result, out, err = run(m.loop, "")
        self.assertEqual((sys.ps1, sys.ps2), (">>> ", "... "))


if __name__ == "__main__":
    unittest.main(verbosity=2)
