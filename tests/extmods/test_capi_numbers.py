"""Driver for capi_numbers.c: int, float, bool and complex conversions."""

import math
import sys
import unittest

import capi_numbers as m

LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1
ULONG_MAX = 2**64 - 1
BIG = 123456789012345678901234567890123456789


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class IntSub(int):
    pass


class FloatSub(float):
    pass


class IntFromC(unittest.TestCase):
    def test_limits(self):
        self.assertEqual(m.long_from_c(),
                         (LONG_MIN, LONG_MAX, ULONG_MAX, LONG_MIN, ULONG_MAX, LONG_MIN,
                          ULONG_MAX, 0, 10**20, -2))
        for v in m.long_from_c():
            self.assertIs(type(v), int)

    def test_from_double(self):
        self.assertEqual(m.long_from_double(3.99), 3)
        self.assertEqual(m.long_from_double(-1e30), int(-1e30))
        with self.assertRaises(OverflowError):
            m.long_from_double(math.inf)
        with self.assertRaises(ValueError):
            m.long_from_double(math.nan)

    def test_from_string(self):
        self.assertEqual(m.long_from_string("123", 10), (123, 3))
        self.assertEqual(m.long_from_string("  -0x1F  ", 0), (-31, 9))
        self.assertEqual(m.long_from_string("0o17", 0), (15, 4))
        self.assertEqual(m.long_from_string("1_000", 0), (1000, 5))
        self.assertEqual(m.long_from_string("zz", 36), (36 * 36 - 1, 2))
        self.assertEqual(m.long_from_string(str(BIG), 10), (BIG, len(str(BIG))))
        self.assertEqual(m.long_from_string("-" + "f" * 40, 16), (-(16**40 - 1), 41))
        for bad, base in (("12abc", 10), ("", 10), ("0x", 0), ("9", 8), ("1__0", 0)):
            with self.assertRaises(ValueError, msg=bad):
                m.long_from_string(bad, base)

    def test_from_unicode_object(self):
        self.assertEqual(m.long_from_unicode_object("\u0661\u0662", 10), 12)  # Arabic-Indic digits
        self.assertEqual(m.long_from_unicode_object(" 42 ", 10), 42)
        with self.assertRaises(ValueError):
            m.long_from_unicode_object("4 2", 10)

    def test_checks(self):
        self.assertEqual(m.long_checks(5), (True, True))
        self.assertEqual(m.long_checks(BIG), (True, True))
        self.assertEqual(m.long_checks(True), (True, False))
        self.assertEqual(m.long_checks(IntSub(3)), (True, False))
        self.assertEqual(m.long_checks(3.0), (False, False))

    def test_void_ptr(self):
        self.assertTrue(m.void_ptr_round_trip())


class IntToC(unittest.TestCase):
    def test_as_long(self):
        for v in (0, 1, -1, LONG_MIN, LONG_MAX, 2**31, -(2**40)):
            self.assertEqual(m.as_long(v), v)
        self.assertEqual(m.as_long(True), 1)
        self.assertEqual(m.as_long(IntSub(-9)), -9)
        self.assertEqual(m.as_long(Index(77)), 77)  # __index__ is honoured
        with self.assertRaises(OverflowError):
            m.as_long(LONG_MAX + 1)
        with self.assertRaises(OverflowError):
            m.as_long(-BIG)
        with self.assertRaises(TypeError):
            m.as_long(3.5)
        with self.assertRaises(TypeError):
            m.as_long("3")

    def test_as_long_and_overflow(self):
        self.assertEqual(m.as_long_and_overflow(5), (5, 0))
        self.assertEqual(m.as_long_and_overflow(LONG_MIN), (LONG_MIN, 0))
        self.assertEqual(m.as_long_and_overflow(LONG_MAX + 1), (-1, 1))
        self.assertEqual(m.as_long_and_overflow(BIG), (-1, 1))
        self.assertEqual(m.as_long_and_overflow(-BIG), (-1, -1))
        self.assertEqual(m.as_long_and_overflow(LONG_MIN - 1), (-1, -1))
        self.assertEqual(m.as_long_and_overflow(-1), (-1, 0))  # -1 without an error
        with self.assertRaises(TypeError):
            m.as_long_and_overflow(1.0)

    def test_as_long_long(self):
        self.assertEqual(m.as_long_long(LONG_MIN), LONG_MIN)
        self.assertEqual(m.as_long_long(Index(-3)), -3)
        with self.assertRaises(OverflowError):
            m.as_long_long(2**64)

    def test_unsigned(self):
        for f in (m.as_unsigned_long, m.as_unsigned_long_long):
            self.assertEqual(f(ULONG_MAX), ULONG_MAX)
            self.assertEqual(f(2**63), 2**63)
            self.assertEqual(f(0), 0)
            with self.assertRaises(OverflowError):
                f(-1)
            with self.assertRaises(OverflowError):
                f(2**64)
            with self.assertRaises(TypeError):
                f(1.0)

    def test_unsigned_mask_wraps(self):
        self.assertEqual(m.as_unsigned_long_long_mask(-1), ULONG_MAX)
        self.assertEqual(m.as_unsigned_long_long_mask(2**64 + 5), 5)
        self.assertEqual(m.as_unsigned_long_long_mask(-(2**64) - 2), ULONG_MAX - 1)
        self.assertEqual(m.as_unsigned_long_long_mask(Index(2**70 + 1)), 1)

    def test_ssize_t_and_size_t(self):
        self.assertEqual(m.as_ssize_t(-5), -5)
        self.assertEqual(m.as_ssize_t(sys.maxsize), sys.maxsize)
        with self.assertRaises(OverflowError):
            m.as_ssize_t(sys.maxsize + 1)
        self.assertEqual(m.as_size_t(ULONG_MAX), ULONG_MAX)
        with self.assertRaises(OverflowError):
            m.as_size_t(-1)
        with self.assertRaises(TypeError):
            m.as_ssize_t(None)

    def test_as_double(self):
        self.assertEqual(m.long_as_double(2**53), 2.0**53)
        self.assertEqual(m.long_as_double(-(2**60) - 1), -(2.0**60))
        self.assertEqual(m.long_as_double(BIG), float(BIG))
        with self.assertRaises(OverflowError):
            m.long_as_double(10**400)
        with self.assertRaises(TypeError):
            m.long_as_double(1.5)


