"""Driver for capi_runtime.c: import, sys, running code, the caller's frame,
slices, cells, bound methods, run-time builtins, allocators, helpers."""

import builtins
import contextlib
import io
import json
import os.path
import sys
import types
import unittest

import capi_runtime as m

MODULE_LEVEL = "module-level"


class Import(unittest.TestCase):
    def test_import_module(self):
        self.assertIs(m.import_module("json"), json)
        self.assertIs(m.import_module("os.path"), os.path)  # the submodule itself
        with self.assertRaises(ModuleNotFoundError):
            m.import_module("no_such_module_tern_xyz")

    def test_import_object(self):
        self.assertIs(m.import_object("json"), json)
        with self.assertRaises(ImportError):
            m.import_object("no_such_module_tern_xyz")

    def test_import_from(self):
        self.assertIs(m.import_from("os.path", "join"), os.path.join)
        self.assertIs(m.import_from("json", "decoder"), json.decoder)
        with self.assertRaises(AttributeError):
            m.import_from("json", "no_such_attr")

    def test_add_module(self):
        mod, in_sys = m.add_module("capi_runtime_added")
        self.assertIsInstance(mod, types.ModuleType)
        self.assertTrue(in_sys)
        self.assertIs(sys.modules["capi_runtime_added"], mod)
        again, _ = m.add_module("capi_runtime_added")
        self.assertIs(again, mod)  # existing entries are returned, not replaced
        self.assertIs(m.add_module("json")[0], json)
        del sys.modules["capi_runtime_added"]


class Sys(unittest.TestCase):
    def test_get_set(self):
        self.assertIs(m.sys_get("modules"), sys.modules)
        self.assertIs(m.sys_get("path"), sys.path)
        self.assertIsNone(m.sys_get("no_such_sys_attr"))
        m.sys_set("tern_capi_marker", [1])
        self.assertEqual(sys.tern_capi_marker, [1])
        m.sys_set("tern_capi_marker", None)  # NULL deletes
        self.assertFalse(hasattr(sys, "tern_capi_marker"))

    def test_write_stdout_follows_sys_stdout(self):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            m.sys_write("n", 5)
        self.assertEqual(buf.getvalue(), "n=5\n'n'!\n")


class RunningCode(unittest.TestCase):
    def test_run_string(self):
        g = {"x": 20}
        self.assertEqual(m.run_string("x * 2 + 2", "eval", g), 42)
        self.assertIsNone(m.run_string("y = x + 1\ndef f(): return y", "exec", g))
        self.assertEqual(g["y"], 21)
        self.assertEqual(g["f"](), 21)
        self.assertIn("__builtins__", g)  # filled in for the code that ran
        loc = {}
        m.run_string("z = 3", "exec", g, loc)
        self.assertEqual(loc, {"z": 3})
        self.assertNotIn("z", g)

    def test_run_string_errors(self):
        with self.assertRaises(SyntaxError):
            m.run_string("1 +", "eval", {})
        with self.assertRaises(NameError):
            m.run_string("undefined_name", "eval", {})
        with self.assertRaises(ZeroDivisionError):
            m.run_string("1 / 0", "exec", {})

    def test_compile_and_eval(self):
        result, filename = m.compile_eval("a + b", "<from-c>", {"a": 1, "b": 2})
        self.assertEqual(result, 3)
        self.assertEqual(filename, "<from-c>")
        with self.assertRaises(SyntaxError) as cm:
            m.compile_eval("a +", "<bad>", {})
        self.assertEqual(cm.exception.filename, "<bad>")


class CallerFrame(unittest.TestCase):
    def test_caller_sees_python_frame(self):
        def some_function():
            return m.caller()
        globals_, builtins_, name, line = some_function()
        self.assertIs(globals_, globals())
        self.assertEqual(globals_["MODULE_LEVEL"], "module-level")
        self.assertIs(builtins_, builtins.__dict__)
        self.assertEqual(name, "some_function")
        self.assertEqual(line, some_function.__code__.co_firstlineno + 1)


class SmallObjects(unittest.TestCase):
    def test_slices(self):
        sl, idx = m.slice_indices(1, None, 2, 10)
        self.assertEqual(sl, slice(1, None, 2))
        self.assertEqual(idx, (1, 10, 2, 5))
        self.assertEqual(m.slice_indices(None, None, -1, 4)[1], (3, -1, -1, 4))
        self.assertEqual(m.slice_indices(-3, 100, None, 5)[1], (2, 5, 1, 3))
        with self.assertRaises(ValueError):
            m.slice_indices(None, None, 0, 5)

    def test_cells(self):
        c, before = m.cell(21)
        self.assertIsInstance(c, types.CellType)
        self.assertEqual(before, 21)
        self.assertEqual(c.cell_contents, 42)

    def test_bound_methods(self):
        def f(self, x):
            return (self, x)
        o = object()
        bm = m.bind(f, o)
        self.assertIsInstance(bm, types.MethodType)
        self.assertIs(bm.__self__, o)
        self.assertIs(bm.__func__, f)
        self.assertEqual(bm(1), (o, 1))

    def test_builtin_made_at_run_time(self):
        tag = object()
        f = m.make_builtin(tag)
        self.assertIsInstance(f, types.BuiltinFunctionType)
        self.assertEqual(f.__name__, "made_at_runtime")
        self.assertEqual(f.__doc__, "A builtin created by PyCFunction_NewEx.")
        self.assertIs(f.__self__, tag)
        got = f(5)
        self.assertIs(got[0], tag)
        self.assertEqual(got[1], 5)


class Helpers(unittest.TestCase):
    def test_allocators(self):
        for n in (1, 8, 100, 10000, 1 << 20):
            self.assertEqual(m.memory_families(n), (True, True, True), n)

    def test_huge_allocations_return_null(self):
        self.assertEqual(m.huge_allocations(), (True, True, True, True, True))

    def test_misc(self):
        version, formatted, n, small, initialized, signals_ok = m.misc()
        self.assertTrue(version.startswith("3.11"), version)
        self.assertEqual(version.split()[0], sys.version.split()[0])
        self.assertEqual((formatted, n), ("42-x-1.50", 9))
        self.assertEqual(small, "trun")
        self.assertTrue(initialized)
        self.assertTrue(signals_ok)


if __name__ == "__main__":
    unittest.main(verbosity=2)
