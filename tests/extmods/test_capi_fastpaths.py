"""Driver for capi_fastpaths.c: C reading the members and getsets of C
objects with PyObject_GetAttr, and Py_BuildValue's tuples, give what the
general paths give -- also for subclasses that override the attribute, for
a descriptor used on the wrong type, and after the class changes."""

import gc
import math
import unittest

import capi_fastpaths as m
from capi_fastpaths import Other, Rec


def outcome(fn, *args):
    """fn(*args) as ("ok", value) or (exception type, message)."""
    try:
        return ("ok", fn(*args))
    except Exception as e:
        return (type(e), str(e))


def c_and_python(obj, name):
    """The attribute read by C (PyObject_GetAttr) and by Python (getattr)."""
    return outcome(m.getattr, obj, name), outcome(getattr, obj, name)


class Members(unittest.TestCase):
    def assertSameRead(self, obj, name):
        from_c, from_python = c_and_python(obj, name)
        self.assertEqual(from_c, from_python)
        return from_c

    def test_defaults(self):
        r = Rec()
        expected = {"i": 0, "l": 0, "n": 0, "d": 0.0, "f": 0.0, "b": False, "c": "q", "s": "text",
                    "obj": None}
        for name, value in expected.items():
            with self.subTest(name=name):
                self.assertEqual(self.assertSameRead(r, name), ("ok", value))
                self.assertIs(type(m.getattr(r, name)), type(value))

    def test_values_set_from_python(self):
        r = Rec()
        for value in (1, -1, 255, 256, 257, -5, -6, 2**30, -2**31, 2**31 - 1):
            r.i = value
            self.assertEqual(self.assertSameRead(r, "i"), ("ok", value))
        for value in (0, 7, -2**63, 2**63 - 1, 2**62, -2**62 - 1, 10**15):
            r.l = value
            r.n = value
            self.assertEqual(self.assertSameRead(r, "l"), ("ok", value))
            self.assertEqual(self.assertSameRead(r, "n"), ("ok", value))
        for value in (1.5, -0.0, 1e308, math.inf, 5e-324):
            r.d = value
            self.assertEqual(self.assertSameRead(r, "d"), ("ok", value))
        r.d = math.nan
        self.assertTrue(math.isnan(m.getattr(r, "d")))
        self.assertEqual(math.copysign(1.0, m.getattr(Rec(), "d")), 1.0)
        r.d = -0.0
        self.assertEqual(math.copysign(1.0, m.getattr(r, "d")), -1.0)
        r.f = 0.1
        self.assertEqual(self.assertSameRead(r, "f"), ("ok", r.f))
        r.b = True
        self.assertIs(m.getattr(r, "b"), True)

    def test_objects(self):
        r = Rec()
        payload = ["payload"]
        r.obj = payload
        r.objex = payload
        self.assertIs(m.getattr(r, "obj"), payload)
        self.assertIs(m.getattr(r, "objex"), payload)
        del r.objex
        from_c, from_python = c_and_python(r, "objex")
        self.assertIs(from_c[0], AttributeError)
        self.assertEqual(from_c, from_python)
        r.obj = None
        self.assertIsNone(m.getattr(r, "obj"))

    def test_value_outlives_collections(self):
        r = Rec()
        r.obj = {"k": [1, 2]}
        r.l = 2**40
        for _ in range(3):
            gc.collect()
            self.assertEqual(m.getattr_repeat(r, "obj", 500), {"k": [1, 2]})
            self.assertEqual(m.getattr_repeat(r, "l", 500), 2**40)
            self.assertEqual(m.getattr_repeat(r, "twice", 500), 2**41)

    def test_names(self):
        r = Rec()
        r.l = 12
        self.assertEqual(m.getattr(r, "".join(["l"])), 12)  # not interned
        self.assertEqual(m.getattr_string(r, "l"), 12)

        class Name(str):
            pass

        self.assertEqual(m.getattr(r, Name("l")), 12)
        self.assertEqual(outcome(m.getattr, r, 1), outcome(getattr, r, 1))
        self.assertEqual(self.assertSameRead(r, "missing")[0], AttributeError)


class GetSets(unittest.TestCase):
    def test_getters(self):
        r = Rec()
        r.l = 21
        self.assertEqual(c_and_python(r, "twice"), (("ok", 42), ("ok", 42)))
        self.assertEqual(c_and_python(r, "closure"), (("ok", "closure-data"), ("ok", "closure-data")))

    def test_errors(self):
        r = Rec()
        from_c, from_python = c_and_python(r, "broken")
        self.assertEqual(from_c, (ValueError, "broken getter"))
        self.assertEqual(from_c, from_python)
        from_c, from_python = c_and_python(r, "writeonly")
        self.assertIs(from_c[0], AttributeError)
        self.assertEqual(from_c, from_python)


