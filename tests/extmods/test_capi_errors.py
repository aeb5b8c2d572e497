"""Driver for capi_errors.c: exceptions and warnings raised and handled in C."""

import errno
import os
import sys
import traceback
import types
import unittest
import warnings

import capi_errors as m


def raiser(exc):
    def f():
        raise exc
    return f


class Raising(unittest.TestCase):
    def test_set_string(self):
        with self.assertRaises(KeyError) as cm:
            m.raise_string(KeyError, "no such key")
        self.assertEqual(cm.exception.args, ("no such key",))
        with self.assertRaises(ValueError) as cm:
            m.raise_string(ValueError, "caf\u00e9")
        self.assertEqual(str(cm.exception), "caf\u00e9")

    def test_set_object_value_becomes_args(self):
        with self.assertRaises(ValueError) as cm:
            m.raise_object(ValueError, 42)
        self.assertEqual(cm.exception.args, (42,))
        # A tuple value is the argument tuple, as for `raise Type(*value)`.
        with self.assertRaises(OSError) as cm:
            m.raise_object(OSError, (errno.ENOENT, "gone"))
        self.assertIsInstance(cm.exception, FileNotFoundError)
        self.assertEqual(cm.exception.errno, errno.ENOENT)
        # An instance is raised as it is.
        inst = TypeError("mine")
        with self.assertRaises(TypeError) as cm:
            m.raise_object(TypeError, inst)
        self.assertIs(cm.exception, inst)

    def test_set_none(self):
        with self.assertRaises(StopIteration) as cm:
            m.raise_none(StopIteration)
        self.assertEqual(cm.exception.args, ())

    def test_format(self):
        with self.assertRaises(ValueError) as cm:
            m.raise_format("s")
        self.assertEqual(str(cm.exception), "x=42, obj='s', str=s, %, size=-3")

    def test_python_subclass_raised_from_c(self):
        class Mine(Exception):
            pass
        with self.assertRaises(Mine):
            m.raise_string(Mine, "hi")

    def test_traceback_passes_through_c(self):
        def inner():
            raise LookupError("deep")
        try:
            m.call_through(inner)
        except LookupError as e:
            names = [fs.name for fs in traceback.extract_tb(e.__traceback__)]
            self.assertIn("inner", names)
            self.assertIn("test_traceback_passes_through_c", names)
        else:
            self.fail("no exception")


class TracebackEntries(unittest.TestCase):
    def test_c_frame_added_to_traceback(self):
        try:
            m.raise_with_c_frame()
        except ValueError as e:
            exc = e
        else:
            self.fail("no exception")
        entries = traceback.extract_tb(exc.__traceback__)
        self.assertEqual(entries[0].name, "test_c_frame_added_to_traceback")
        self.assertEqual((entries[-1].name, entries[-1].filename),
                         ("c_level_function", "capi_errors.c"))
        text = "".join(traceback.format_exception(ValueError, exc, exc.__traceback__))
        self.assertIn("c_level_function", text)

    def test_running_an_empty_code_object_raises(self):
        # PyCode_NewEmpty's code object only names C code; running it raises
        # AssertionError (CPython gives it bytecode that does), never runs off.
        try:
            m.raise_with_c_frame()
        except ValueError as e:
            tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        code = tb.tb_frame.f_code
        self.assertEqual(code.co_name, "c_level_function")
        with self.assertRaises(AssertionError):
            types.FunctionType(code, {})()
        with self.assertRaises(AssertionError):
            exec(code, {})


class CustomExceptions(unittest.TestCase):
    def test_new_exception(self):
        E = m.CustomError
        self.assertTrue(issubclass(E, Exception))
        self.assertEqual(E.__name__, "CustomError")
        self.assertEqual(E.__module__, "capi_errors")
        self.assertEqual(E.__qualname__, "CustomError")
        self.assertEqual(E.code, 17)  # from the dict argument
        with self.assertRaises(E) as cm:
            m.raise_custom("boom")
        self.assertEqual(str(cm.exception), "boom")
        # Raised and caught from Python too.
        with self.assertRaises(E):
            raise E("py")

    def test_new_exception_with_doc_and_bases(self):
        D = m.DetailedError
        self.assertEqual(D.__doc__, "A CustomError that is also a KeyError.")
        self.assertEqual(D.__bases__, (m.CustomError, KeyError))
        self.assertTrue(issubclass(D, LookupError))
        try:
            raise D("k")
        except m.CustomError as e:
            self.assertIsInstance(e, KeyError)

    def test_subclassable_from_python(self):
        class Sub(m.CustomError):
            def __str__(self):
                return "sub!"
        with self.assertRaises(m.CustomError) as cm:
            m.raise_object(Sub, ())
        self.assertEqual(str(cm.exception), "sub!")

    def test_exception_class_check(self):
        self.assertTrue(m.is_exception_class(ValueError))
        self.assertTrue(m.is_exception_class(m.CustomError))
        self.assertFalse(m.is_exception_class(int))
        self.assertFalse(m.is_exception_class(ValueError()))


