"""Driver for capi_tracemalloc.c: tracemalloc traces the C memory of
extensions in domain 0 (PyMem_Raw*, PyMem_*, PyObject_* and the objects
tp_alloc makes), with the size C asked for and the Python line that caused
the allocation, and any domain through PyTraceMalloc_Track/Untrack.

Sizes are odd numbers no object of either runtime has, so a trace of that
size is the block's.  Snapshots are taken after gc.collect(): Tern traces
garbage until a collection frees it (docs/differences.md), and each snapshot
makes garbage."""

import gc
import sys
import tracemalloc
import unittest

import capi_tracemalloc as m

FAMILIES = ("raw", "mem", "obj")
DOMAIN = 424242  # any domain an extension picks (numpy's is 389047)


def lineno():
    return sys._getframe(1).f_lineno


def traces(size, domain=0):
    """The (size, line of the most recent frame) of each trace of `size`
    bytes in `domain` allocated from this file."""
    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.DomainFilter(True, domain)])
    return [(t.size, t.traceback[-1].lineno) for t in snapshot.traces
            if t.size == size and t.traceback[-1].filename == __file__]


def collect_until(pred, tries=10):
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


class NotTracing(unittest.TestCase):
    def test_track_untrack_say_not_tracing(self):
        self.assertFalse(tracemalloc.is_tracing())
        self.assertEqual(m.track(DOMAIN, 0x1000, 10), -2)
        self.assertEqual(m.untrack(DOMAIN, 0x1000), -2)

    def test_blocks_work_untraced(self):
        for family in FAMILIES:
            addr = m.malloc(family, 1001)
            addr = m.realloc(family, addr, 5001)
            m.free(family, addr)


