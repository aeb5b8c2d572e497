"""Driver for capi_module.c: module basics.

Checks single-phase initialisation, each METH_* calling convention (what the
C function receives, and the TypeError a wrong call gets), module constants,
docstrings and text signatures.  Run with the built extension on sys.path;
exits non-zero when a check fails.
"""

import sys
import types
import unittest

import capi_module as m


class ModuleObject(unittest.TestCase):
    def test_is_a_module_in_sys_modules(self):
        self.assertIsInstance(m, types.ModuleType)
        self.assertEqual(m.__name__, "capi_module")
        self.assertIs(sys.modules["capi_module"], m)

    def test_module_docstring(self):
        self.assertEqual(m.__doc__, "Module basics: calling conventions, constants, docstrings.")

    def test_c_view_of_module(self):
        name, same_dict, same_def, found, name_obj = m.module_info()
        self.assertEqual(name, "capi_module")
        self.assertTrue(same_dict, "PyModule_GetDict is not __dict__")
        self.assertTrue(same_def, "PyModule_GetDef is not the PyModuleDef")
        self.assertTrue(found, "PyState_FindModule did not find the module")
        self.assertEqual(name_obj, "capi_module")

    def test_module_made_from_c(self):
        mod = m.new_module("made_in_c")
        self.assertIsInstance(mod, types.ModuleType)
        self.assertEqual(mod.__name__, "made_in_c")
        self.assertEqual(mod.answer, 42)
        self.assertNotIn("made_in_c", sys.modules)

    def test_file_attribute(self):
        self.assertTrue(m.__file__.endswith(".so"), m.__file__)


class Constants(unittest.TestCase):
    def test_int_constants(self):
        self.assertEqual(m.INT_CONST, 42)
        self.assertIs(type(m.INT_CONST), int)
        self.assertEqual(m.NEG_CONST, -7)
        self.assertEqual(m.CAPI_MODULE_MACRO, 1234)

    def test_string_constant_is_utf8_decoded(self):
        self.assertEqual(m.STR_CONST, "h\u00e9llo")
        self.assertIs(type(m.STR_CONST), str)

    def test_add_object(self):
        self.assertEqual(m.TUPLE_CONST, (1, "two", 3.0))
        self.assertEqual(m.LIST_CONST, [])
        m.LIST_CONST.append(1)  # a real, mutable list
        self.assertEqual(m.LIST_CONST, [1])


class CallingConventions(unittest.TestCase):
    def test_noargs(self):
        self.assertIs(m.noargs(), m)
        with self.assertRaises(TypeError) as cm:
            m.noargs(1)
        self.assertIn("noargs()", str(cm.exception))
        with self.assertRaises(TypeError):
            m.noargs(x=1)

    def test_meth_o(self):
        obj = object()
        self.assertIs(m.meth_o(obj)[0], obj)
        self.assertEqual(m.meth_o(None), (None,))
        with self.assertRaises(TypeError) as cm:
            m.meth_o()
        self.assertIn("meth_o()", str(cm.exception))
        with self.assertRaises(TypeError):
            m.meth_o(1, 2)
        with self.assertRaises(TypeError):
            m.meth_o(arg=1)

    def test_varargs(self):
        self.assertEqual(m.varargs(), ())
        a, b = object(), [1]
        got = m.varargs(a, b, 3)
        self.assertIs(type(got), tuple)
        self.assertIs(got[0], a)
        self.assertIs(got[1], b)
        self.assertEqual(got[2], 3)
        self.assertEqual(m.varargs(*range(5)), (0, 1, 2, 3, 4))
        with self.assertRaises(TypeError):
            m.varargs(1, k=2)

    def test_varargs_keywords(self):
        args, kwargs = m.varargs_kw()
        self.assertEqual(args, ())
        self.assertIn(kwargs, (None, {}))
        args, kwargs = m.varargs_kw(1, 2, a=3, b="x")
        self.assertEqual(args, (1, 2))
        self.assertEqual(kwargs, {"a": 3, "b": "x"})
        args, kwargs = m.varargs_kw(**{"z": 1})
        self.assertEqual((args, kwargs), ((), {"z": 1}))

    def test_fastcall(self):
        self.assertEqual(m.fastcall(), ())
        objs = [object() for _ in range(10)]
        got = m.fastcall(*objs)
        self.assertEqual(len(got), 10)
        for x, y in zip(got, objs):
            self.assertIs(x, y)
        with self.assertRaises(TypeError):
            m.fastcall(1, k=2)

    def test_fastcall_keywords(self):
        self.assertEqual(m.fastcall_kw(), ((), {}))
        self.assertEqual(m.fastcall_kw(1, 2), ((1, 2), {}))
        pos, kw = m.fastcall_kw(1, x=2, y=[3])
        self.assertEqual(pos, (1,))
        self.assertEqual(kw, {"x": 2, "y": [3]})
        pos, kw = m.fastcall_kw(*[1, 2, 3], **{"a": "b"})
        self.assertEqual((pos, kw), ((1, 2, 3), {"a": "b"}))

    def test_called_through_getattr_and_as_bound_callable(self):
        f = getattr(m, "fastcall")
        self.assertEqual(f(1), (1,))
        self.assertEqual(list(map(m.meth_o, [1, 2])), [(1,), (2,)])


class FunctionObjects(unittest.TestCase):
    def test_builtin_function_attributes(self):
        f = m.meth_o
        self.assertIsInstance(f, types.BuiltinFunctionType)
        self.assertEqual(f.__name__, "meth_o")
        self.assertEqual(f.__qualname__, "meth_o")
        self.assertEqual(f.__module__, "capi_module")
        self.assertIs(f.__self__, m)
        self.assertEqual(f.__doc__, "Return (arg,).")
        self.assertIn("meth_o", repr(f))

    def test_null_docstring(self):
        self.assertIsNone(m.module_info.__doc__)

    def test_text_signature(self):
        f = m.with_signature
        self.assertEqual(f.__doc__, "Return (a, b).")
        self.assertEqual(f.__text_signature__, "($module, /, a, b=None)")
        self.assertEqual(f(1), (1, None))
        self.assertEqual(f(1, b=2), (1, 2))
        self.assertEqual(f(a=3), (3, None))

    def test_functions_compare_and_hash(self):
        self.assertEqual(m.noargs, m.noargs)
        self.assertEqual(hash(m.noargs), hash(m.noargs))
        self.assertNotEqual(m.noargs, m.meth_o)


if __name__ == "__main__":
    unittest.main(verbosity=2)
