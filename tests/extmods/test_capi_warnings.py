"""Driver for capi_warnings.c: PyErr_WarnExplicit*, PyErr_ResourceWarning,
PyErr_SyntaxLocation*, PyErr_ProgramText*, PyODict_*."""

import collections
import os
import sys
import tempfile
import unittest
import warnings

import capi_warnings as m

TERN = sys.implementation.name == "tern"


class ExplicitWarnings(unittest.TestCase):
    def record(self, fn, *args):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = fn(*args)
        return result, caught

    def test_object_form(self):
        result, caught = self.record(m.warn_explicit_object, UserWarning, "message", "somefile.py", 12, "mod", None)
        self.assertEqual(result, 0)
        self.assertEqual(len(caught), 1)
        w = caught[0]
        self.assertIs(w.category, UserWarning)
        self.assertEqual(str(w.message), "message")
        self.assertEqual((w.filename, w.lineno), ("somefile.py", 12))

    def test_default_category_is_runtime_warning(self):
        _, caught = self.record(m.warn_explicit_object, None, "m", "f.py", 1, None, None)
        self.assertIs(caught[0].category, RuntimeWarning)

    def test_warning_instance_as_message(self):
        _, caught = self.record(m.warn_explicit_object, None, DeprecationWarning("old"), "f.py", 3, None, None)
        self.assertIs(caught[0].category, DeprecationWarning)
        self.assertEqual(str(caught[0].message), "old")

    def test_registry_shows_a_warning_once(self):
        registry = {}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")
            for _ in range(3):
                m.warn_explicit_object(UserWarning, "once", "reg.py", 5, "reg", registry)
        self.assertEqual(len(caught), 1)
        self.assertTrue(registry)
        with self.assertRaisesRegex(TypeError, "'registry' must be a dict or None"):
            m.warn_explicit_object(UserWarning, "m", "f.py", 1, None, [])

    def test_module_filters(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.filterwarnings("error", module="target")
            with self.assertRaises(UserWarning):
                m.warn_explicit_object(UserWarning, "named", "f.py", 1, "target", None)
            self.assertEqual(m.warn_explicit_object(UserWarning, "named", "target.py", 1, "other", None), 0)

    def test_module_derived_from_the_file_name(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.filterwarnings("error", module="derived")
            with self.assertRaises(UserWarning):
                m.warn_explicit_object(UserWarning, "m", "derived.py", 1, None, None)
            self.assertEqual(m.warn_explicit_object(UserWarning, "m", "other.py", 1, None, None), 0)

    def test_error_filter_raises(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.assertRaisesRegex(UserWarning, "as error"):
                m.warn_explicit(UserWarning, "as error", "f.py", 9, None, None)

    def test_string_form(self):
        _, caught = self.record(m.warn_explicit, SyntaxWarning, "text \u00e9", "f\u00e9.py", 7, "mod", None)
        w = caught[0]
        self.assertIs(w.category, SyntaxWarning)
        self.assertEqual(str(w.message), "text \u00e9")
        self.assertEqual((w.filename, w.lineno), ("f\u00e9.py", 7))

    def test_format_form(self):
        _, caught = self.record(m.warn_explicit_format, BytesWarning, "f.py", 8, None, "formatted", 3)
        self.assertIs(caught[0].category, BytesWarning)
        self.assertEqual(str(caught[0].message), "formatted #3")
        self.assertEqual(caught[0].lineno, 8)

    def test_resource_warning(self):
        source = object()
        _, caught = self.record(m.resource_warning, source, 1, "thing")
        w = caught[0]
        self.assertIs(w.category, ResourceWarning)
        self.assertEqual(str(w.message), "unclosed thing")
        # The source reaches the warning as warnings.warn's does (Tern's
        # pure-Python warnings module records it as WarningMessage.file).
        _, by_python = self.record(warnings.warn, "unclosed thing", ResourceWarning, 1, source)
        self.assertEqual((w.source, w.file), (by_python[0].source, by_python[0].file))
        self.assertIn(source, (w.source, w.file))
        self.assertEqual(w.filename, __file__)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.assertRaises(ResourceWarning):
                m.resource_warning(None, 1, "x")


class SourceFile(unittest.TestCase):
    def setUp(self):
        fd, self.path = tempfile.mkstemp(suffix=".py")
        self.long_line = "".join(chr(ord("a") + i % 26) for i in range(2500))
        with os.fdopen(fd, "wb") as f:
            f.write(b"line one\n  second line\r\nthird\rfourth \xc3\xa9\n")
            f.write(b"bad \xff utf8\n")
            f.write(b"nul\x00byte\n")
            f.write(self.long_line.encode() + b"\n")
            f.write(b"last without newline")
        self.addCleanup(os.unlink, self.path)

    def text(self, lineno):
        a, b = m.program_text(self.path, lineno)
        self.assertEqual(a, b)
        return a

    def test_program_text(self):
        self.assertEqual(self.text(1), "line one\n")
        self.assertEqual(self.text(2), "  second line\n")
        self.assertEqual(self.text(3), "third\n")
        self.assertEqual(self.text(4), "fourth \u00e9\n")
        self.assertIsNone(self.text(5))  # not UTF-8
        self.assertEqual(self.text(6), "nul")
        self.assertEqual(self.text(8), "last without newline")
        for lineno in (0, -1, 9, 100):
            self.assertIsNone(self.text(lineno))
        self.assertEqual(m.program_text("/nonexistent/file.py", 1), (None, None))

    def test_program_text_of_a_long_line_is_its_last_chunk(self):
        line = self.long_line + "\n"
        self.assertEqual(self.text(7), line[999 * ((len(line) - 1) // 999):])

    def test_ranged_location_of_a_syntax_error(self):
        with self.assertRaises(SyntaxError) as cm:
            m.raise_located(3, SyntaxError("bad"), self.path, 2, 4, 3, 9)
        e = cm.exception
        self.assertEqual((e.lineno, e.offset, e.end_lineno, e.end_offset), (2, 4, 3, 9))
        self.assertEqual(e.filename, self.path)
        self.assertEqual(e.text, "  second line\n")
        self.assertEqual(e.msg, "bad")

    def test_location_forms(self):
        for kind in (0, 1, 2):
            with self.subTest(kind=kind), self.assertRaises(SyntaxError) as cm:
                m.raise_located(kind, SyntaxError("bad"), self.path, 1, 5)
            e = cm.exception
            self.assertEqual(e.lineno, 1)
            self.assertEqual(e.offset, None if kind == 0 else 5)
            self.assertEqual(e.end_lineno, 1)  # the line itself
            self.assertIsNone(e.end_offset)
            self.assertEqual(e.text, "line one\n")

    def test_location_without_a_file(self):
        with self.assertRaises(SyntaxError) as cm:
            m.raise_located(2, SyntaxError("no file"), None, 4, 2)
        e = cm.exception
        self.assertIsNone(e.filename)
        self.assertIsNone(e.text)
        self.assertEqual((e.lineno, e.offset), (4, 2))

    def test_location_of_a_line_the_file_lacks(self):
        with self.assertRaises(SyntaxError) as cm:
            m.raise_located(2, SyntaxError("far"), self.path, 50, 1)
        self.assertIsNone(cm.exception.text)
        self.assertEqual(cm.exception.filename, self.path)

    def test_location_of_another_exception(self):
        with self.assertRaises(ValueError) as cm:
            m.raise_located(1, ValueError("boom"), self.path, 3, 2)
        e = cm.exception
        self.assertEqual((e.lineno, e.offset, e.filename, e.text), (3, 2, self.path, "third\n"))
        self.assertEqual(e.msg, "boom")
        self.assertIsNone(e.print_file_and_line)

    def test_location_of_a_syntax_error_subclass_keeps_its_msg(self):
        with self.assertRaises(IndentationError) as cm:
            m.raise_located(1, IndentationError("indent"), self.path, 1, 1)
        self.assertEqual(cm.exception.msg, "indent")
        self.assertEqual(cm.exception.lineno, 1)


class OrderedDicts(unittest.TestCase):
    def test_build(self):
        od = m.odict_build([("b", 1), ("a", 2), ("c", 3), ("b", 4)], ["a"])
        self.assertIs(type(od), collections.OrderedDict)
        self.assertEqual(list(od.items()), [("b", 4), ("c", 3)])
        od.move_to_end("b")
        self.assertEqual(list(od), ["c", "b"])

    def test_read_through_the_dict_functions(self):
        od = m.odict_build([(1, "one"), (2, "two")], [])
        self.assertEqual(m.odict_read(od, 2), (2, 1, "two"))
        self.assertEqual(m.odict_read(od, 3), (2, 0, None))

    def test_set_and_del_on_a_python_odict(self):
        od = collections.OrderedDict(x=1, y=2)
        m.odict_set(od, "z", 3)
        m.odict_set(od, "x", 10)
        m.odict_del(od, "y")
        self.assertEqual(list(od.items()), [("x", 10), ("z", 3)])
        with self.assertRaises(KeyError):
            m.odict_del(od, "missing")

    def test_subclass_overrides_are_bypassed(self):
        class Strict(collections.OrderedDict):
            def __setitem__(self, key, value):
                raise AssertionError("override called")

            def __delitem__(self, key):
                raise AssertionError("override called")

        od = Strict()
        m.odict_set(od, "k", "v")
        m.odict_set(od, "j", "w")
        m.odict_del(od, "k")
        self.assertEqual(list(collections.OrderedDict.items(od)), [("j", "w")])

    def test_unhashable_key(self):
        with self.assertRaises(TypeError):
            m.odict_set(collections.OrderedDict(), [], 1)

    @unittest.skipUnless(TERN, "CPython only asserts the type")
    def test_not_an_odict(self):
        with self.assertRaises(SystemError):
            m.odict_set({}, 1, 2)
        with self.assertRaises(SystemError):
            m.odict_del({1: 2}, 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