class Inspecting(unittest.TestCase):
    def test_fetch_normalises(self):
        exc = KeyError("k")
        t, v, tb = m.fetch(raiser(exc))
        self.assertIs(t, KeyError)
        self.assertIs(v, exc)
        self.assertIsNotNone(tb)
        # A C-raised string exception is normalised into an instance.
        t, v, tb = m.fetch(lambda: m.raise_string(IndexError, "i"))
        self.assertIs(t, IndexError)
        self.assertIsInstance(v, IndexError)
        self.assertEqual(v.args, ("i",))

    def test_fetch_restore_keeps_identity(self):
        exc = RuntimeError("same")
        with self.assertRaises(RuntimeError) as cm:
            m.fetch_restore(raiser(exc))
        self.assertIs(cm.exception, exc)
        self.assertEqual(m.fetch_restore(lambda: 5), 5)

    def test_clear(self):
        self.assertTrue(m.call_and_clear(raiser(ValueError())))
        self.assertFalse(m.call_and_clear(lambda: None))
        # Nothing leaks into the next call.
        self.assertEqual(m.call_through(lambda: 3), 3)

    def test_exception_matches(self):
        self.assertTrue(m.matches(raiser(KeyError()), LookupError))
        self.assertTrue(m.matches(raiser(KeyError()), KeyError))
        self.assertFalse(m.matches(raiser(KeyError()), ValueError))
        self.assertTrue(m.matches(raiser(KeyError()), (ValueError, LookupError)))
        self.assertTrue(m.matches(lambda: m.raise_custom("x"), Exception))

    def test_given_exception_matches(self):
        self.assertTrue(m.given_matches(KeyError, LookupError))
        self.assertTrue(m.given_matches(KeyError("x"), LookupError))  # instances too
        self.assertFalse(m.given_matches(KeyError, ValueError))
        self.assertTrue(m.given_matches(KeyError, (TypeError, KeyError)))
        self.assertFalse(m.given_matches(KeyError, ()))

    def test_get_exc_info_inside_except(self):
        self.assertEqual(m.get_exc_info(), (None, None, None))
        try:
            raise ValueError("handled")
        except ValueError as e:
            t, v, tb = m.get_exc_info()
            self.assertIs(t, ValueError)
            self.assertIs(v, e)
            self.assertIs(tb, e.__traceback__)
        self.assertEqual(m.get_exc_info(), (None, None, None))

    def test_exc_info_fields_read_in_c(self):
        self.assertIsNone(m.read_exc_info_value())
        try:
            raise ValueError("handled")
        except ValueError as e:
            self.assertIs(m.read_exc_info_value(), e)
            try:
                raise KeyError("inner")
            except KeyError as inner:
                self.assertIs(m.read_exc_info_value(), inner)
            self.assertIs(m.read_exc_info_value(), e)
        self.assertIsNone(m.read_exc_info_value())

    def test_exc_info_fields_written_in_c(self):
        # Outside an except block, what C writes is the handled exception
        # from then on, until C clears it again.
        e = ValueError("written")
        m.write_exc_info_value(e)
        try:
            self.assertIs(sys.exception(), e)
            self.assertIs(m.read_exc_info_value(), e)
        finally:
            m.write_exc_info_value(None)
        self.assertIsNone(sys.exception())
        self.assertIsNone(m.read_exc_info_value())
        # Inside one, it replaces the exception until the block ends.
        try:
            raise KeyError("handled")
        except KeyError:
            m.write_exc_info_value(e)
            self.assertIs(sys.exception(), e)
        self.assertIsNone(sys.exception())

    def test_cause_set_in_c(self):
        inner = ValueError("inner")
        # try/except, not assertRaises, which strips the traceback.
        try:
            m.raise_with_cause(raiser(inner))
        except m.CustomError as e:
            outer = e
        else:
            self.fail("no exception")
        self.assertEqual(str(outer), "outer")
        self.assertIs(outer.__cause__, inner)
        self.assertTrue(outer.__suppress_context__)
        cause, context, has_tb = m.exception_links(outer)
        self.assertIs(cause, inner)
        self.assertTrue(has_tb)

    def test_context_read_in_c(self):
        try:
            try:
                raise KeyError("first")
            except KeyError:
                raise ValueError("second")
        except ValueError as e:
            cause, context, has_tb = m.exception_links(e)
        self.assertIsNone(cause)
        self.assertIsInstance(context, KeyError)
        self.assertTrue(has_tb)
        self.assertEqual(m.exception_links(ValueError()), (None, None, False))


