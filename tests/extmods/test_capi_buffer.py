"""Driver for capi_buffer.c: exporting and consuming buffers, buffers held
by C across collections, memoryviews from C."""

import array
import gc
import unittest

import capi_buffer as m


def churn():
    junk = [bytearray(64) for _ in range(2000)] + [[i] for i in range(5000)]
    del junk
    gc.collect()


class Exporter(unittest.TestCase):
    def test_memoryview_of_grid(self):
        g = m.Grid(2, 3)
        mv = memoryview(g)
        self.assertEqual(g.exports, 1)
        self.assertEqual(mv.shape, (2, 3))
        self.assertEqual(mv.strides, (12, 4))
        self.assertEqual(mv.format, "i")
        self.assertEqual(mv.itemsize, 4)
        self.assertEqual(mv.nbytes, 24)
        self.assertFalse(mv.readonly)
        self.assertTrue(mv.c_contiguous)
        self.assertEqual(mv.tolist(), [[0, 1, 2], [3, 4, 5]])
        mv[1, 2] = 50  # a write through the view lands in C memory
        self.assertEqual(g.get(1, 2), 50)
        mv.release()
        self.assertEqual(g.exports, 0)

    def test_context_manager_releases(self):
        g = m.Grid(1, 4)
        with memoryview(g) as mv:
            self.assertEqual(g.exports, 1)
            self.assertEqual(mv.cast("B").nbytes, 16)
        self.assertEqual(g.exports, 0)

    def test_derived_views_share_one_export(self):
        g = m.Grid(2, 2)
        mv = memoryview(g)
        flat = mv.cast("B")
        again = memoryview(mv)
        ints = flat.cast("i", (4,))
        self.assertEqual(g.exports, 1)  # one managed buffer for all four views
        mv.release()
        self.assertEqual(g.exports, 1)  # the derived views still use it
        self.assertEqual(ints.tolist(), [0, 1, 2, 3])
        ints[3] = 30
        self.assertEqual(g.get(1, 1), 30)
        churn()
        self.assertEqual(again[1, 1], 30)
        for view in (flat, again, ints):
            self.assertEqual(g.exports, 1)
            view.release()
        self.assertEqual(g.exports, 0)

    def test_read_only_grid(self):
        g = m.Grid(1, 2, readonly=True)
        mv = memoryview(g)
        self.assertTrue(mv.readonly)
        with self.assertRaises(TypeError):
            mv[0, 0] = 1
        mv.release()
        with self.assertRaises(BufferError):
            m.fill(g, 0)
        self.assertEqual(g.exports, 0)

    def test_consumers_of_grid(self):
        g = m.Grid(2, 2)
        self.assertEqual(bytes(g), array.array("i", [0, 1, 2, 3]).tobytes())
        m.fill(g, 0)
        self.assertEqual(g.get(1, 1), 0)
        d = m.describe(g, m.PyBUF_SIMPLE)
        self.assertEqual((d["len"], d["ndim"], d["format"], d["shape"]), (16, 1, None, None))
        d = m.describe(g, m.PyBUF_RECORDS)
        self.assertEqual((d["ndim"], d["format"], d["shape"], d["strides"]),
                         (2, "i", (2, 2), (8, 4)))
        self.assertTrue(d["obj_is_exporter"])
        self.assertEqual(g.exports, 0)

    def test_empty_grid(self):
        g = m.Grid(0, 5)
        with memoryview(g) as mv:
            self.assertEqual(mv.shape, (0, 5))
            self.assertEqual(mv.tolist(), [])


