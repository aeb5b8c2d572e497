"""Driver for capi_getargs.c: PyArg_Parse*, PyArg_UnpackTuple, Py_BuildValue."""

import gc
import unittest

import capi_getargs as m


class Index:
    """Not an int, but usable as one through __index__."""

    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Floaty:
    def __float__(self):
        return 1.25


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        if self.v is None:
            raise ZeroDivisionError("no truth")
        return self.v


class IntegerUnits(unittest.TestCase):
    def test_i_l_n(self):
        self.assertEqual(m.parse_ints(1, -2, 3), (1, -2, 3))
        self.assertEqual(m.parse_ints(2**31 - 1, 2**63 - 1, -(2**63)),
                         (2**31 - 1, 2**63 - 1, -(2**63)))
        self.assertEqual(m.parse_ints(True, Index(5), Index(-6)), (1, 5, -6))

    def test_range_errors(self):
        with self.assertRaises(OverflowError):
            m.parse_ints(2**31, 0, 0)
        with self.assertRaises(OverflowError):
            m.parse_ints(-(2**31) - 1, 0, 0)
        with self.assertRaises(OverflowError):
            m.parse_ints(0, 2**63, 0)
        with self.assertRaises(OverflowError):
            m.parse_ints(0, 0, 2**100)

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            m.parse_ints(1.0, 0, 0)
        with self.assertRaises(TypeError):
            m.parse_ints("1", 0, 0)
        with self.assertRaises(TypeError):
            m.parse_ints(None, 0, 0)

    def test_arg_count_errors_name_the_function(self):
        with self.assertRaises(TypeError) as cm:
            m.parse_ints(1, 2)
        self.assertIn("parse_ints()", str(cm.exception))
        with self.assertRaises(TypeError) as cm:
            m.parse_ints(1, 2, 3, 4)
        self.assertIn("parse_ints()", str(cm.exception))

    def test_narrow_and_unsigned(self):
        args = (255, -32768, 65535, 2**32 - 1, 2**64 - 1, -(2**63), 2**64 - 1)
        self.assertEqual(m.parse_small_ints(*args), args)
        with self.assertRaises(OverflowError):
            m.parse_small_ints(256, 0, 0, 0, 0, 0, 0)  # b is 0..255
        with self.assertRaises(OverflowError):
            m.parse_small_ints(-1, 0, 0, 0, 0, 0, 0)
        with self.assertRaises(OverflowError):
            m.parse_small_ints(0, 2**15, 0, 0, 0, 0, 0)
        with self.assertRaises(OverflowError):
            m.parse_small_ints(0, 0, 0, 0, 0, 2**63, 0)

    def test_d_f_D(self):
        self.assertEqual(m.parse_floats(2.5, 1.5, 1 + 2j), (2.5, 1.5, 1 + 2j))
        self.assertEqual(m.parse_floats(3, 4, 5), (3.0, 4.0, 5 + 0j))
        self.assertEqual(m.parse_floats(Floaty(), Floaty(), 0.5), (1.25, 1.25, 0.5 + 0j))
        self.assertEqual(m.parse_floats(1e308, 0.1, 0)[1], 0.10000000149011612)  # float rounding
        with self.assertRaises(TypeError):
            m.parse_floats("1.0", 0, 0)
        with self.assertRaises(OverflowError):
            m.parse_floats(10**400, 0, 0)


