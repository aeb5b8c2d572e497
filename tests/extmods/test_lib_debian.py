"""Debian's own CPython 3.11 extension binaries, loaded unmodified.

xxlimited (the limited-API template module) and _testmultiphase (multi-phase
initialisation and its failure modes) ship in
/usr/lib/python3.11/lib-dynload as *.cpython-311-x86_64-linux-gnu.so files
built for CPython.  This driver has no source beside it: it proves that an
interpreter loads those binaries and that they behave as they do under
CPython 3.11, including the SystemError each broken init function must give.
"""

import importlib.machinery
import importlib.util
import os
import sys
import unittest

LIB_DYNLOAD = "/usr/lib/python3.11/lib-dynload"
SUFFIX = ".cpython-311-x86_64-linux-gnu.so"
if LIB_DYNLOAD not in sys.path:
    sys.path.append(LIB_DYNLOAD)

import _testmultiphase  # noqa: E402
import xxlimited  # noqa: E402

MULTIPHASE_PATH = os.path.join(LIB_DYNLOAD, "_testmultiphase" + SUFFIX)


def load(name, path=MULTIPHASE_PATH):
    """Load the extension at `path` under `name`, which picks PyInit_<name>."""
    loader = importlib.machinery.ExtensionFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


class XxLimited(unittest.TestCase):
    def test_loaded_from_debian_binary(self):
        self.assertEqual(xxlimited.__file__, os.path.join(LIB_DYNLOAD, "xxlimited" + SUFFIX))
        self.assertEqual(xxlimited.__doc__, "This is a template module just for instruction.")

    def test_functions(self):
        self.assertEqual(xxlimited.foo(2, 3), 5)
        self.assertEqual(xxlimited.foo(-10, 4), -6)
        with self.assertRaises(TypeError):
            xxlimited.foo(1)

    def test_xxo(self):
        o = xxlimited.new()
        self.assertIs(type(o), xxlimited.Xxo)
        self.assertEqual(xxlimited.Xxo.__module__, "xxlimited")
        self.assertEqual(o.demo("s"), "s")
        self.assertIs(o.demo(o), o)
        self.assertIsNone(o.demo(1))
        with self.assertRaises(TypeError):
            o.demo()

    def test_xxo_attributes(self):
        o = xxlimited.new()
        o.spam = [1]
        self.assertEqual(o.spam, [1])
        del o.spam
        with self.assertRaises(AttributeError):
            o.spam
        with self.assertRaises(AttributeError):
            del o.nope

    def test_xxo_buffer(self):
        o = xxlimited.new()
        with memoryview(o) as mv:
            self.assertEqual(o.x_exports, 1)
            self.assertEqual(mv.nbytes, 10)
            self.assertFalse(mv.readonly)
            mv[0] = 65
            self.assertEqual(bytes(mv)[:1], b"A")
        self.assertEqual(o.x_exports, 0)

    def test_str_and_error(self):
        s = xxlimited.Str("ab")
        self.assertIsInstance(s, str)
        self.assertEqual(s + "c", "abc")
        self.assertTrue(issubclass(xxlimited.Error, Exception))


class MultiPhase(unittest.TestCase):
    def test_module(self):
        t = _testmultiphase
        self.assertEqual(t.__file__, MULTIPHASE_PATH)
        self.assertEqual(t.__doc__, "Test module main")
        self.assertEqual(t.foo(1, 2), 3)
        self.assertEqual(t.int_const, 1969)
        self.assertEqual(t.str_const, "something different")
        self.assertTrue(issubclass(t.error, Exception))
        e = t.Example()
        e.x = 1
        self.assertEqual(e.x, 1)
        self.assertIsInstance(t.Str("x"), str)

    def test_fresh_load_is_independent(self):
        other = load("_testmultiphase")
        self.assertIsNot(other, _testmultiphase)
        self.assertIsNot(other.Example, _testmultiphase.Example)
        self.assertEqual(other.foo(3, 4), 7)

    def test_method_state_access(self):
        m = load("_testmultiphase_meth_state_access")
        s = m.StateAccessType()
        self.assertIs(s.get_defining_module(), m)
        self.assertEqual(s.get_count(), 0)
        s.increment_count_clinic()
        s.increment_count_clinic(n=5)
        self.assertEqual(s.get_count(), 6)
        with self.assertRaises(TypeError):
            s.getmodulebydef_bad_def()

    def test_non_module_objects(self):
        ns = load("_testmultiphase_nonmodule")
        self.assertEqual(type(ns).__name__, "SimpleNamespace")
        self.assertEqual(ns.three, 3)
        ns = load("_testmultiphase_nonmodule_with_methods")
        self.assertEqual(ns.bar(5, 2), 3)  # i - j

    def test_other_variants_load(self):
        self.assertEqual(load("_testmultiphase_null_slots").__name__,
                         "_testmultiphase_null_slots")
        self.assertTrue(issubclass(load("_test_module_state_shared").Error, Exception))

    def test_broken_init_functions_raise_system_error(self):
        broken = {
            "_testmultiphase_create_null": "without setting an exception",
            "_testmultiphase_create_raise": "bad create function",
            "_testmultiphase_create_unreported_exception": "unreported exception",
            "_testmultiphase_create_int_with_state": "def does not match",
            "_testmultiphase_exec_err": "without setting an exception",
            "_testmultiphase_exec_raise": "bad exec function",
            "_testmultiphase_exec_unreported_exception": "unreported exception",
            "_testmultiphase_export_null": "without raising an exception",
            "_testmultiphase_export_raise": "bad export function",
            "_testmultiphase_export_unreported_exception": "unreported exception",
            "_testmultiphase_negative_size": "m_size may not be negative",
            "_testmultiphase_bad_slot_large": "unknown slot ID",
        }
        for name, text in broken.items():
            with self.subTest(name=name):
                with self.assertRaises(SystemError) as cm:
                    load(name)
                self.assertIn(text, str(cm.exception))

    def test_missing_init_function(self):
        with self.assertRaises(ImportError):
            load("_testmultiphase_no_such_init")


if __name__ == "__main__":
    unittest.main(verbosity=2)
