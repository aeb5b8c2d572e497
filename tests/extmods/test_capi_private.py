"""Driver for capi_private.c: CPython's private API its own extension modules use."""
import math
import sys
import unittest
from fractions import Fraction

import capi_private as m

FLOOR, CEILING, HALF_EVEN, UP = range(4)


def round_exact(q, mode):
    """q (a Fraction or float) rounded to an int as _PyTime's modes do."""
    if mode == FLOOR:
        return math.floor(q)
    if mode == CEILING:
        return math.ceil(q)
    if mode == UP:
        return math.ceil(q) if q >= 0 else math.floor(q)
    return round(q)  # half to even, exactly, for floats and Fractions


def expected_round(seconds):
    out = []
    for mode in range(4):
        ns = round_exact(seconds * 1e9 if isinstance(seconds, float) else Fraction(seconds * 10**9), mode)
        out.append((ns, round_exact(Fraction(ns, 10**6), mode), round_exact(Fraction(ns, 10**3), mode)))
    return out


class Time(unittest.TestCase):
    def test_rounding_modes(self):
        for s in (0, 1, -1, 2.5e-3, -2.5e-3, 1.0000005, -1.0000005, 0.0015, -0.0015, 1e-9, -1e-9,
                  123.4567891, 3.5e-6, -3.5e-6, 10**9):
            self.assertEqual(m.time_round(s), expected_round(s), s)

    def test_errors(self):
        with self.assertRaises(ValueError):
            m.time_round(float("nan"))
        with self.assertRaises(OverflowError):
            m.time_round(1e300)
        with self.assertRaises(OverflowError):
            m.time_round(10**30)
        with self.assertRaises(TypeError):
            m.time_round("1")

    def test_timeval(self):
        self.assertEqual(m.time_timeval(1.5, FLOOR), (1, 500000))
        self.assertEqual(m.time_timeval(-1.5, FLOOR), (-2, 500000))
        self.assertEqual(m.time_timeval(-1e-7, CEILING), (0, 0))
        self.assertEqual(m.time_timeval(-1e-7, FLOOR), (-1, 999999))
        self.assertEqual(m.time_timeval(7, HALF_EVEN), (7, 0))
        with self.assertRaises(ValueError):
            m.time_timeval(float("nan"), FLOOR)
        with self.assertRaises(OverflowError):
            m.time_timeval(1e300, FLOOR)

    def test_deadline(self):
        self.assertTrue(m.deadline_left())


class Writer(unittest.TestCase):
    def test_build(self):
        cases = [
            ([], 0, 0, ""),
            (["whole"], 0, 0, "whole"),
            (["a", "b"], 0, 0, "ab"),
            ([0x41, "é", 0x20AC, "x", 0x1F600], 0, 0, "Aé€x\U0001F600"),
            ([b"ascii", ("substring", 3, 6), 0x3B1], 1, 0, "asciistrα"),
            (["\U0001F600", "then ascii", 0x41], 1, 100, "\U0001F600then asciiA"),
            ([("abc", 0, 3), ("", 0, 0), b""], 0, 0, "abc"),
            (["x" * 1000, 0x100, "y" * 1000], 1, 0, "x" * 1000 + "\u0100" + "y" * 1000),
        ]
        for items, overallocate, min_length, want in cases:
            got = m.writer_build(items, overallocate, min_length)
            self.assertEqual(got, want)
            self.assertIs(type(got), str)

    def test_whole_str_kept(self):
        s = "".join(["kept", "!"])
        self.assertIs(m.writer_build([s], 0, 0), s)

    def test_inline_writes(self):
        for s in ("", "plain", "mixed é and €", "wide \U0001F600 char", "中文" * 500):
            self.assertEqual(m.writer_inline(s), s)

    # CPython does not check (its release build reads out of bounds).
    @unittest.skipUnless(sys.implementation.name == "tern", "undefined behaviour in CPython")
    def test_bad_input(self):
        with self.assertRaises(SystemError):
            m.writer_build([("abc", 2, 9)], 0, 0)
        with self.assertRaises(SystemError):
            m.writer_build([0x110000], 0, 0)