class StringUnits(unittest.TestCase):
    def test_s(self):
        self.assertEqual(m.parse_s("abc"), ("abc", 3))
        self.assertEqual(m.parse_s("caf\u00e9\U0001F600"), ("caf\u00e9\U0001F600", 9))
        with self.assertRaises(ValueError):
            m.parse_s("a\0b")  # embedded NUL
        with self.assertRaises(TypeError):
            m.parse_s(b"abc")
        with self.assertRaises(TypeError):
            m.parse_s(None)

    def test_s_hash(self):
        self.assertEqual(m.parse_s_hash("a\0b"), (b"a\0b", 3))
        self.assertEqual(m.parse_s_hash("\u00e9"), (b"\xc3\xa9", 2))
        self.assertEqual(m.parse_s_hash(b"raw\xff"), (b"raw\xff", 4))
        with self.assertRaises(TypeError):
            m.parse_s_hash(bytearray(b"mutable"))  # s# wants read-only
        with self.assertRaises(TypeError):
            m.parse_s_hash(5)

    def test_z(self):
        self.assertEqual(m.parse_z(None), "<NULL>")
        self.assertEqual(m.parse_z("text"), "text")
        with self.assertRaises(TypeError):
            m.parse_z(1)

    def test_y_hash(self):
        self.assertEqual(m.parse_y_hash(b"a\0b\0"), (4, 2))
        self.assertEqual(m.parse_y_hash(b""), (0, 0))
        with self.assertRaises(TypeError):
            m.parse_y_hash("str")

    def test_buffers(self):
        self.assertEqual(m.parse_buffers(b"ab", "cd"), (b"ab", b"cd"))
        self.assertEqual(m.parse_buffers(bytearray(b"xy"), memoryview(b"zz")), (b"xy", b"zz"))
        self.assertEqual(m.parse_buffers(b"", "\u00e9"), (b"", b"\xc3\xa9"))
        with self.assertRaises(TypeError):
            m.parse_buffers("not bytes", "")

    def test_es(self):
        self.assertEqual(m.parse_es("caf\u00e9"), b"caf\xe9")
        with self.assertRaises(UnicodeEncodeError):
            m.parse_es("\u20ac")

    def test_typed_objects(self):
        args = ("s", b"b", bytearray(b"ba"), "\u00e9", b"z")
        self.assertEqual(m.parse_typed_objects(*args), ("s", b"b", bytearray(b"ba"), 0xE9, b"z"))
        self.assertEqual(m.parse_typed_objects("", b"", bytearray(), "x", bytearray(b"q"))[4], b"q")
        bad = [(b"s", b"b", bytearray(), "x", b"z"),
               ("s", "b", bytearray(), "x", b"z"),
               ("s", b"b", b"not ba", "x", b"z"),
               ("s", b"b", bytearray(), "xy", b"z"),
               ("s", b"b", bytearray(), "x", b"zz")]
        for args in bad:
            with self.assertRaises(TypeError, msg=repr(args)):
                m.parse_typed_objects(*args)


class ObjectUnits(unittest.TestCase):
    def test_O_is_identity(self):
        for obj in (object(), None, [1], 2**100, "s"):
            self.assertIs(m.parse_O(obj), obj)

    def test_O_bang(self):
        self.assertEqual(m.parse_O_bang([1, 2, 3]), 3)

        class L(list):
            pass
        self.assertEqual(m.parse_O_bang(L([1])), 1)  # subclasses pass the check
        with self.assertRaises(TypeError) as cm:
            m.parse_O_bang((1, 2))
        self.assertIn("list", str(cm.exception))
        self.assertIn("tuple", str(cm.exception))

    def test_O_amp_converter(self):
        self.assertEqual(m.parse_O_amp(21), 42)
        with self.assertRaises(ValueError) as cm:
            m.parse_O_amp(-1)
        self.assertEqual(str(cm.exception), "double_it: negative")
        with self.assertRaises(TypeError):
            m.parse_O_amp("x")

    def test_p(self):
        for v, want in ((True, 1), (False, 0), (0, 0), (7, 1), ("", 0), ("x", 1),
                        ([], 0), ([0], 1), (None, 0), (Truthy(True), 1), (Truthy(False), 0)):
            self.assertEqual(m.parse_p(v), want, repr(v))
        with self.assertRaises(ZeroDivisionError):
            m.parse_p(Truthy(None))

    def test_nested(self):
        self.assertEqual(m.parse_nested((1, 2), "s"), (1, 2, "s"))
        self.assertEqual(m.parse_nested([3, 4], "t"), (3, 4, "t"))
        with self.assertRaises(TypeError):
            m.parse_nested((1, 2, 3), "s")
        with self.assertRaises(TypeError):
            m.parse_nested(1, "s")

    def test_nested_error_messages(self):
        # The message names the argument (an item's own conversion error
        # stands as it is).
        with self.assertRaises(TypeError) as cm:
            m.parse_nested((1, "x"), "s")
        self.assertEqual(str(cm.exception), "'str' object cannot be interpreted as an integer")
        with self.assertRaises(TypeError) as cm:
            m.parse_nested((1, 2), 3)
        self.assertEqual(str(cm.exception), "argument 2 must be str, not int")
        with self.assertRaises(TypeError) as cm:
            m.parse_nested((1, 2, 3), "s")
        self.assertEqual(str(cm.exception), "argument 1 must be sequence of length 2, not 3")

    def test_kept_argument_tuple(self):
        # A C function may keep the tuple of its arguments past the call.
        x = object()
        m.keep_args(1000003, "a", x, 2.5)
        for i in range(3000):
            m.parse_nested((i + 10**6, 2), "s")  # fresh ints through the int proxies
        gc.collect()
        got = m.keep_args()
        self.assertEqual(got[:2], (1000003, "a"))
        self.assertIs(got[2], x)
        self.assertEqual(got[3], 2.5)
        self.assertEqual(m.keep_args(), ())

    def test_optional(self):
        self.assertEqual(m.parse_optional(1), (1, -1, None))
        self.assertEqual(m.parse_optional(1, 2), (1, 2, None))
        o = object()
        self.assertIs(m.parse_optional(1, 2, o)[2], o)
        with self.assertRaises(TypeError) as cm:
            m.parse_optional()
        self.assertIn("parse_optional()", str(cm.exception))
        with self.assertRaises(TypeError) as cm:
            m.parse_optional(1, 2, 3, 4)
        self.assertIn("parse_optional()", str(cm.exception))

    def test_semicolon_message(self):
        self.assertEqual(m.parse_custom_message([5]), 1)
        with self.assertRaises(TypeError) as cm:
            m.parse_custom_message("x")
        self.assertEqual(str(cm.exception), "custom message for a")
        with self.assertRaises(TypeError) as cm:
            m.parse_custom_message([], [])
        self.assertEqual(str(cm.exception), "custom message for a")


