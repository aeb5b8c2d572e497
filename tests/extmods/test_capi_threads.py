"""Driver for capi_threads.c: pthreads created in C calling back into Python
under PyGILState_Ensure, and C code releasing the GIL around blocking calls.

Timing checks use wide margins: the machine may be loaded."""

import gc
import threading
import time
import unittest

import capi_threads as m


class Ticker:
    """A Python thread that records the time of each of its iterations."""

    def __init__(self):
        self.times = []
        self.stop = False
        self.thread = threading.Thread(target=self.run)

    def run(self):
        while not self.stop:
            self.times.append(time.monotonic())
            time.sleep(0.002)

    def __enter__(self):
        self.thread.start()
        while not self.times:  # wait until it really runs
            time.sleep(0.001)
        return self

    def __exit__(self, *exc):
        self.stop = True
        self.thread.join()

    def ticks_between(self, t0, t1):
        return [t for t in self.times if t0 < t < t1]


class CThreadsCallingPython(unittest.TestCase):
    def test_single_thread(self):
        seen = []

        def cb(idx, i):
            seen.append((threading.get_ident(), idx, i))
            return idx * 1000 + i
        (results, ident, had_gil), = m.run_in_threads(cb, 1, 5)
        self.assertEqual(results, [0, 1, 2, 3, 4])
        self.assertFalse(had_gil)
        self.assertNotEqual(ident, threading.get_ident())
        self.assertEqual({s[0] for s in seen}, {ident})
        self.assertEqual([s[2] for s in seen], [0, 1, 2, 3, 4])

    def test_many_threads(self):
        lock = threading.Lock()
        per_thread = {}

        def cb(idx, i):
            with lock:
                per_thread.setdefault(idx, []).append(i)
            return (idx, i, threading.get_ident())
        out = m.run_in_threads(cb, 6, 40)
        self.assertEqual(len(out), 6)
        idents = set()
        for idx, (results, ident, had_gil) in enumerate(out):
            self.assertEqual([r[:2] for r in results], [(idx, i) for i in range(40)])
            self.assertEqual({r[2] for r in results}, {ident})
            idents.add(ident)
            self.assertEqual(per_thread[idx], list(range(40)))
        self.assertEqual(len(idents), 6)
        self.assertNotIn(threading.get_ident(), idents)

    def test_exception_in_c_thread_propagates(self):
        def cb(idx, i):
            if i == 3:
                raise KeyError(f"thread {idx}")
            return i
        with self.assertRaises(KeyError) as cm:
            m.run_in_threads(cb, 1, 10)
        self.assertEqual(cm.exception.args, ("thread 0",))

    def test_python_state_visible_from_c_thread(self):
        shared = {"count": 0}

        def cb(idx, i):
            shared["count"] += 1
            return threading.current_thread().name
        out = m.run_in_threads(cb, 3, 10)
        self.assertEqual(shared["count"], 30)
        for results, _, _ in out:
            self.assertTrue(all(isinstance(n, str) for n in results))

    def test_gc_runs_inside_c_thread_callbacks(self):
        keep = [[i] * 3 for i in range(100)]

        def cb(idx, i):
            junk = [{"k": [j]} for j in range(2000)]
            del junk
            gc.collect()
            return sum(len(x) for x in keep)
        out = m.run_in_threads(cb, 3, 5)
        for results, _, _ in out:
            self.assertEqual(results, [300] * 5)
        self.assertEqual(keep[99], [99, 99, 99])

    def test_repeated_thread_creation(self):
        for n in range(30):
            out = m.run_in_threads(lambda idx, i: i + n, 2, 3)
            self.assertEqual([r for r, _, _ in out], [[n, n + 1, n + 2]] * 2)

    def test_c_threads_started_from_python_threads(self):
        results = {}

        def py_thread(k):
            results[k] = m.run_in_threads(lambda idx, i: (k, i), 2, 3)
        ts = [threading.Thread(target=py_thread, args=(k,)) for k in range(3)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        for k in range(3):
            self.assertEqual([r for r, _, _ in results[k]], [[(k, 0), (k, 1), (k, 2)]] * 2)


class ReleasingTheGil(unittest.TestCase):
    def test_gil_state_checks(self):
        with_gil, without_gil, same_ts, ident = m.gil_checks()
        self.assertTrue(with_gil)
        self.assertFalse(without_gil)
        self.assertTrue(same_ts)
        self.assertEqual(ident, threading.get_ident())

    def test_nested_ensure(self):
        self.assertEqual(m.nested_ensure(lambda: "inner"), "inner")
        with self.assertRaises(ValueError):
            m.nested_ensure(lambda: int("x"))

    def check_other_threads_run(self, sleeper):
        with Ticker() as ticker:
            t0 = time.monotonic()
            sleeper(0.6)
            t1 = time.monotonic()
        self.assertGreaterEqual(t1 - t0, 0.59)
        ticks = ticker.ticks_between(t0 + 0.1, t1 - 0.1)
        self.assertGreater(len(ticks), 5, "another Python thread could not run "
                           "while C had released the GIL")

    def test_allow_threads_lets_python_threads_run(self):
        self.check_other_threads_run(m.sleep_nogil)

    def test_save_restore_lets_python_threads_run(self):
        self.check_other_threads_run(m.sleep_save_restore)

    def test_holding_the_gil_blocks_python_threads(self):
        with Ticker() as ticker:
            t0 = time.monotonic()
            m.sleep_with_gil(0.5)
            t1 = time.monotonic()
        self.assertEqual(ticker.ticks_between(t0 + 0.05, t1 - 0.05), [],
                         "a Python thread ran while C held the GIL")

    def test_blocking_calls_overlap(self):
        ts = [threading.Thread(target=m.sleep_nogil, args=(0.5,)) for _ in range(4)]
        t0 = time.monotonic()
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        elapsed = time.monotonic() - t0
        self.assertLess(elapsed, 1.5, f"4 x 0.5 s sleeps took {elapsed:.2f} s: not parallel")


if __name__ == "__main__":
    unittest.main(verbosity=2)
