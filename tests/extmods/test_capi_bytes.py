"""Driver for capi_bytes.c: bytes and bytearray from C, and a bytearray
buffer shared between C and Python."""

import gc
import unittest

import capi_bytes as m


class BytesSub(bytes):
    pass


class Bytes(unittest.TestCase):
    def test_from_c(self):
        self.assertEqual(m.bytes_from_c(), (b"plain", b"a\0b", b"\x01\x02\x03\x04", b""))

    def test_filled_bytes_is_an_ordinary_bytes(self):
        filled = m.bytes_from_c()[2]
        self.assertIs(type(filled), bytes)
        self.assertEqual(hash(filled), hash(b"\x01\x02\x03\x04"))
        self.assertEqual(filled[1:3], b"\x02\x03")

    def test_access(self):
        self.assertEqual(m.bytes_access(b"abc"), (b"abc", b"abc", 3, 3))
        self.assertEqual(m.bytes_access(b"a\0bc"), (b"a", b"a\0bc", 4, 4))
        self.assertEqual(m.bytes_access(BytesSub(b"sub")), (b"sub", b"sub", 3, 3))
        self.assertEqual(m.bytes_access(b""), (b"", b"", 0, 0))
        with self.assertRaises(TypeError):
            m.bytes_access("str")
        with self.assertRaises(TypeError):
            m.bytes_access(bytearray(b"x"))

    def test_as_string_and_size(self):
        self.assertEqual(m.bytes_as_string_and_size(b"a\0b", True), b"a\0b")
        self.assertEqual(m.bytes_as_string_and_size(b"ab", False), b"ab")
        with self.assertRaises(ValueError):
            m.bytes_as_string_and_size(b"a\0b", False)
        with self.assertRaises(TypeError):
            m.bytes_as_string_and_size(1, True)

    def test_concat(self):
        self.assertEqual(m.bytes_concat(b"ab", b"cd"), b"abcdcd")
        self.assertEqual(m.bytes_concat(b"", b""), b"")
        with self.assertRaises(TypeError):
            m.bytes_concat(b"ab", "cd")

    def test_from_format(self):
        self.assertEqual(m.bytes_from_format(), b"key:-5:123456789012:z:ff:%:ab")

    def test_resize(self):
        self.assertEqual(m.bytes_resize(3, 6), b"xxxyyy")
        self.assertEqual(m.bytes_resize(10, 2), b"xx")
        self.assertEqual(m.bytes_resize(0, 1000), b"y" * 1000)
        self.assertEqual(m.bytes_resize(5, 0), b"")

    def test_checks(self):
        self.assertEqual(m.bytes_checks(b""), (True, True))
        self.assertEqual(m.bytes_checks(BytesSub()), (True, False))
        self.assertEqual(m.bytes_checks(bytearray()), (False, False))


class ByteArray(unittest.TestCase):
    def test_from_c(self):
        made, from_obj = m.bytearray_from_c(b"xyz")
        self.assertEqual(made, bytearray(b"ab\0c"))
        self.assertIs(type(made), bytearray)
        self.assertEqual(from_obj, bytearray(b"xyz"))
        self.assertEqual(m.bytearray_from_c(memoryview(b"mv"))[1], bytearray(b"mv"))
        with self.assertRaises(TypeError):
            m.bytearray_from_c("no str")

    def test_info(self):
        ba = bytearray(b"hello")
        self.assertEqual(m.bytearray_info(ba), (b"hello", b"hello", 5, True, True))
        self.assertEqual(m.bytearray_info(bytearray()), (b"", b"", 0, True, True))

        class Sub(bytearray):
            pass
        self.assertEqual(m.bytearray_info(Sub(b"s")), (b"s", b"s", 1, True, False))

    def test_c_writes_seen_by_python(self):
        ba = bytearray(5)
        m.bytearray_fill(ba, 65)
        self.assertEqual(ba, bytearray(b"ABCDE"))
        self.assertEqual(bytes(ba), b"ABCDE")
        m.bytearray_fill(ba, 97)
        self.assertEqual(ba.decode(), "abcde")

    def test_python_writes_seen_by_c(self):
        ba = bytearray(b"abc")
        self.assertEqual(m.bytearray_snapshot(ba), b"abc")
        ba[0] = ord("X")
        self.assertEqual(m.bytearray_snapshot(ba), b"Xbc")
        ba.extend(b"0123456789" * 100)  # forces a reallocation
        self.assertEqual(m.bytearray_snapshot(ba), b"Xbc" + b"0123456789" * 100)
        del ba[3:]
        self.assertEqual(m.bytearray_snapshot(ba), b"Xbc")
        ba += b"!"
        self.assertEqual(m.bytearray_snapshot(ba), b"Xbc!")

    def test_interleaved_writes_survive_collection(self):
        ba = bytearray(b"....")
        m.bytearray_fill(ba, 48)
        junk = [bytearray(100) for _ in range(1000)]  # allocation pressure
        del junk
        gc.collect()
        self.assertEqual(ba, b"0123")
        ba[1] = ord("#")
        gc.collect()
        self.assertEqual(m.bytearray_snapshot(ba), b"0#23")

    def test_resize(self):
        ba = bytearray(b"ab")
        m.bytearray_resize(ba, 5)
        self.assertEqual(ba, bytearray(b"ab+++"))
        m.bytearray_resize(ba, 1)
        self.assertEqual(ba, bytearray(b"a"))
        m.bytearray_resize(ba, 0)
        self.assertEqual(ba, bytearray())
        ba.append(1)
        self.assertEqual(ba, bytearray(b"\x01"))

    def test_python_resizes_seen_by_c_during_a_call(self):
        ba = bytearray(b"abc")

        def mutate():
            ba.extend(b"0123456789" * 50)  # a new, bigger block
            del ba[1:3]
            ba[0] = ord("A")
            junk = [bytearray(64) for _ in range(500)]
            del junk
            gc.collect()

        before, after = m.bytearray_around(ba, mutate)
        self.assertEqual(before, b"abc")
        self.assertEqual(after, b"A" + b"0123456789" * 50)
        self.assertEqual(ba, b"!" + b"0123456789" * 50)  # C's write after the resize
        before, after = m.bytearray_around(ba, ba.clear)
        self.assertEqual(after, b"")
        self.assertEqual(ba, b"")

    def test_stashed_bytearray_both_ways(self):
        ba = bytearray(b"xyz")
        m.bytearray_stash(ba)
        try:
            self.assertEqual(m.bytearray_stash_poke(0, ord("X")), b"Xyz")
            self.assertEqual(ba, b"Xyz")
            ba += b"!" * 1000  # Python grows it: C must see the new block and size
            gc.collect()
            self.assertEqual(m.bytearray_stash_poke(1002, ord("?")), b"Xyz" + b"!" * 999 + b"?")
            self.assertEqual(ba[-1], ord("?"))
            del ba[2:]
            self.assertEqual(m.bytearray_stash_poke(-1, 0), b"Xy")
            ba[:] = b""
            self.assertEqual(m.bytearray_stash_poke(-1, 0), b"")
        finally:
            m.bytearray_stash_drop()

    def test_concat(self):
        got = m.bytearray_concat(bytearray(b"ab"), b"cd")
        self.assertEqual(got, bytearray(b"abcd"))
        self.assertIs(type(got), bytearray)
        self.assertEqual(m.bytearray_concat(b"x", memoryview(b"y")), bytearray(b"xy"))
        with self.assertRaises(TypeError):
            m.bytearray_concat(bytearray(), "str")


if __name__ == "__main__":
    unittest.main(verbosity=2)
