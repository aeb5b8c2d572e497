"""Driver for capi_unicode.c: str creation, PEP 393 access, codecs, operations."""

import sys
import unittest

import capi_unicode as m

ASCII = "hello"
LATIN1 = "caf\u00e9\u00ff"
UCS2 = "\u20ac uro \u0100"
UCS4 = "\U0001F600 smile \u00e9\u20ac"


class StrSub(str):
    pass


class Raises:
    def __str__(self):
        raise ZeroDivisionError


class Creation(unittest.TestCase):
    def test_from_string(self):
        self.assertEqual(m.from_string(), ("h\u00e9llo \u20ac\U0001F600", "ab\0cd", "trunc"))

    def test_invalid_utf8(self):
        with self.assertRaises(UnicodeDecodeError):
            m.from_invalid_utf8()

    def test_from_format(self):
        obj = "sp\u00e9c"
        got = m.from_format(obj)
        want = [
            "ascii|caf\u00e9",
            "-12|34|56",
            "-1234567890123|5|18446744073709551615",
            "-9223372036854775808|9223372036854775808",
            "-7|7|8",
            "beef",
            "A\u00e9\U0001F600",
            "sp\u00e9c",
            "sp\u00e9c|fallback",
            "sp\u00e9c",
            "'sp\u00e9c'",
            "'sp\\xe9c'",
            "100%",
            "[   42]",
            "[00042]",
            "[abc]",
            "[sp]",
            "[     pad]",
            "a=1, b='sp\u00e9c'",
        ]
        self.assertEqual(got[:-1], want)
        # %p: the address in hex with a 0x prefix; its value is not portable.
        self.assertTrue(got[-1].startswith("0x"), got[-1])
        int(got[-1], 16)

    def test_from_format_calls_str_and_repr(self):
        class O:
            def __str__(self):
                return "STR"

            def __repr__(self):
                return "REPR\u00e9"
        self.assertEqual(m.format_objects(O()), "STR|REPR\u00e9|REPR\\xe9")
        with self.assertRaises(ZeroDivisionError):
            m.format_objects(Raises())

    def test_from_ordinal(self):
        self.assertEqual(m.from_ordinal(0x41), "A")
        self.assertEqual(m.from_ordinal(0x10FFFF), "\U0010FFFF")
        with self.assertRaises(ValueError):
            m.from_ordinal(0x110000)

    def test_from_kind_and_data(self):
        self.assertEqual(m.from_kind_and_data(), ("a\u00e9", "b\u20ac", "c\U0001F600"))

    def test_new_and_write(self):
        self.assertEqual(m.make(5, 127, ord("a")), "abcde")
        self.assertEqual(m.make(3, 255, 0xFD), "\u00fd\u00fe\u00ff")
        self.assertEqual(m.make(3, 0xFFFF, 0x4E00), "\u4e00\u4e01\u4e02")
        self.assertEqual(m.make(2, 0x10FFFF, 0x1F600), "\U0001F600\U0001F601")
        self.assertEqual(m.make(0, 0, 0), "")
        s = m.make(4, 127, ord("w"))
        self.assertEqual(hash(s), hash("wxyz"))
        self.assertEqual({s: 1}["wxyz"], 1)


class Access(unittest.TestCase):
    def test_as_utf8(self):
        for s in (ASCII, LATIN1, UCS2, UCS4, ""):
            b = s.encode("utf-8")
            via_strlen, sized, size, same_ptr = m.as_utf8(s)
            self.assertEqual(via_strlen, b)
            self.assertEqual(sized, b)
            self.assertEqual(size, len(b))
            self.assertTrue(same_ptr, "the UTF-8 form should be cached in the object")
        self.assertEqual(m.as_utf8("a\0b")[1:3], (b"a\0b", 3))
        with self.assertRaises(UnicodeEncodeError):
            m.as_utf8("lone \udc80 surrogate")
        with self.assertRaises(TypeError):
            m.as_utf8(b"bytes")

    def test_get_length(self):
        for s in (ASCII, LATIN1, UCS2, UCS4, ""):
            self.assertEqual(m.get_length(s), len(s))
        with self.assertRaises(TypeError):
            m.get_length(1)

    def check_pep393(self, s, kind, codec):
        k, is_ascii, length, data, by_read_char, by_read, maxchar = m.pep393(s)
        self.assertEqual(k, kind, repr(s))
        self.assertEqual(is_ascii, all(ord(c) < 128 for c in s))
        self.assertEqual(length, len(s))
        self.assertEqual(data, s.encode(codec), repr(s))
        self.assertEqual(by_read_char, [ord(c) for c in s])
        self.assertEqual(by_read, [ord(c) for c in s])
        limit = {1: 0xFF, 2: 0xFFFF, 4: 0x10FFFF}[kind]
        if is_ascii:
            limit = 0x7F
        self.assertEqual(maxchar, limit)

    def test_pep393_ascii(self):
        self.check_pep393(ASCII, 1, "latin-1")
        self.check_pep393("", 1, "latin-1")

    def test_pep393_latin1(self):
        self.check_pep393(LATIN1, 1, "latin-1")

    def test_pep393_ucs2(self):
        self.check_pep393(UCS2, 2, "utf-16-le")

    def test_pep393_ucs4(self):
        self.check_pep393(UCS4, 4, "utf-32-le")

    def test_pep393_computed_strings(self):
        # Strings the runtime builds (joins, slices, formatting), not literals.
        self.check_pep393("-".join(["a", "\u00e9"]) * 3, 1, "latin-1")
        self.check_pep393(UCS4[2:], 2, "utf-16-le")  # narrowed when sliced
        self.check_pep393(f"{UCS2}{1234}", 2, "utf-16-le")
        self.check_pep393(StrSub("sub\u20ac"), 2, "utf-16-le")

    def test_read_char(self):
        self.assertEqual(m.read_char(UCS4, 0), 0x1F600)
        self.assertEqual(m.read_char(UCS4, len(UCS4) - 1), 0x20AC)
        with self.assertRaises(IndexError):
            m.read_char(ASCII, 5)

    def test_copies(self):
        for s in (ASCII, LATIN1, UCS2, UCS4):
            self.assertEqual(m.copies(s), (s, s, len(s)))


