"""Debian's own CPython 3.11 extension binaries, loaded unmodified.

xxlimited (the limited-API template module) and _testmultiphase (multi-phase
initialisation and its failure modes) ship in
/usr/lib/python3.11/lib-dynload as *.cpython-311-x86_64-linux-gnu.so files
built for CPython.  This driver has no source beside it: it proves that an
interpreter loads those binaries and that they behave as they do under
CPython 3.11, including the SystemError each broken init function must give.
"""

import gc
import importlib
import importlib.machinery
import importlib.util
import os
import sys
import unittest
import weakref

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

    def test_example_type(self):
        t = _testmultiphase
        ex = t.Example()
        self.assertEqual(ex.demo("abcd"), "abcd")
        self.assertIsNone(ex.demo())
        self.assertIsNone(ex.demo(5))
        with self.assertRaises(AttributeError):
            ex.abc
        ex.abc = 0
        self.assertEqual(ex.abc, 0)
        del ex.abc
        with self.assertRaises(AttributeError):
            del ex.abc  # "delete non-existing Example attribute"
        self.assertEqual(t.Example.__doc__, "The Example type")
        self.assertEqual(t.Str(1) + "23", "123")
        self.assertIsInstance(t.Str(), str)
        with self.assertRaises(t.error):
            raise t.error()

    def test_function_metadata(self):
        t = _testmultiphase
        self.assertEqual(t.foo.__module__, "_testmultiphase")
        self.assertEqual(t.foo.__name__, "foo")
        self.assertIs(t.foo.__self__, t)
        with self.assertRaises(TypeError):
            t.foo(1, "x")

    def test_reload_runs_exec_once(self):
        example = _testmultiphase.Example
        self.assertIs(importlib.reload(_testmultiphase), _testmultiphase)
        self.assertIs(_testmultiphase.Example, example)

    def test_state_registration_refused(self):
        # PyState_* are for single-phase modules only.
        t = _testmultiphase
        self.assertIsNone(t.call_state_registration_func(0))
        with self.assertRaises(SystemError):
            t.call_state_registration_func(1)
        with self.assertRaises(SystemError):
            t.call_state_registration_func(2)

    def test_names(self):
        sub = load("pkg._testmultiphase")  # PyInit_ from the last component
        self.assertEqual(sub.__name__, "pkg._testmultiphase")
        self.assertEqual(sub.str_const, "something different")
        x = load("x")
        self.assertEqual(x.__name__, "x")
        self.assertEqual(x.foo(2, 2), 4)
        self.assertNotIn("x", sys.modules)

    def test_non_ascii_names(self):
        # PyInitU_ and the punycode of the name (PEP 489).
        for name, lang in [("_testmultiphase_zkou\u0161ka_na\u010dten\xed", "Czech"),
                           ("\uff3f\u30a4\u30f3\u30dd\u30fc\u30c8\u30c6\u30b9\u30c8", "Japanese")]:
            with self.subTest(lang):
                mod = load(name)
                self.assertEqual(mod.__name__, name)
                self.assertEqual(mod.__doc__, "Module named in " + lang)

    def test_unloadable_names(self):
        for name in ["asdfjkl;", "fo\xf3"]:
            with self.subTest(name):
                with self.assertRaises(ImportError) as cm:
                    load(name)
                self.assertEqual(cm.exception.name, name)
                self.assertEqual(cm.exception.path, MULTIPHASE_PATH)
                self.assertIn("does not define module export function", str(cm.exception))

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
        s.increment_count_noclinic()
        s.increment_count_noclinic(3, twice=True)
        self.assertEqual(s.get_count(), 13)
        with self.assertRaises(TypeError):
            s.increment_count_noclinic(twice=True, other=1)
        with self.assertRaises(TypeError):
            s.getmodulebydef_bad_def()
        other = load("_testmultiphase_meth_state_access")
        self.assertEqual(other.StateAccessType().get_count(), 0)  # a state of its own
        self.assertIsNot(other.StateAccessType, m.StateAccessType)

    def test_module_collected_with_its_types(self):
        # module -> StateAccessType -> module (its defining module) is a
        # cycle; an instance made and dropped (its default dealloc lets go
        # of the type) leaves it collectable.
        m = load("_testmultiphase_meth_state_access")
        m.StateAccessType()
        r = weakref.ref(m)
        rt = weakref.ref(m.StateAccessType)
        del m
        len(*("",))  # see test_capi_heaptype.test_module_state_freed
        for _ in range(10):
            if r() is None:
                break
            gc.collect()
        self.assertIsNone(r())
        self.assertIsNone(rt())

    def test_subclass_finds_defining_module(self):
        m = load("_testmultiphase_meth_state_access")

        class Sub(m.StateAccessType):
            pass

        s = Sub()
        self.assertIs(s.get_defining_module(), m)
        s.increment_count_clinic(2, twice=True)
        self.assertEqual(m.StateAccessType().get_count(), 4)

    def test_non_module_objects(self):
        ns = load("_testmultiphase_nonmodule")
        self.assertEqual(type(ns).__name__, "SimpleNamespace")
        self.assertEqual(ns.three, 3)
        self.assertEqual(ns.__doc__, "Test module _testmultiphase_nonmodule")
        self.assertEqual(ns.__file__, MULTIPHASE_PATH)  # importlib sets it on any object
        ns = load("_testmultiphase_nonmodule_with_methods")
        self.assertEqual(ns.bar(5, 2), 3)  # i - j
        self.assertEqual(ns.bar.__module__, "_testmultiphase_nonmodule_with_methods")
        self.assertIs(ns.bar.__self__, ns)

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
            "_testmultiphase_bad_slot_large": "unknown slot ID 3",
            "_testmultiphase_bad_slot_negative": "unknown slot ID -1",
            "_testmultiphase_export_uninitialized": "returned uninitialized object",
            # Its create slot refuses a def that is not its own, first.
            "_testmultiphase_nonmodule_with_exec_slots": "def does not match",
        }
        for name, text in broken.items():
            with self.subTest(name=name):
                with self.assertRaises(SystemError) as cm:
                    load(name)
                self.assertIn(text, str(cm.exception))

    def test_unreported_exception_replaced(self):
        # The exception a slot left set beside a result is dropped, not chained.
        for name, stage in [("_testmultiphase_create_unreported_exception", "creation of module"),
                            ("_testmultiphase_exec_unreported_exception", "execution of module"),
                            ("_testmultiphase_export_unreported_exception", "initialization of")]:
            with self.subTest(name=name):
                with self.assertRaises(SystemError) as cm:
                    load(name)
                self.assertEqual(str(cm.exception), f"{stage} {name} raised unreported exception")
                self.assertIsNone(cm.exception.__cause__)

    def test_failed_load_leaves_no_module(self):
        with self.assertRaises(SystemError):
            load("_testmultiphase_exec_raise")
        self.assertNotIn("_testmultiphase_exec_raise", sys.modules)

    def test_missing_init_function(self):
        with self.assertRaises(ImportError):
            load("_testmultiphase_no_such_init")


if __name__ == "__main__":
    unittest.main(verbosity=2)
