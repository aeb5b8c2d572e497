"""Driver for capi_support.c: PyFile_*, Py_ReprEnter/Py_ReprLeave, PyGC_*,
the deprecated thread-key API, _Py_IncRef/_Py_DecRef."""

import array
import gc
import importlib
import importlib.machinery
import importlib.util
import io
import marshal
import os
import struct
import sys
import tempfile
import traceback
import unittest

import capi_support as m


class Files(unittest.TestCase):
    def test_get_line_from_text_and_binary_files(self):
        for f in (io.StringIO("one\ntwo\nlast"), io.BytesIO(b"one\ntwo\nlast")):
            conv = (lambda s: s) if isinstance(f, io.StringIO) else str.encode
            with self.subTest(kind=type(f).__name__):
                self.assertEqual(m.file_get_line(f, -1), conv("one"))
                self.assertEqual(m.file_get_line(f, 0), conv("two\n"))
                self.assertEqual(m.file_get_line(f, 2), conv("la"))
                self.assertEqual(m.file_get_line(f, -1), conv("st"))
                self.assertEqual(m.file_get_line(f, 0), conv(""))
                with self.assertRaisesRegex(EOFError, "EOF when reading a line"):
                    m.file_get_line(f, -1)

    def test_get_line_needs_a_string(self):
        class Odd:
            def readline(self, *args):
                return 42

        with self.assertRaisesRegex(TypeError, r"object.readline\(\) returned non-string"):
            m.file_get_line(Odd(), -1)
        with self.assertRaises(AttributeError):
            m.file_get_line(object(), -1)

    def test_write_object(self):
        out = io.StringIO()
        m.file_write_object("text", out, True)
        m.file_write_object("text", out, False)
        m.file_write_object([1, "x"], out, True)
        self.assertEqual(out.getvalue(), "text'text'[1, 'x']")
        with self.assertRaisesRegex(TypeError, "writeobject with NULL file"):
            m.file_write_object("x", None, True)
        with self.assertRaises(TypeError):
            m.file_write_object("x", io.BytesIO(), True)

    def test_write_strings_stops_at_the_first_error(self):
        out = io.StringIO()
        m.file_write_strings(out, ("a", "b\u00e9", "c"))
        self.assertEqual(out.getvalue(), "ab\u00e9c")

        class Failing:
            def __init__(self):
                self.calls = []

            def write(self, s):
                self.calls.append(s)
                if s == "bad":
                    raise ValueError("write failed")

        f = Failing()
        with self.assertRaisesRegex(ValueError, "write failed"):
            m.file_write_strings(f, ("ok", "bad", "never"))
        self.assertEqual(f.calls, ["ok", "bad"])
        with self.assertRaisesRegex(SystemError, "null file for PyFile_WriteString"):
            m.file_write_strings(None, ("x",))

    def test_universal_newline_fgets(self):
        data = b"one\r\ntwo\rthree\nlong line here\r"
        pieces, refused = m.fgets_pieces(data, 64)
        self.assertEqual(pieces, [b"one\n", b"two\n", b"three\n", b"long line here\n"])
        self.assertTrue(refused)
        pieces, _ = m.fgets_pieces(data, 5)
        self.assertEqual(pieces, [b"one\n", b"two\n", b"thre", b"e\n", b"long", b" lin", b"e he", b"re\n"])
        self.assertEqual(m.fgets_pieces(b"", 8), ([], 1))
        self.assertEqual(m.fgets_pieces(b"abc", 1), ([], 1))

    def test_open_code(self):
        fd, path = tempfile.mkstemp(suffix=".py")
        os.write(fd, b"x = 1\r\n")
        os.close(fd)
        self.addCleanup(os.unlink, path)
        for arg in (path, path.encode()):
            with m.open_code(arg) as f:
                self.assertEqual(f.read(), b"x = 1\r\n")
        with self.assertRaisesRegex(TypeError, "'path' must be 'str', not 'int'"):
            m.open_code(3)
        with self.assertRaises(FileNotFoundError):
            m.open_code(path + ".missing")

    def test_from_fd(self):
        fd, path = tempfile.mkstemp()
        self.addCleanup(os.unlink, path)
        os.write(fd, b"caf\xc3\xa9\r\nline two\n")
        os.lseek(fd, 0, os.SEEK_SET)
        f = m.file_from_fd(fd, "r", -1, "utf-8", None, False)
        self.assertIsInstance(f, io.TextIOWrapper)
        self.assertEqual(f.read(), "caf\u00e9\nline two\n")
        f.close()
        os.lseek(fd, 0, os.SEEK_SET)  # closefd=False left it open
        raw = m.file_from_fd(fd, "rb", 0, None, None, True)
        self.assertIsInstance(raw, io.FileIO)
        self.assertEqual(raw.read(4), b"caf\xc3")
        raw.close()
        with self.assertRaises(OSError):
            os.fstat(fd)