class Floats(unittest.TestCase):
    def test_from_c(self):
        a, negzero, fmax, fmin, parsed = m.float_from_c()
        self.assertEqual(a, 0.1)
        self.assertEqual(math.copysign(1.0, negzero), -1.0)
        self.assertEqual(fmax, sys.float_info.max)
        self.assertEqual(fmin, sys.float_info.min)
        self.assertEqual(parsed, -1500.0)

    def test_as_double(self):
        self.assertEqual(m.float_as_double(2.5), 2.5)
        self.assertEqual(m.float_as_double(7), 7.0)
        self.assertEqual(m.float_as_double(FloatSub(1.5)), 1.5)
        self.assertEqual(m.float_as_double(Index(3)), 3.0)  # __index__ as a fallback

        class F:
            def __float__(self):
                return 9.5
        self.assertEqual(m.float_as_double(F()), 9.5)
        self.assertTrue(math.isnan(m.float_as_double(math.nan)))
        self.assertEqual(m.float_as_double(-math.inf), -math.inf)
        with self.assertRaises(TypeError):
            m.float_as_double("1.5")
        with self.assertRaises(OverflowError):
            m.float_as_double(10**400)

    def test_macro(self):
        self.assertEqual(m.float_macro(6.25), (6.25, True))
        self.assertEqual(m.float_macro(FloatSub(-1.0)), (-1.0, False))
        with self.assertRaises(TypeError):
            m.float_macro(1)

    def test_info(self):
        info = m.float_info()
        self.assertEqual(info.max, sys.float_info.max)
        self.assertEqual(info.mant_dig, 53)
        self.assertEqual(info.epsilon, sys.float_info.epsilon)

    def test_pyos_string_to_double(self):
        self.assertEqual(m.string_to_double("1.5"), (1.5, 3))
        self.assertEqual(m.string_to_double("-2e3xyz"), (-2000.0, 4))
        self.assertEqual(m.string_to_double("inf"), (math.inf, 3))
        with self.assertRaises(OverflowError):
            m.string_to_double("1e500")
        with self.assertRaises(ValueError):
            m.string_to_double("abc")

    def test_pyos_double_to_string(self):
        self.assertEqual(m.double_to_string(0.1, "r", 0), "0.1")
        self.assertEqual(m.double_to_string(1e22, "r", 0), "1e+22")
        self.assertEqual(m.double_to_string(2.0 / 3, "f", 3), "0.667")
        self.assertEqual(m.double_to_string(12345.678, "e", 2), "1.23e+04")
        self.assertEqual(m.double_to_string(0.5, "g", 6), "0.5")
        self.assertEqual(m.double_to_string(math.inf, "r", 0), "inf")


class Bools(unittest.TestCase):
    def test_singletons(self):
        same, t, f, checks = m.bools()
        self.assertTrue(same)
        self.assertIs(t, True)
        self.assertIs(f, False)
        self.assertTrue(checks)

    def test_return_macros(self):
        self.assertIs(m.return_true(), True)
        self.assertIs(m.return_false(), False)
        self.assertIs(m.return_none(), None)
        # Many calls: the singletons' emulated refcounts never run out.
        for _ in range(10000):
            m.return_true()
            m.return_none()
        self.assertIs(m.return_true(), True)


class Complex(unittest.TestCase):
    def test_from_doubles(self):
        z = m.complex_from_doubles(1.0, -2.5)
        self.assertEqual(z, 1 - 2.5j)
        self.assertIs(type(z), complex)

    def test_parts(self):
        self.assertEqual(m.complex_parts(3 + 4j), (3.0, 4.0, (3.0, 4.0)))
        # Real numbers are complex numbers with a zero imaginary part.
        self.assertEqual(m.complex_parts(2.5), (2.5, 0.0, (2.5, 0.0)))
        self.assertEqual(m.complex_parts(7), (7.0, 0.0, (7.0, 0.0)))

        class C:
            def __complex__(self):
                return 1j

            def __float__(self):
                return 0.0
        self.assertEqual(m.complex_parts(C())[2], (0.0, 1.0))
        with self.assertRaises(TypeError):
            m.complex_parts("1j")

    def test_from_ccomplex(self):
        self.assertEqual(m.complex_from_ccomplex(), (1.5 - 2j, True))


if __name__ == "__main__":
    unittest.main(verbosity=2)
