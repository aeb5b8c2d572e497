"""Driver for capi_ceval.c: Py_AddPendingCall and Py_MakePendingCalls."""

import time
import unittest

import capi_ceval as m


def spin(until, seconds=10.0):
    """Runs Python code (whose eval-breaker checks run pending calls) until
    until() holds or the time is up."""
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        for _ in range(1000):
            pass
    return until()


class PendingCalls(unittest.TestCase):
    def setUp(self):
        spin(lambda: False, 0.01)  # nothing left from another test
        del m.ran[:]

    def test_the_main_thread_runs_them_soon(self):
        self.assertEqual(m.add_pending("a", "b", "c"), 3)
        self.assertTrue(spin(lambda: len(m.ran) == 3))
        self.assertEqual(m.ran, ["a", "b", "c"])
        spin(lambda: False, 0.05)
        self.assertEqual(m.ran, ["a", "b", "c"])  # each ran once

    def test_make_pending_calls_runs_them_at_once(self):
        self.assertEqual(m.add_and_make("x", "y"), ["x", "y"])

    def test_queued_from_a_thread_without_the_gil(self):
        m.add_in_thread("from thread")
        self.assertTrue(spin(lambda: m.ran == ["from thread"]))

    def test_a_failing_call_raises_in_the_main_thread(self):
        with self.assertRaisesRegex(ValueError, "pending call failed"):
            m.add_pending("before", "fail", "after")
            spin(lambda: False, 5.0)
        self.assertIn("before", m.ran)
        self.assertTrue(spin(lambda: "after" in m.ran))
        self.assertEqual(m.ran, ["before", "after"])

    def test_make_pending_calls_reports_the_failure(self):
        with self.assertRaisesRegex(ValueError, "pending call failed"):
            m.add_and_make("one", "fail", "two")
        self.assertEqual(m.ran[:1], ["one"])
        self.assertTrue(spin(lambda: "two" in m.ran))
        self.assertEqual(m.ran, ["one", "two"])

    def test_the_queue_is_bounded(self):
        queued = m.add_pending(*[f"t{i}" for i in range(40)])
        self.assertEqual(queued, 31)
        self.assertTrue(spin(lambda: len(m.ran) == 31))
        self.assertEqual(m.ran, [f"t{i}" for i in range(31)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