class ReprGuard(unittest.TestCase):
    def test_recursive_container(self):
        box = m.Box()
        box.item = [1, box]
        self.assertEqual(repr(box), "Box([1, Box(...)])")
        inner = m.Box()
        inner.item = box
        box.item = (inner,)
        self.assertEqual(repr(box), "Box((Box(Box(...)),))")
        self.assertEqual(repr(inner), "Box(Box((Box(...),)))")
        box.item = None
        self.assertEqual(repr(box), "Box(None)")

    def test_enter_and_leave(self):
        obj = object()
        self.assertEqual(m.repr_enter(obj), 0)
        self.assertEqual(m.repr_enter(obj), 1)
        m.repr_leave(obj)
        self.assertEqual(m.repr_enter(obj), 0)
        m.repr_leave(obj)
        m.repr_leave(obj)  # not entered: nothing happens
        with self.assertRaisesRegex(KeyError, "kept"):
            m.repr_leave_keeps_error(obj)

    def test_guard_is_per_object(self):
        a, b = object(), object()
        self.assertEqual(m.repr_enter(a), 0)
        self.assertEqual(m.repr_enter(b), 0)
        m.repr_leave(a)
        self.assertEqual(m.repr_enter(b), 1)
        self.assertEqual(m.repr_enter(a), 0)
        m.repr_leave(a)
        m.repr_leave(b)


class Collector(unittest.TestCase):
    def setUp(self):
        self.addCleanup(gc.enable if gc.isenabled() else gc.disable)

    def test_enable_disable(self):
        gc.enable()
        self.assertEqual(m.gc_call("isenabled"), 1)
        self.assertEqual(m.gc_call("disable"), 1)
        self.assertFalse(gc.isenabled())
        self.assertEqual(m.gc_call("disable"), 0)
        self.assertEqual(m.gc_call("isenabled"), 0)
        self.assertEqual(m.gc_call("enable"), 0)
        self.assertTrue(gc.isenabled())
        self.assertEqual(m.gc_call("enable"), 1)

    def test_collect_finds_a_cycle(self):
        gc.enable()

        class Node:
            pass

        import weakref
        a, b = Node(), Node()
        a.other, b.other = b, a
        ref = weakref.ref(a)
        del a, b
        for _ in range(5):
            if ref() is None:
                break
            self.assertGreaterEqual(m.gc_call("collect"), 0)
        self.assertIsNone(ref())

    def test_collect_does_nothing_when_disabled(self):
        gc.disable()
        self.assertEqual(m.gc_call("collect"), 0)

    def test_collect_keeps_the_pending_exception(self):
        gc.enable()
        with self.assertRaisesRegex(LookupError, "pending"):
            m.gc_collect_keeps_error()


