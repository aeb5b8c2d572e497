"""Driver for capi_capsule.c: PyCapsule creation, names, contexts,
destructors and PyCapsule_Import."""

import gc
import unittest

import capi_capsule as m


def collect_until(pred, tries=10):
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


class ExportedApi(unittest.TestCase):
    def test_module_capsule(self):
        cap = m._C_API
        self.assertEqual(type(cap).__name__, "PyCapsule")
        self.assertTrue(repr(cap).startswith('<capsule object "capi_capsule._C_API"'), repr(cap))
        self.assertEqual(m.info(cap), (True, "capi_capsule._C_API", True, None))

    def test_import_and_call_through(self):
        self.assertEqual(m.use_imported_api(2, 40), (3, (42, None)))
        self.assertTrue(m.import_capsule("capi_capsule._C_API"))

    def test_import_errors(self):
        with self.assertRaises(ImportError):
            m.import_capsule("no_such_module_xyz._C_API")
        with self.assertRaises(AttributeError):
            m.import_capsule("capi_capsule.missing")
        m.made = m.make(1, 1, False)  # named "other.name", not the path
        try:
            with self.assertRaises(AttributeError):
                m.import_capsule("capi_capsule.made")
        finally:
            del m.made


class RuntimeCapsules(unittest.TestCase):
    def test_read_with_name(self):
        cap = m.make(7, 0, True)
        self.assertEqual(m.read(cap, 0), (7, "value=7"))
        with self.assertRaises(ValueError):
            m.read(cap, 1)  # wrong name
        with self.assertRaises(ValueError):
            m.read(cap, None)  # NULL name does not match a named capsule
        self.assertEqual(m.info(cap), (True, "capi_capsule.payload", True, None))

    def test_unnamed(self):
        cap = m.make(5, None, True)
        self.assertEqual(m.read(cap, None), (5, "value=5"))
        with self.assertRaises(ValueError):
            m.read(cap, 0)
        self.assertEqual(m.info(cap), (True, None, True, None))
        self.assertIn("NULL", repr(cap))

    def test_not_a_capsule(self):
        with self.assertRaises(ValueError):
            m.read(object(), None)
        self.assertEqual(m.info([]), (False, None, False, None))

    def test_context_and_set_pointer(self):
        cap = m.make(1, 0, True)
        m.set_context(cap)
        self.assertEqual(m.info(cap)[3], "some context")
        m.set_value(cap, 99)
        self.assertEqual(m.read(cap, 0), (99, "value=99"))

    def test_null_pointer_refused(self):
        with self.assertRaises(ValueError):
            m.make_null()

    def test_destructor_runs_when_unreachable(self):
        gc.collect()
        calls, _ = m.destroyed()
        cap = m.make(1234, 0, True)
        holder = {"cap": cap}
        del cap
        gc.collect()
        self.assertEqual(m.destroyed()[0], calls)  # still reachable
        del holder
        self.assertTrue(collect_until(lambda: m.destroyed()[0] == calls + 1))
        self.assertEqual(m.destroyed()[1], 1234)

    def test_many_destructors(self):
        gc.collect()
        calls, _ = m.destroyed()
        caps = [m.make(i, 0, True) for i in range(100)]
        caps += [m.make(i, None, False) for i in range(10)]  # no destructor
        del caps
        self.assertTrue(collect_until(lambda: m.destroyed()[0] == calls + 100))


if __name__ == "__main__":
    unittest.main(verbosity=2)