class Keywords(unittest.TestCase):
    def test_kwfunc_forms(self):
        self.assertEqual(m.kwfunc(1), (1, "dflt", False))
        self.assertEqual(m.kwfunc(1, "b"), (1, "b", False))
        self.assertEqual(m.kwfunc(a=1, b="x"), (1, "x", False))
        self.assertEqual(m.kwfunc(b="y", a=2), (2, "y", False))
        self.assertEqual(m.kwfunc(1, flag=[1]), (1, "dflt", True))
        self.assertEqual(m.kwfunc(1, **{}), (1, "dflt", False))

    def test_kwfunc_errors(self):
        with self.assertRaises(TypeError) as cm:
            m.kwfunc()
        self.assertIn("kwfunc()", str(cm.exception))
        with self.assertRaises(TypeError) as cm:
            m.kwfunc(1, nope=2)
        self.assertIn("nope", str(cm.exception))
        with self.assertRaises(TypeError) as cm:
            m.kwfunc(1, a=2)  # given by name and position
        self.assertIn("'a'", str(cm.exception))
        with self.assertRaises(TypeError):
            m.kwfunc(1, "b", True)  # flag is keyword-only
        with self.assertRaises(TypeError):
            m.kwfunc("not an int")

    def test_positional_only(self):
        self.assertEqual(m.posonly(1, 2), (1, 2, 0))
        self.assertEqual(m.posonly(1, y=2, z=3), (1, 2, 3))
        with self.assertRaises(TypeError):
            m.posonly(x=1, y=2)

    def test_unpack_tuple(self):
        self.assertEqual(m.unpack(1), (1, None, None))
        self.assertEqual(m.unpack(1, 2, 3), (1, 2, 3))
        o = object()
        self.assertIs(m.unpack(o)[0], o)
        with self.assertRaises(TypeError) as cm:
            m.unpack()
        self.assertIn("unpack", str(cm.exception))
        with self.assertRaises(TypeError):
            m.unpack(1, 2, 3, 4)


class BuildValue(unittest.TestCase):
    def test_scalars(self):
        got = m.build_scalars()
        self.assertEqual(got, (-5, 1 << 40, -12345, 2.5, 0.25, 4000000000, 2**64 - 1,
                               -(2**63), 200, -300, 60000, 4000000000))
        self.assertIs(type(got[3]), float)

    def test_strings(self):
        self.assertEqual(m.build_strings(),
                         ("caf\u00e9", "ab\0cd", b"x\0y", b"bytes", None, None,
                          "\U0001F600", b"Q"))

    def test_objects(self):
        o = object()
        a, fresh, b = m.build_objects(o)
        self.assertIs(a, o)
        self.assertIs(b, o)
        self.assertEqual(fresh, [])

    def test_containers(self):
        self.assertEqual(m.build_containers(),
                         ((), [], {}, (1,), [2, ("t", [3.5])],
                          {"k1": 10, "k2": [20, 30], 99: ()}))

    def test_tuple_of_common_units(self):
        # "(isdl)" and neighbours: the units a tuple is most often built of.
        self.assertEqual(m.build_common(), ((1, "two", 3.0, -(2**40)), ("a", None, 5), ("ab\0", 7), ()))
        self.assertIs(type(m.build_common()[0][2]), float)

    def test_special(self):
        self.assertEqual(m.build_special(), (None, 7, (7,)))

    def test_null_object_propagates_pending_error(self):
        with self.assertRaises(KeyError) as cm:
            m.build_propagates_error()
        self.assertEqual(cm.exception.args, ("from before",))


if __name__ == "__main__":
    unittest.main(verbosity=2)