class Buffers(unittest.TestCase):
    def test_item_pointer(self):
        ba = bytearray(range(24))
        grid = memoryview(ba).cast("B", [4, 6])
        self.assertEqual(m.buffer_item(grid, (2, 3)), bytes([15]))
        strided = memoryview(ba)[1::5]
        self.assertEqual(m.buffer_item(strided, (3,)), bytes([16]))
        ints = memoryview(array.array("i", range(10)))[::-3]
        self.assertEqual(m.buffer_item(ints, (1,)), array.array("i", [6]).tobytes())

    def test_fill_contiguous_strides(self):
        self.assertEqual(m.fill_strides((2, 3, 4), 8, "C"), (96, 32, 8))
        self.assertEqual(m.fill_strides((2, 3, 4), 8, "F"), (8, 16, 48))
        self.assertEqual(m.fill_strides((5,), 2, "A"), (2,))

    def test_size_from_format(self):
        self.assertEqual(m.size_from_format("<ihd"), struct.calcsize("<ihd"))
        self.assertEqual(m.size_from_format("3s"), 3)
        with self.assertRaises(struct.error):
            m.size_from_format("?!x")

    def test_to_contiguous(self):
        ba = bytearray(range(24))
        grid = memoryview(ba).cast("B", [4, 6])
        for order in "CFA":
            with self.subTest(order=order):
                self.assertEqual(m.to_contiguous(grid, order), grid.tobytes(order=order))
        strided = memoryview(ba)[::-5]
        self.assertEqual(m.to_contiguous(strided, "C"), strided.tobytes())
        ints = memoryview(array.array("q", range(12))).cast("B").cast("q", [3, 4])
        self.assertEqual(m.to_contiguous(ints, "F"), ints.tobytes(order="F"))
        with self.assertRaisesRegex(ValueError, r"PyBuffer_ToContiguous: len != view->len"):
            m.to_contiguous(grid, "C", 1)

    def test_from_contiguous(self):
        ba = bytearray(12)
        grid = memoryview(ba).cast("B", [3, 4])
        m.from_contiguous(grid, bytes(range(1, 13)), "F")
        self.assertEqual(grid.tolist(), [[1, 4, 7, 10], [2, 5, 8, 11], [3, 6, 9, 12]])
        m.from_contiguous(grid, bytes(range(1, 13)), "C")
        self.assertEqual(grid.tolist(), [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
        ba = bytearray(10)
        m.from_contiguous(memoryview(ba)[::2], b"abcdefgh", "C")  # only as much as fits
        self.assertEqual(ba, bytearray(b"a\0b\0c\0d\0e\0"))

    def test_copy_data(self):
        dest = bytearray(8)
        m.copy_data(dest, b"12345678")
        self.assertEqual(dest, bytearray(b"12345678"))
        dest = bytearray(b"." * 10)
        m.copy_data(memoryview(dest)[::2], b"abcde")
        self.assertEqual(dest, bytearray(b"a.b.c.d.e."))
        src = bytearray(b"0123456789")
        out = bytearray(5)
        m.copy_data(out, memoryview(src)[1::2])
        self.assertEqual(out, bytearray(b"13579"))
        with self.assertRaisesRegex(BufferError, "destination is too small"):
            m.copy_data(bytearray(2), b"abc")
        with self.assertRaisesRegex(TypeError, "both destination and source must be bytes-like objects"):
            m.copy_data(bytearray(2), "ab")


class TracebacksAndImports(unittest.TestCase):
    @staticmethod
    def traceback_of(fn):
        try:
            fn()
        except Exception as e:
            return e.__traceback__

    def printed(self, tb):
        out = io.StringIO()
        m.traceback_print(tb, out)
        return out.getvalue()

    def test_traceback_print(self):
        def inner():
            return {"k": 1}["missing"] + 1

        def outer():
            return inner()

        tb = self.traceback_of(outer)
        expected = "Traceback (most recent call last):\n" + "".join(traceback.format_tb(tb))
        self.assertEqual(self.printed(tb), expected)
        self.assertIn('{"k": 1}["missing"]', expected)

    def test_traceback_print_of_deep_recursion(self):
        def recurse(n):
            if n == 0:
                raise ValueError("bottom")
            recurse(n - 1)

        tb = self.traceback_of(lambda: recurse(30))
        text = self.printed(tb)
        self.assertEqual(text, "Traceback (most recent call last):\n" + "".join(traceback.format_tb(tb)))
        self.assertIn("more times]", text)

    def test_traceback_limit(self):
        def a():
            b()

        def b():
            raise KeyError

        tb = self.traceback_of(a)
        entries = traceback.format_tb(tb)  # before the limit (format_tb follows it too)
        self.addCleanup(lambda: delattr(sys, "tracebacklimit") if hasattr(sys, "tracebacklimit") else None)
        sys.tracebacklimit = 1
        self.assertEqual(self.printed(tb), "Traceback (most recent call last):\n" + entries[-1])
        sys.tracebacklimit = 0
        self.assertEqual(self.printed(tb), "")
        sys.tracebacklimit = 10**30
        self.assertEqual(self.printed(tb), "Traceback (most recent call last):\n" + "".join(entries))

    def test_traceback_print_rejects_other_objects(self):
        with self.assertRaises(SystemError):
            m.traceback_print("not a traceback", io.StringIO())

    def test_reload(self):
        import types
        name = "capi_support_reloaded"
        d = tempfile.mkdtemp()
        self.addCleanup(lambda: (sys.path.remove(d), os.unlink(os.path.join(d, name + ".py")), os.rmdir(d)))
        with open(os.path.join(d, name + ".py"), "w") as f:
            f.write("VALUE = 'original'\n")
        sys.path.insert(0, d)
        module = importlib.import_module(name)
        self.addCleanup(sys.modules.pop, name, None)
        module.VALUE = "changed"
        self.assertIs(m.reload_module(module), module)
        self.assertEqual(module.VALUE, "original")
        with self.assertRaises(TypeError):
            m.reload_module("not a module")
        with self.assertRaises(ImportError):
            m.reload_module(types.ModuleType("never_imported_module"))

    def test_exec_code_module(self):
        code = compile("X = 40 + 2\nNAME = __name__\n", "/src/made_module.py", "exec")
        for kind in range(4):
            name = f"capi_support_exec_{kind}"
            self.addCleanup(sys.modules.pop, name, None)
            with self.subTest(kind=kind):
                module = m.exec_code_module(kind, name, code, None, None)
                self.assertIs(sys.modules[name], module)
                self.assertEqual((module.X, module.NAME), (42, name))
                self.assertEqual(module.__file__, "/src/made_module.py")
                self.assertEqual(module.__spec__.name, name)
                self.assertIn("__builtins__", vars(module))

    def test_exec_code_module_paths(self):
        code = compile("Y = 1\n", "/src/compiled_as.py", "exec")
        name = "capi_support_exec_paths"
        self.addCleanup(sys.modules.pop, name, None)
        module = m.exec_code_module(1, name, code, "/elsewhere/given.py", None)
        self.assertEqual(module.__file__, "/elsewhere/given.py")
        # The source file derived from the cached file's path, when it exists.
        d = tempfile.mkdtemp()
        source = os.path.join(d, "derived.py")
        with open(source, "w"):
            pass
        self.addCleanup(lambda: (os.unlink(source), os.rmdir(d)))
        cached = importlib.util.cache_from_source(source)
        module = m.exec_code_module(2, name, code, None, cached)
        self.assertEqual((module.__file__, module.__cached__), (source, cached))
        cached = importlib.util.cache_from_source(os.path.join(d, "absent.py"))
        module = m.exec_code_module(2, name, code, None, cached)
        self.assertEqual((module.__file__, module.__cached__), (cached, cached))

    def test_exec_code_module_reuses_and_removes(self):
        name = "capi_support_exec_again"
        self.addCleanup(sys.modules.pop, name, None)
        first = m.exec_code_module(0, name, compile("A = 1\n", "a.py", "exec"), None, None)
        again = m.exec_code_module(0, name, compile("B = 2\n", "a.py", "exec"), None, None)
        self.assertIs(first, again)
        self.assertEqual((again.A, again.B), (1, 2))
        with self.assertRaisesRegex(ZeroDivisionError, "division by zero"):
            m.exec_code_module(0, name, compile("C = 1 / 0\n", "a.py", "exec"), None, None)
        self.assertNotIn(name, sys.modules)
        with self.assertRaisesRegex(ImportError, "not found in sys.modules"):
            m.exec_code_module(0, name, compile("import sys\ndel sys.modules[__name__]\n", "a.py", "exec"), None, None)

    def test_get_importer(self):
        d = tempfile.mkdtemp()
        self.addCleanup(os.rmdir, d)
        self.addCleanup(sys.path_importer_cache.pop, d, None)
        importer = m.get_importer(d)
        self.assertIsInstance(importer, importlib.machinery.FileFinder)
        self.assertIs(sys.path_importer_cache[d], importer)
        self.assertIs(m.get_importer(d), importer)
        missing = "/nonexistent/capi_support/zip.zip"
        self.addCleanup(sys.path_importer_cache.pop, missing, None)
        calls = []

        def refusing_hook(path):
            calls.append(path)
            raise ImportError("not mine")

        sys.path_hooks.insert(0, refusing_hook)
        self.addCleanup(sys.path_hooks.remove, refusing_hook)
        other = tempfile.mkdtemp()
        self.addCleanup(os.rmdir, other)
        self.addCleanup(sys.path_importer_cache.pop, other, None)
        self.assertIsInstance(m.get_importer(other), importlib.machinery.FileFinder)
        self.assertEqual(calls, [other])

        def failing_hook(path):
            raise KeyError("hook failed")

        sys.path_hooks.insert(0, failing_hook)
        self.addCleanup(sys.path_hooks.remove, failing_hook)
        with self.assertRaises(KeyError):
            m.get_importer(missing)
        self.assertIsNone(sys.path_importer_cache[missing])  # the placeholder stays
        self.assertIsNone(m.get_importer(missing))

    def test_magic(self):
        number, tag = m.magic()
        self.assertEqual(number, int.from_bytes(importlib.util.MAGIC_NUMBER, "little"))
        self.assertEqual(tag, sys.implementation.cache_tag)


class Marshal(unittest.TestCase):
    VALUES = [0, -1, 2**62, -(2**70), 1.5, 2j, "text \u20ac", b"bytes", (1, "a"), [None, True], {"k": frozenset({1})}]

    def test_to_and_from_bytes(self):
        for value in self.VALUES:
            for version in (0, 2, 4):
                with self.subTest(value=value, version=version):
                    data, back = m.marshal_string(value, version)
                    self.assertEqual(data, marshal.dumps(value, version))
                    self.assertEqual(back, value)
        with self.assertRaises(ValueError):
            m.marshal_string(object(), 4)
        with self.assertRaises(EOFError):
            m.unmarshal_string(marshal.dumps("long string")[:-3])

    def test_to_and_from_a_file(self):
        n, first, low, high, second, contents = m.marshal_file(-123456, ("first", 1), 0x12345678, ["second"])
        self.assertEqual((n, first, low, high, second), (-123456, ("first", 1), 0x5678, 0x1234, ["second"]))
        # The objects' bytes may differ from dumps() in reference flags
        # (CPython sets them by reference counts): compare what they read as.
        self.assertEqual(contents[:4], struct.pack("<i", -123456))
        stream = io.BytesIO(contents[4:])
        self.assertEqual(marshal.load(stream), ("first", 1))
        self.assertEqual(stream.read(4), struct.pack("<i", 0x12345678))
        self.assertEqual(marshal.load(stream), ["second"])
        self.assertEqual(stream.read(), b"")
        with self.assertRaises(ValueError):
            m.marshal_file(1, object(), 0, None)

    def test_numbers_from_a_file(self):
        self.assertEqual(m.marshal_read_number(b"\xff\xff\xff\x7f", False), 2**31 - 1)
        self.assertEqual(m.marshal_read_number(b"\x00\x00\x00\x80", False), -(2**31))
        self.assertEqual(m.marshal_read_number(b"\xfe\xff", True), -2)
        self.assertEqual(m.marshal_read_number(b"\x01\x80", True), -32767)
        for data, is_short in ((b"\x01\x02\x03", False), (b"\x01", True), (b"", False)):
            with self.subTest(data=data), self.assertRaisesRegex(EOFError, "EOF read where not expected"):
                m.marshal_read_number(data, is_short)


class Misc(unittest.TestCase):
    def test_thread_keys(self):
        self.assertEqual(m.thread_keys(), (1, 2, 1))

    def test_thread_info(self):
        self.assertEqual(m.thread_info(), sys.thread_info)

    def test_incref_decref(self):
        t = m.incref_decref()
        gc.collect()
        self.assertEqual(t, ("kept", "alive"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
