"""Driver for capi_recursion.c: Py_EnterRecursiveCall guards the C stack, and
recursion alternating between C and Python ends in RecursionError, never in
a crash."""

import sys
import threading
import unittest

import capi_recursion as m

TERN = sys.implementation.name == "tern"


class InC(unittest.TestCase):
    def test_bounded_depth(self):
        self.assertEqual(m.depth(100), 100)

    def test_depth_beyond_the_limit(self):
        with self.assertRaises(RecursionError) as cm:
            m.depth(sys.getrecursionlimit() + 100)
        self.assertIn("maximum recursion depth exceeded", str(cm.exception))
        self.assertIn("capi_recursion.depth", str(cm.exception))
        # The guard left the depth as it found it.
        self.assertEqual(m.depth(100), 100)


class ThroughPython(unittest.TestCase):
    def check_ends_in_recursion_error(self, through):
        levels = [0]

        def again(n):
            levels[0] = n
            return through(again, n + 1)
        with self.assertRaises(RecursionError):
            through(again, 0)
        self.assertGreater(levels[0], 50)
        # Usable again, and as deep as before.
        self.assertEqual(through(lambda n: n * 2, 21), 42)

        def down(n):
            return n if n == 0 else through(down, n - 1)
        self.assertEqual(down(100), 0)

    def test_guarded(self):
        self.check_ends_in_recursion_error(m.guarded)

    def test_unguarded(self):
        self.check_ends_in_recursion_error(m.unguarded)

    def test_mixed(self):
        def a(n):
            return m.guarded(b, n + 1)

        def b(n):
            return m.unguarded(a, n + 1)
        with self.assertRaises(RecursionError):
            a(0)


@unittest.skipUnless(TERN, "CPython 3.11 does not guard the C stack itself: a high limit crashes it")
class CStackGuard(unittest.TestCase):
    """With a recursion limit far beyond what the C stack holds, the stack
    guard (not the limit) must end the recursion."""

    def setUp(self):
        self.old_limit = sys.getrecursionlimit()
        sys.setrecursionlimit(10**7)

    def tearDown(self):
        sys.setrecursionlimit(self.old_limit)

    def test_c_only_recursion(self):
        with self.assertRaises(RecursionError):
            m.depth(10**7)

    def test_c_python_c_recursion(self):
        def again(n):
            return m.stack_heavy(again, n + 1)
        with self.assertRaises(RecursionError):
            again(0)

    def test_unguarded_c_python_c_recursion(self):
        def again(n):
            return m.unguarded(again, n + 1)
        with self.assertRaises(RecursionError):
            again(0)

    def test_on_a_thread_with_a_small_stack(self):
        results = []

        def run():
            def again(n):
                return m.stack_heavy(again, n + 1)
            try:
                again(0)
            except RecursionError:
                results.append("RecursionError")
        old = threading.stack_size(1 << 20)
        try:
            t = threading.Thread(target=run)
            t.start()
            t.join()
        finally:
            threading.stack_size(old)
        self.assertEqual(results, ["RecursionError"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