class Consumer(unittest.TestCase):
    def test_bytes_simple(self):
        d = m.describe(b"abc", m.PyBUF_SIMPLE)
        self.assertEqual(d["len"], 3)
        self.assertEqual(d["itemsize"], 1)
        self.assertTrue(d["readonly"])
        self.assertEqual(d["first_byte"], b"a")
        self.assertTrue(d["c_contiguous"])
        self.assertTrue(d["obj_is_exporter"])

    def test_writable_requests(self):
        with self.assertRaises(BufferError):
            m.describe(b"abc", m.PyBUF_WRITABLE)
        d = m.describe(bytearray(b"xy"), m.PyBUF_WRITABLE)
        self.assertFalse(d["readonly"])
        with self.assertRaises(TypeError):
            m.describe("str", m.PyBUF_SIMPLE)

    def test_array_with_format(self):
        a = array.array("d", [1.0, 2.0, 3.0])
        d = m.describe(a, m.PyBUF_FULL_RO)
        self.assertEqual((d["len"], d["itemsize"], d["format"], d["ndim"], d["shape"]),
                         (24, 8, "d", 1, (3,)))

    def test_non_contiguous_view(self):
        mv = memoryview(b"abcdef")[::2]
        with self.assertRaises(BufferError):
            m.describe(mv, m.PyBUF_SIMPLE)  # cannot be handed out as flat bytes
        d = m.describe(mv, m.PyBUF_STRIDES)
        self.assertEqual((d["shape"], d["strides"]), ((3,), (2,)))
        self.assertFalse(d["c_contiguous"])
        self.assertEqual(d["first_byte"], b"a")

    def test_fill(self):
        ba = bytearray(5)
        m.fill(ba, 0x41)
        self.assertEqual(ba, bytearray(b"AAAAA"))
        a = array.array("B", [0, 0])
        m.fill(a, 7)
        self.assertEqual(a.tolist(), [7, 7])
        mv = memoryview(bytearray(3))
        m.fill(mv, 1)
        self.assertEqual(mv.tobytes(), b"\x01\x01\x01")

    def test_check_buffer(self):
        self.assertTrue(m.check_buffer(b""))
        self.assertTrue(m.check_buffer(m.Grid(1, 1)))
        self.assertTrue(m.check_buffer(memoryview(b"x")))
        self.assertFalse(m.check_buffer("str"))
        self.assertFalse(m.check_buffer(1))


class HeldBuffers(unittest.TestCase):
    def tearDown(self):
        m.release_held()

    def test_held_bytearray_is_pinned_and_locked(self):
        ba = bytearray(b"0123456789")
        m.hold(ba)
        with self.assertRaises(BufferError):
            ba.append(1)  # exported: may not be resized
        with self.assertRaises(BufferError):
            del ba[0]
        churn()
        m.held_write(3, ord("X"))
        self.assertEqual(ba, bytearray(b"012X456789"))
        ba[5] = ord("Y")
        churn()
        self.assertEqual(m.held_read(), b"012X4Y6789")
        m.release_held()
        ba.append(ord("!"))  # released: resizable again
        self.assertEqual(ba[-1], ord("!"))

    def test_held_buffer_keeps_exporter_alive(self):
        ba = bytearray(b"keep me")
        m.hold(ba)
        del ba  # the Py_buffer holds a reference to its exporter
        churn()
        self.assertEqual(m.held_read(), b"keep me")
        m.held_write(0, ord("K"))
        self.assertEqual(m.held_read(), b"Keep me")

    def test_held_grid(self):
        g = m.Grid(1, 2)
        m.hold(g)
        self.assertEqual(g.exports, 1)
        m.held_write(0, 9)  # first byte of the first little-endian int
        self.assertEqual(g.get(0, 0), 9)
        m.release_held()
        self.assertEqual(g.exports, 0)


class MemoryViews(unittest.TestCase):
    def test_view_of_raw_memory(self):
        mv = m.view_of_raw_memory()
        self.assertEqual(len(mv), 16)
        self.assertFalse(mv.readonly)
        self.assertEqual(mv[:3].tobytes(), b"raw")
        mv[0:3] = b"RAW"
        self.assertEqual(m.raw_memory_bytes()[:3], b"RAW")
        mv[0:3] = b"raw"

    def test_view_from_fill_info(self):
        mv = m.view_from_fill_info()
        self.assertTrue(mv.readonly)
        self.assertEqual(mv.tobytes(), b"raw ")
        self.assertIsNone(mv.obj)

    def test_from_object(self):
        mv, is_mv, length, readonly = m.memview(b"hello")
        self.assertTrue(is_mv)
        self.assertEqual((length, readonly), (5, True))
        self.assertEqual(mv.tobytes(), b"hello")
        mv, _, length, readonly = m.memview(bytearray(3))
        self.assertEqual((length, readonly), (3, False))
        g = m.Grid(2, 2)
        mv, _, length, _ = m.memview(g)
        self.assertEqual((length, mv.shape, g.exports), (16, (2, 2), 1))
        mv.release()
        self.assertEqual(g.exports, 0)
        with self.assertRaises(TypeError):
            m.memview(1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