class Codecs(unittest.TestCase):
    def test_decode_utf8(self):
        self.assertEqual(m.decode_utf8("\u20ac".encode(), None), "\u20ac")
        self.assertEqual(m.decode_utf8(b"a\xffb", "replace"), "a\ufffdb")
        self.assertEqual(m.decode_utf8(b"a\xffb", "ignore"), "ab")
        self.assertEqual(m.decode_utf8(b"a\xffb", "surrogateescape"), "a\udcffb")
        with self.assertRaises(UnicodeDecodeError) as cm:
            m.decode_utf8(b"a\xffb", "strict")
        self.assertEqual(cm.exception.start, 1)

    def test_decode(self):
        self.assertEqual(m.decode(b"\xe9", "latin-1", None), "\u00e9")
        self.assertEqual(m.decode(b"\xff\xfeA\x00", "utf-16", None), "A")
        with self.assertRaises(LookupError):
            m.decode(b"x", "no-such-codec", None)

    def test_encode(self):
        self.assertEqual(m.encode(LATIN1, "latin-1", None), LATIN1.encode("latin-1"))
        self.assertEqual(m.encode(UCS4, "utf-8", "strict"), UCS4.encode())
        self.assertEqual(m.encode("a\u20acb", "ascii", "replace"), b"a?b")
        self.assertEqual(m.encode("a\u20acb", "ascii", "xmlcharrefreplace"), b"a&#8364;b")
        with self.assertRaises(UnicodeEncodeError):
            m.encode("\u20ac", "latin-1", "strict")

    def test_shortcuts(self):
        self.assertEqual(m.encode_shortcuts(ASCII), (b"hello", b"hello", b"hello"))
        self.assertEqual(m.encode_shortcuts(LATIN1), (LATIN1.encode(), LATIN1.encode("latin-1"), None))
        self.assertEqual(m.encode_shortcuts(UCS2), (UCS2.encode(), None, None))
        self.assertEqual(m.decode_shortcuts(b"a\xe9"), ("a\u00e9", "a\ufffd"))

    def test_filesystem_encoding(self):
        encoded, decoded = m.fs_round_trip("f\u00e9.txt")
        self.assertEqual(encoded, "f\u00e9.txt".encode(sys.getfilesystemencoding(),
                                                        "surrogateescape"))
        self.assertEqual(decoded, "f\u00e9.txt")


class Operations(unittest.TestCase):
    def test_concat(self):
        self.assertEqual(m.concat("ab", "cd"), "abcd")
        self.assertEqual(m.concat(ASCII, UCS4), ASCII + UCS4)
        self.assertEqual(m.concat("", ""), "")
        with self.assertRaises(TypeError):
            m.concat("a", 1)

    def test_compare(self):
        self.assertEqual(m.compare("a", "b"), (-1, True))
        self.assertEqual(m.compare("b", "a"), (1, False))
        self.assertEqual(m.compare(UCS4, UCS4[:]), (0, False))
        self.assertEqual(m.compare("\u00e9", "\U0001F600"), (-1, True))
        with self.assertRaises(TypeError):
            m.compare("a", 1)

    def test_compare_with_ascii(self):
        self.assertEqual(m.compare_ascii("abc", "abc"), 0)
        self.assertEqual(m.compare_ascii("abc", "abd"), -1)
        self.assertEqual(m.compare_ascii("abcd", "abc"), 1)
        self.assertEqual(m.compare_ascii("\u00e9", "e"), 1)

    def test_ops(self):
        (contains, find, rfind, findchar, count, tail, parts, joined, sub,
         replaced) = m.ops("a,b,cb")
        self.assertTrue(contains)
        self.assertEqual((find, rfind, findchar, count, tail), (2, 5, 2, 2, 1))
        self.assertEqual(parts, ["a", "b", "cb"])
        self.assertEqual(joined, "abbbcb")
        self.assertEqual(sub, ",b")
        self.assertEqual(replaced, "a,BB,cBB")
        self.assertEqual(m.ops("xyz")[:6], (False, -1, -1, -1, 0, 0))

    def test_intern(self):
        a = m.intern_from_string("tern_interned_name")
        b = m.intern_from_string("tern_interned_name")
        self.assertIs(a, b)
        self.assertIs(sys.intern("tern_interned_name"), a)
        name = "".join(["another_", "interned"])  # a fresh, un-interned str
        self.assertIs(m.intern_in_place(name), sys.intern(name))

    def test_checks(self):
        self.assertEqual(m.checks("s"), (True, True))
        self.assertEqual(m.checks(StrSub("s")), (True, False))
        self.assertEqual(m.checks(b"s"), (False, False))


if __name__ == "__main__":
    unittest.main(verbosity=2)
