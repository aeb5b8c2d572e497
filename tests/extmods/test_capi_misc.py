"""Driver for capi_misc.c: odds and ends of the C API."""
import contextvars
import os
import sys
import tempfile
import unittest

import capi_misc as m


class Misc(unittest.TestCase):
    def test_context_vars(self):
        v = m.cv_new("v")
        self.assertIsInstance(v, contextvars.ContextVar)
        self.assertEqual(v.name, "v")
        self.assertEqual(m.cv_get(v), (False, "no value"))
        self.assertEqual(m.cv_get(v, 7), (True, 7))
        token = m.cv_set(v, "x")
        self.assertIsInstance(token, contextvars.Token)
        self.assertEqual(v.get(), "x")
        self.assertEqual(m.cv_get(v), (True, "x"))
        v.reset(token)
        w = m.cv_new("w", 42)
        self.assertEqual(w.get(), 42)
        self.assertEqual(m.cv_get(w), (True, 42))

    def test_hashes(self):
        for d in (0.0, 1.5, -2.25, 1e300, float("inf"), float("-inf")):
            self.assertEqual(m.hash_double(d), hash(d))
        self.assertTrue(m.hash_pointer_ok())

    def test_print(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "out")
            m.print_to("a'b", path, False)
            with open(path) as f:
                self.assertEqual(f.read(), repr("a'b"))
            m.print_to("a'b", path, True)
            with open(path) as f:
                self.assertEqual(f.read(), "a'b")

    def test_file_descriptor(self):
        self.assertEqual(m.as_fd(3), 3)
        with open(__file__) as f:
            self.assertEqual(m.as_fd(f), f.fileno())
        with self.assertRaises(TypeError):
            m.as_fd("x")
        with self.assertRaises(ValueError):
            m.as_fd(-1)

    def test_format_from_cause(self):
        with self.assertRaises(RuntimeError) as cm:
            m.from_cause("thing")
        self.assertEqual(str(cm.exception), "outer thing")
        self.assertIsInstance(cm.exception.__cause__, KeyError)
        self.assertTrue(cm.exception.__suppress_context__)

    def test_flags(self):
        self.assertEqual(m.flags(), (sys.flags.optimize, sys.flags.verbose))

    def test_list_extend(self):
        items = [1]
        self.assertEqual(m.extend(items, (2, 3)), 3)
        self.assertEqual(items, [1, 2, 3])
        with self.assertRaises(TypeError):
            m.extend(items, 5)

    def test_cfunction_get_function(self):
        self.assertTrue(m.get_function_is_self(m.get_function_is_self))

    def test_struct_sequence(self):
        p = m.make_point(3, -4)
        self.assertIsInstance(p, tuple)
        self.assertIs(type(p), m.Point)
        self.assertEqual((p.x, p.y), (3, -4))
        self.assertEqual(p, (3, -4))
        self.assertEqual(len(p), 2)
        self.assertEqual(repr(p), "capi_misc.Point(x=3, y=-4)")
        self.assertEqual(m.Point((1, 2)).y, 2)
        self.assertEqual(m.Point.__doc__, "A point.")
        with self.assertRaises(AttributeError):
            p.x = 5


if __name__ == "__main__":
    unittest.main(verbosity=2)