class Tracing(unittest.TestCase):
    def setUp(self):
        tracemalloc.start(3)

    def tearDown(self):
        tracemalloc.stop()

    def test_blocks_traced_then_forgotten(self):
        for family in FAMILIES:
            for zeroed in (False, True):
                with self.subTest(family=family, zeroed=zeroed):
                    addr, line = m.malloc(family, 100_003, zeroed), lineno()
                    self.assertEqual(traces(100_003), [(100_003, line)])
                    m.free(family, addr)
                    self.assertEqual(traces(100_003), [])

    def test_small_blocks(self):
        for family in FAMILIES:
            with self.subTest(family=family):
                addrs, line = [m.malloc(family, 77) for _ in range(5)], lineno()
                self.assertEqual(traces(77), [(77, line)] * 5)
                for addr in addrs:
                    m.free(family, addr)
                self.assertEqual(traces(77), [])

    def test_realloc_moves_the_trace(self):
        for family in FAMILIES:
            with self.subTest(family=family):
                addr = m.malloc(family, 1003)
                addr, line = m.realloc(family, addr, 50_003), lineno()
                self.assertEqual(traces(1003), [])
                self.assertEqual(traces(50_003), [(50_003, line)])
                addr, line = m.realloc(family, addr, 20_001), lineno()  # shrinking
                self.assertEqual(traces(50_003), [])
                self.assertEqual(traces(20_001), [(20_001, line)])
                m.free(family, addr)
                self.assertEqual(traces(20_001), [])

    def test_traced_memory_counts_c_blocks(self):
        for family in FAMILIES:
            with self.subTest(family=family):
                before = tracemalloc.get_traced_memory()[0]
                addr = m.malloc(family, 1_000_003)
                during, peak = tracemalloc.get_traced_memory()
                self.assertGreaterEqual(during - before, 1_000_003 - 4096)
                self.assertGreaterEqual(peak, during)
                m.free(family, addr)
                after, peak_after = tracemalloc.get_traced_memory()
                self.assertGreaterEqual(during - after, 1_000_003 - 4096)
                self.assertGreaterEqual(peak_after, during)
                tracemalloc.reset_peak()
                self.assertLess(tracemalloc.get_traced_memory()[1], during)

    def test_raw_block_freed_without_the_gil(self):
        addr = m.malloc("raw", 30_007)
        self.assertEqual(len(traces(30_007)), 1)
        m.raw_free_without_gil(addr)
        self.assertEqual(traces(30_007), [])

    def test_track_in_a_domain(self):
        self.assertEqual(m.track(DOMAIN, 0x1000, 5_003), 0); line = lineno()
        self.assertEqual(traces(5_003, DOMAIN), [(5_003, line)])
        self.assertEqual(traces(5_003, 0), [])
        # The same address again replaces the trace; another domain is apart.
        self.assertEqual(m.track(DOMAIN, 0x1000, 7_001), 0); line2 = lineno()
        self.assertEqual(m.track(DOMAIN + 1, 0x1000, 9_001), 0)
        self.assertEqual(traces(5_003, DOMAIN), [])
        self.assertEqual(traces(7_001, DOMAIN), [(7_001, line2)])
        self.assertEqual(len(traces(9_001, DOMAIN + 1)), 1)
        gc.collect()
        snapshot = tracemalloc.take_snapshot()
        others = snapshot.filter_traces([tracemalloc.DomainFilter(False, DOMAIN)])
        self.assertFalse(any(t.size == 7_001 for t in others.traces))
        ours = snapshot.filter_traces([tracemalloc.DomainFilter(True, DOMAIN)])
        stats = ours.statistics("lineno")
        self.assertEqual([(s.size, s.count, s.traceback[0].lineno) for s in stats], [(7_001, 1, line2)])
        self.assertEqual(m.untrack(DOMAIN, 0x1000), 0)
        self.assertEqual(m.untrack(DOMAIN, 0x1000), 0)  # not traced: nothing happens
        self.assertEqual(traces(7_001, DOMAIN), [])
        self.assertEqual(len(traces(9_001, DOMAIN + 1)), 1)
        self.assertEqual(m.untrack(DOMAIN + 1, 0x1000), 0)

    def test_tracked_memory_counts(self):
        before = tracemalloc.get_traced_memory()[0]
        m.track(DOMAIN, 0x2000, 2_000_001)
        self.assertGreaterEqual(tracemalloc.get_traced_memory()[0] - before, 2_000_001)
        m.untrack(DOMAIN, 0x2000)
        self.assertLess(tracemalloc.get_traced_memory()[0] - before, 2_000_001)

    def test_clear_traces_forgets_c_traces(self):
        addr = m.malloc("mem", 40_009)
        m.track(DOMAIN, 0x3000, 3_001)
        tracemalloc.clear_traces()
        self.assertEqual(traces(40_009), [])
        self.assertEqual(traces(3_001, DOMAIN), [])
        m.free("mem", addr)  # freed after its trace went: nothing to forget
        self.assertEqual(m.untrack(DOMAIN, 0x3000), 0)

    def test_stop_forgets_c_traces(self):
        addr = m.malloc("obj", 40_009)
        m.track(DOMAIN, 0x4000, 3_001)
        tracemalloc.stop()
        self.assertEqual(m.track(DOMAIN, 0x4000, 3_001), -2)
        tracemalloc.start()
        self.assertEqual(traces(40_009), [])
        self.assertEqual(traces(3_001, DOMAIN), [])
        m.free("obj", addr)

    def test_object_traceback_of_a_c_object(self):
        lineno()  # the frame object lineno() needs is made here, not below
        blob, line = m.Blob(), lineno()
        tb = tracemalloc.get_object_traceback(blob)
        self.assertIsNotNone(tb)
        self.assertEqual((tb[-1].filename, tb[-1].lineno), (__file__, line))
        self.assertEqual(traces_at(line).count(216), 1)  # its PyObject_Malloc block: sizeof(BlobObject)
        del blob
        self.assertTrue(collect_until(lambda: 216 not in traces_at(line)))

    def test_object_made_before_tracing_has_no_traceback(self):
        tracemalloc.stop()
        blob = m.Blob()
        tracemalloc.start()
        self.assertIsNone(tracemalloc.get_object_traceback(blob))


def traces_at(line):
    """Sizes of the domain-0 traces whose most recent frame is `line` here."""
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    return [t.size for t in snapshot.traces
            if t.domain == 0 and t.traceback[-1].filename == __file__ and t.traceback[-1].lineno == line]


if __name__ == "__main__":
    unittest.main(verbosity=2)