class Errno(unittest.TestCase):
    def test_set_from_errno_picks_subclass(self):
        with self.assertRaises(FileNotFoundError) as cm:
            m.set_from_errno(errno.ENOENT)
        e = cm.exception
        self.assertEqual(e.errno, errno.ENOENT)
        self.assertEqual(e.strerror, os.strerror(errno.ENOENT))
        self.assertIsNone(e.filename)
        with self.assertRaises(PermissionError):
            m.set_from_errno(errno.EACCES)

    def test_set_from_errno_with_filename(self):
        with self.assertRaises(FileExistsError) as cm:
            m.set_from_errno(errno.EEXIST, "/tmp/some file")
        self.assertEqual(cm.exception.filename, "/tmp/some file")
        self.assertEqual(cm.exception.errno, errno.EEXIST)

    def test_import_error(self):
        with self.assertRaises(ImportError) as cm:
            m.raise_import_error("cannot import", "pkg.mod", "/x/pkg/mod.so")
        e = cm.exception
        self.assertEqual(e.msg, "cannot import")
        self.assertEqual(e.name, "pkg.mod")
        self.assertEqual(e.path, "/x/pkg/mod.so")


class Warnings(unittest.TestCase):
    def test_warn_ex_recorded(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            self.assertIsNone(m.warn(UserWarning, "careful", 1))
            m.warn(RuntimeWarning, "second", 1)
        self.assertEqual([str(w.message) for w in log], ["careful", "second"])
        self.assertIs(log[0].category, UserWarning)
        self.assertIs(log[1].category, RuntimeWarning)

    def test_warn_stacklevel_points_at_caller(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            m.warn(UserWarning, "here", 1)
        self.assertEqual(log[0].filename, __file__)

    def test_warn_as_error(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.assertRaises(UserWarning) as cm:
                m.warn(UserWarning, "now an error", 1)
        self.assertEqual(str(cm.exception), "now an error")

    def test_warn_ignored(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("ignore")
            m.warn(UserWarning, "dropped", 1)
        self.assertEqual(log, [])

    def test_warn_format(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            m.warn_format("old api")
        self.assertEqual(str(log[0].message), "value 7 is deprecated (old api)")
        self.assertIs(log[0].category, DeprecationWarning)


class Recursion(unittest.TestCase):
    def test_recursion_through_c_ends_in_recursion_error(self):
        depth = [0]

        def again():
            depth[0] += 1
            return m.recurse(again)
        with self.assertRaises(RecursionError):
            m.recurse(again)
        self.assertGreater(depth[0], 50)
        # The interpreter is usable afterwards.
        self.assertEqual(m.recurse(lambda: "fine"), "fine")

    def test_bounded_recursion_through_c(self):
        def down(n):
            return n if n == 0 else m.recurse(lambda: down(n - 1))
        self.assertEqual(down(50), 0)


class ContractViolations(unittest.TestCase):
    def test_null_without_exception_is_system_error(self):
        with self.assertRaises(SystemError) as cm:
            m.null_without_exception()
        self.assertIn("null_without_exception", str(cm.exception))

    def test_result_with_exception_is_system_error(self):
        with self.assertRaises(SystemError) as cm:
            m.result_with_exception()
        self.assertIn("result_with_exception", str(cm.exception))
        # The pending ValueError is kept as the context.
        self.assertIsInstance(cm.exception.__cause__ or cm.exception.__context__, ValueError)

    def test_helpers(self):
        with self.assertRaises(TypeError):
            m.bad_argument()
        with self.assertRaises(MemoryError):
            m.no_memory()
        with self.assertRaises(SystemError):
            m.bad_internal_call()

    def test_write_unraisable(self):
        seen = []
        old = sys.unraisablehook
        sys.unraisablehook = seen.append
        try:
            marker = object()
            self.assertIsNone(m.write_unraisable(marker))
        finally:
            sys.unraisablehook = old
        self.assertEqual(len(seen), 1)
        self.assertIs(seen[0].exc_type, RuntimeError)
        self.assertEqual(str(seen[0].exc_value), "nobody can catch this")
        self.assertIs(seen[0].object, marker)


if __name__ == "__main__":
    unittest.main(verbosity=2)