class Subclasses(unittest.TestCase):
    def test_plain_subclass(self):
        class Sub(Rec):
            pass

        s = Sub()
        s.l = 5
        self.assertEqual(c_and_python(s, "l"), (("ok", 5), ("ok", 5)))
        self.assertEqual(m.getattr(s, "twice"), 10)

    def test_instance_dict_comes_after_the_member(self):
        class WithDict(Rec):
            pass

        w = WithDict()
        w.l = 3
        w.__dict__["l"] = "shadow"
        w.__dict__["extra"] = "from the dict"
        self.assertEqual(c_and_python(w, "l"), (("ok", 3), ("ok", 3)))
        self.assertEqual(m.getattr(w, "extra"), "from the dict")

    def test_overrides(self):
        class Prop(Rec):
            l = property(lambda self: "property")

        class GetAttribute(Rec):
            def __getattribute__(self, name):
                return "getattribute " + name

        class GetAttr(Rec):
            def __getattr__(self, name):
                return "getattr " + name

        self.assertEqual(m.getattr(Prop(), "l"), "property")
        self.assertEqual(m.getattr(GetAttribute(), "l"), "getattribute l")
        self.assertEqual(m.getattr(GetAttr(), "l"), 0)
        self.assertEqual(m.getattr(GetAttr(), "nope"), "getattr nope")

    def test_class_changed_later(self):
        class Later(Rec):
            pass

        obj = Later()
        obj.l = 8
        self.assertEqual(m.getattr(obj, "l"), 8)
        Later.l = property(lambda self: "now a property")
        self.assertEqual(m.getattr(obj, "l"), "now a property")
        del Later.l
        self.assertEqual(m.getattr(obj, "l"), 8)
        Later.twice = 99  # found on Later before the getset on Rec
        self.assertEqual(c_and_python(obj, "twice"), (("ok", 99), ("ok", 99)))

    def test_descriptor_of_another_type(self):
        class Borrowed(Other):
            l = Rec.__dict__["l"]
            twice = Rec.__dict__["twice"]

        b = Borrowed()
        for name in ("l", "twice"):
            with self.subTest(name=name):
                from_c, from_python = c_and_python(b, name)
                self.assertIs(from_c[0], TypeError)
                self.assertEqual(from_c, from_python)
        b.x = 4
        self.assertEqual(m.getattr(b, "x"), 4)

    def test_other_attributes_of_c_objects(self):
        r = Rec()
        r.l = 6
        method = m.getattr(r, "describe")
        self.assertEqual(method(), "Rec(l=6)")
        self.assertIs(method.__self__, r)
        self.assertEqual(m.getattr(r, "__class__"), Rec)
        self.assertEqual(m.getattr_string(r, "describe")(), "Rec(l=6)")

        class Sub(Rec):
            kind = "class attribute"

            def method(self):
                return "python method"

        s = Sub()
        s.dynamic = [1]
        self.assertEqual(m.getattr(s, "kind"), "class attribute")
        self.assertEqual(m.getattr(s, "method")(), "python method")
        self.assertEqual(m.getattr(s, "dynamic"), [1])
        self.assertEqual(c_and_python(s, "absent")[0][0], AttributeError)
        self.assertEqual(c_and_python(s, "absent")[0], c_and_python(s, "absent")[1])

    def test_other_objects(self):
        self.assertEqual(m.getattr(3, "real"), 3)
        self.assertEqual(m.getattr(Rec, "__name__"), "Rec")
        self.assertIs(m.getattr(Rec, "l"), Rec.__dict__["l"])


class BuildValue(unittest.TestCase):
    def test_common_shapes(self):
        expected = [(7, "abc", 2.5), (7,), ("abc", 2.5), (), ((7,), ("abc",), [2.5]), ((7, 2.5), ("abc",)),
                    (None, "a")]
        self.assertEqual(m.build_common(7, 2.5, "abc"), expected)
        text = "x" + "é" * 40 + "\U0001f600"
        big = m.build_common(2**31 - 1, -1e300, text)
        self.assertEqual(big[0], (2**31 - 1, text, -1e300))
        self.assertEqual(big[6], (None, "x"))
        for _ in range(3):
            for k in range(300):
                self.assertEqual(m.build_common(k, k / 2, str(k))[0], (k, str(k), k / 2))
            gc.collect()

    def test_items_c_kept(self):
        t, first = m.build_then_borrow()
        self.assertEqual(t, ("kept", 1.5))
        self.assertIs(first, t[0])

    def test_failure(self):
        with self.assertRaises(SystemError):
            m.build_failing()


if __name__ == "__main__":
    unittest.main(verbosity=2)