class Misc(unittest.TestCase):
    def test_hashtable(self):
        for n in (0, 1, 10, 5000):
            found, stolen, total, missing = m.hashtable_roundtrip(n)
            self.assertEqual(found, n)
            self.assertEqual(stolen, n // 3)
            self.assertEqual(total, sum(2 * i for i in range(1, n + 1) if i % 3))
            self.assertTrue(missing)

    def test_strhex(self):
        self.assertEqual(m.strhex(b""), "")
        self.assertEqual(m.strhex(b"\x00\xffAz"), "00ff417a")
        self.assertEqual(m.strhex(b"\x01\x02\x03\x04\x05", ":", 2), b"01:0203:0405")
        self.assertEqual(m.strhex(b"\x01\x02\x03\x04\x05", "-", -2), b"0102-0304-05")
        with self.assertRaises(ValueError):
            m.strhex(b"ab", "::", 1)

    def test_identifiers(self):
        class O:
            pass
        o, d = O(), {"spam": "old"}
        self.assertEqual(m.identifiers(o, d, 42), (42, 0, 1, 42, "copied"))
        self.assertEqual((o.spam, d), (42, {"spam": 42}))
        with self.assertRaises(AttributeError):
            m.identifiers(1, {}, 0)

    def test_structseq(self):
        v = m.structseq_type(False)
        self.assertEqual((tuple(v), v.major, v.minor), ((3, 11), 3, 11))
        self.assertEqual(repr(v), "capi_private.version(major=3, minor=11)")
        self.assertEqual(type(v)((1, 2)).minor, 2)
        w = m.structseq_type(True)
        self.assertEqual(w.major, 3)
        with self.assertRaises(TypeError):
            type(w)((1, 2))

    def test_ctype(self):
        self.assertEqual(m.ctype(b"aZ5 \t\xe9"), b"A1Z152 4\t4\xe90")
        self.assertEqual(m.strnicmp("HeLLo", "hello world", 5), 0)
        self.assertEqual(m.strnicmp("abc", "ABD", 3), -1)
        self.assertEqual(m.strnicmp("abc", "ABD", 2), 0)
        self.assertEqual(m.strnicmp("b", "A", 0), 0)

    def test_codecs(self):
        self.assertEqual(m.codec_roundtrip("héllo", "latin-1", "strict"), (b"h\xe9llo", "héllo", 1))
        self.assertEqual(m.codec_roundtrip("h€", "ascii", "replace"), (b"h?", "h?", 1))
        with self.assertRaises(LookupError):
            m.codec_roundtrip("x", "no-such-codec", "strict")
        self.assertEqual(m.encode_error("abcdef", 2, 4, "replace"), (2, 4, ("??", 4)))
        self.assertEqual(m.encode_error("abcdef", -3, 99, "backslashreplace"), (0, 6, ("\\x61\\x62\\x63\\x64\\x65\\x66", 6)))
        with self.assertRaises(UnicodeEncodeError) as cm:
            m.encode_error("abcdef", 1, 2, "strict")
        self.assertEqual((cm.exception.start, cm.exception.end, cm.exception.reason), (1, 2, "adjusted"))
        with self.assertRaises(LookupError):
            m.encode_error("abc", 0, 1, "no.such.handler")
        self.assertEqual(m.decode_error(b"ab\xffcd", 2, 3), ("\ufffd", 3))

    def test_chain(self):
        with self.assertRaises(ValueError) as cm:
            m.chain()
        ctx = cm.exception.__context__
        self.assertIsInstance(ctx, KeyError)
        self.assertEqual(ctx.args, ("inner",))


if __name__ == "__main__":
    unittest.main()
