"""Driver for capi_exports.c: the exported type objects are the types of the
objects Python makes, seen the same from C and from Python; Py_hexdigits,
PyImport_Inittab, PyImport_FrozenModules."""

import collections
import contextvars
import gc
import os
import pickle
import sys
import unittest

import capi_exports as m


def samples():
    """name -> an object whose type the symbol is, made fresh."""
    od = collections.OrderedDict(a=1, b=2)
    var = contextvars.ContextVar("v")
    return {
        "PyListIter_Type": iter([1]),
        "PyListRevIter_Type": reversed([1]),
        "PyTupleIter_Type": iter((1,)),
        "PyDictIterKey_Type": iter({1: 2}),
        "PyDictIterValue_Type": iter({1: 2}.values()),
        "PyDictIterItem_Type": iter({1: 2}.items()),
        "PyDictRevIterKey_Type": reversed({1: 2}),
        "PyDictRevIterValue_Type": reversed({1: 2}.values()),
        "PyDictRevIterItem_Type": reversed({1: 2}.items()),
        "PyRangeIter_Type": iter(range(3)),
        "PyLongRangeIter_Type": iter(range(2**70)),
        "PyUnicodeIter_Type": iter("h\u00e9llo"),
        "PySetIter_Type": iter({1}),
        "PyBytesIter_Type": iter(b"ab"),
        "PyByteArrayIter_Type": iter(bytearray(b"ab")),
        "Py_GenericAliasType": list[int],
        "PyContext_Type": contextvars.copy_context(),
        "PyContextVar_Type": var,
        "PyContextToken_Type": var.set(1),
        "PyPickleBuffer_Type": pickle.PickleBuffer(b"xy"),
        "PyODict_Type": od,
        "PyODictKeys_Type": od.keys(),
        "PyODictValues_Type": od.values(),
        "PyODictItems_Type": od.items(),
    }


class TypesOfObjects(unittest.TestCase):
    def test_each_symbol_is_the_type_of_its_objects(self):
        for name, obj in samples().items():
            with self.subTest(name=name):
                self.assertIs(m.exported(name), type(obj))
                self.assertTrue(m.is_type(obj, name))

    def test_across_collections(self):
        before = {name: m.exported(name) for name in m.names()}
        for _ in range(3):
            gc.collect()
            for name, obj in samples().items():
                self.assertTrue(m.is_type(obj, name), name)
        self.assertEqual(before, {name: m.exported(name) for name in m.names()})

    def test_not_the_type_of_other_objects(self):
        self.assertFalse(m.is_type(iter([]), "PyTupleIter_Type"))
        self.assertFalse(m.is_type(iter({}), "PyDictIterValue_Type"))
        self.assertFalse(m.is_type({}, "PyODict_Type"))
        self.assertFalse(m.is_type(list, "Py_GenericAliasType"))

    def test_sizes_names_and_bases(self):
        self.assertEqual(m.type_fields("PyListIter_Type"), ("list_iterator", 32, object))
        self.assertEqual(m.type_fields("PyDictIterItem_Type"), ("dict_itemiterator", 56, object))
        self.assertEqual(m.type_fields("PyUnicodeIter_Type"), ("str_iterator", 32, object))
        self.assertEqual(m.type_fields("PyContextVar_Type"), ("_contextvars.ContextVar", 64, object))
        self.assertEqual(m.type_fields("PyPickleBuffer_Type")[1:], (104, object))
        self.assertEqual(m.type_fields("PyODict_Type")[1:], (112, dict))
        self.assertEqual(m.type_fields("Py_GenericAliasType")[1], 64)

    def test_check_macros(self):
        s = samples()
        self.assertEqual(m.checks(s["PyContext_Type"]), ["PyContext_CheckExact"])
        self.assertEqual(m.checks(s["PyContextVar_Type"]), ["PyContextVar_CheckExact"])
        self.assertEqual(m.checks(s["PyContextToken_Type"]), ["PyContextToken_CheckExact"])
        self.assertEqual(m.checks(s["PyODict_Type"]), ["PyODict_Check", "PyODict_CheckExact"])
        self.assertEqual(m.checks(s["PyPickleBuffer_Type"]), ["PyPickleBuffer_Check"])

        class Sub(collections.OrderedDict):
            pass

        self.assertEqual(m.checks(Sub()), ["PyODict_Check"])
        self.assertEqual(m.checks({}), [])
        self.assertEqual(m.checks(len), [])

    def test_types_without_python_counterparts_here(self):
        # CPython's builtin_method (functions with METH_METHOD), odict_iterator
        # and stderrprinter: exported by name whatever makes their instances.
        name, size, base = m.type_fields("PyCMethod_Type")
        self.assertEqual((name, size, base.__name__), ("builtin_method", 64, "builtin_function_or_method"))
        self.assertEqual(m.type_fields("PyODictIter_Type")[:2], ("odict_iterator", 64))
        with self.assertRaises(TypeError):
            m.exported("PyODictIter_Type")()


class StdPrinter(unittest.TestCase):
    def test_type_and_attributes(self):
        p = m.new_std_printer(2)
        self.assertTrue(m.is_type(p, "PyStdPrinter_Type"))
        self.assertEqual(m.type_fields("PyStdPrinter_Type")[::2], ("stderrprinter", object))
        self.assertEqual((p.fileno(), p.closed, p.mode, p.encoding), (2, False, "w", None))
        self.assertIsInstance(p.isatty(), bool)
        self.assertIsNone(p.flush())
        self.assertTrue(repr(p).startswith("<stdprinter(fd=2) object at "))
        with self.assertRaises(TypeError):
            type(p)()

    def test_write(self):
        p = m.new_std_printer(2)
        r, w = os.pipe()
        saved = os.dup(2)
        try:
            os.dup2(w, 2)
            n = p.write("h\u00e9llo \udc80\n")
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(w)
        with os.fdopen(r, "rb") as f:
            self.assertEqual(f.read(), b"h\xc3\xa9llo \\udc80\n")
        self.assertEqual(n, 14)
        with self.assertRaises(TypeError):
            p.write(b"bytes")

    def test_only_stdout_and_stderr(self):
        self.assertTrue(m.is_type(m.new_std_printer(1), "PyStdPrinter_Type"))
        with self.assertRaisesRegex(SystemError, "returned NULL without setting an exception"):
            m.new_std_printer(5)


class Data(unittest.TestCase):
    def test_hexdigits(self):
        self.assertEqual(m.hexdigits(), "0123456789abcdef")

    def test_inittab_names_built_in_modules(self):
        self.assertLessEqual(set(m.inittab_names()), set(sys.builtin_module_names))

    def test_no_frozen_modules_table(self):
        self.assertIsNone(m.frozen_names())


if __name__ == "__main__":
    unittest.main(verbosity=2)
