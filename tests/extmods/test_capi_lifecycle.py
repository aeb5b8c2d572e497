"""Driver for capi_lifecycle.c: fork hooks, PyThreadState_SetAsyncExc,
PyType_ClearCache, the trashcan and _PyObject_LookupSpecialId."""

import gc
import os
import sys
import threading
import time
import unittest

import capi_lifecycle as m


class ForkHooks(unittest.TestCase):
    def test_hooks_of_register_at_fork_run_around_a_c_fork(self):
        events = []
        r, w = os.pipe()
        try:
            os.register_at_fork(before=lambda: events.append("before"),
                                after_in_parent=lambda: events.append("parent"),
                                after_in_child=lambda: os.write(w, b"child"))
            pid = m.fork_with_hooks()
            _, status = os.waitpid(pid, 0)
            self.assertEqual(os.waitstatus_to_exitcode(status), 0)
            self.assertEqual(os.read(r, 100), b"child")
            self.assertEqual(events[-2:], ["before", "parent"])
        finally:
            os.close(r)
            os.close(w)


class AsyncExc(unittest.TestCase):
    def test_a_thread_is_interrupted_by_the_exception(self):
        class Stop(Exception):
            pass

        started = threading.Event()
        caught = []

        def worker():
            started.set()
            try:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    pass
                caught.append("timed out")
            except Stop as e:
                caught.append(type(e).__name__)

        t = threading.Thread(target=worker)
        t.start()
        started.wait()
        self.assertEqual(m.set_async_exc(t.ident, Stop), 1)
        t.join()
        self.assertEqual(caught, ["Stop"])

    def test_an_unknown_thread_is_not_found(self):
        self.assertEqual(m.set_async_exc(0, ValueError), 0)

    def test_none_withdraws_the_request(self):
        self.assertEqual(m.set_async_exc(threading.get_ident(), None), 1)
        for _ in range(1000):  # nothing is raised here
            pass


class TypeCache(unittest.TestCase):
    def test_lookups_stay_right_after_clearing(self):
        class A:
            x = 1

        class B(A):
            pass

        self.assertEqual(B().x, 1)
        self.assertIsInstance(m.clear_type_cache(), int)
        self.assertIsNone(sys._clear_type_cache())
        self.assertEqual(B().x, 1)
        A.x = 2
        self.assertEqual(B().x, 2)
        m.clear_type_cache()
        self.assertEqual(B.x, 2)


class Trashcan(unittest.TestCase):
    def test_a_long_chain_is_released_without_deep_nesting(self):
        chain = m.make_chain(100_000)
        self.assertEqual(m.chain_stats()[0], 100_000)
        del chain
        gc.collect()
        live, depth = m.chain_stats()
        self.assertEqual(live, 0)
        self.assertLessEqual(depth, 60)
        self.assertGreaterEqual(depth, 1)


class LookupSpecial(unittest.TestCase):
    def test_found_on_the_type_and_bound(self):
        class C:
            def __enter__(self):
                return ("entered", self)

        c = C()
        bound = m.lookup_special(c, "enter")
        self.assertEqual(bound(), ("entered", c))

    def test_the_instance_dict_is_not_read(self):
        class C:
            pass

        c = C()
        c.__enter__ = lambda: 1
        self.assertIsNone(m.lookup_special(c, "enter"))

    def test_a_descriptor_is_called(self):
        class C:
            @property
            def __length_hint__(self):
                return "property value"

        self.assertEqual(m.lookup_special(C(), "length_hint"), "property value")

    def test_an_error_of_the_descriptor_propagates(self):
        class C:
            @property
            def __length_hint__(self):
                raise KeyError("boom")

        with self.assertRaises(KeyError):
            m.lookup_special(C(), "length_hint")


if __name__ == "__main__":
    unittest.main(verbosity=2)
