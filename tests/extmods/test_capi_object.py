"""Driver for capi_object.c: the object, call, iterator, number, sequence and
mapping protocols, on builtins and on Python classes with dunder methods."""

import collections
import math
import operator
import unittest

import capi_object as m


class Thing:
    cls_attr = "class"

    def __init__(self):
        self.x = 1

    def method(self, *args, **kwargs):
        return ("method", args, kwargs)

    def __getattr__(self, name):
        if name == "dynamic":
            return "made"
        raise AttributeError(name)


class Boom:
    @property
    def bad(self):
        raise ZeroDivisionError("property")


class Vec:
    """A small number-like class: every operator defined in Python."""

    def __init__(self, *v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Vec) and self.v == other.v

    def __lt__(self, other):
        return self.v < other.v

    __hash__ = None

    def __repr__(self):
        return f"Vec{self.v}"

    def __add__(self, o):
        return Vec(*(a + b for a, b in zip(self.v, o.v)))

    def __iadd__(self, o):
        self.v = tuple(a + b for a, b in zip(self.v, o.v))
        return self

    def __mul__(self, k):
        return Vec(*(a * k for a in self.v))

    def __rmul__(self, k):
        return self * k

    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.v, o.v))

    def __neg__(self):
        return Vec(*(-a for a in self.v))

    def __pos__(self):
        return self

    def __abs__(self):
        return math.hypot(*self.v)

    def __invert__(self):
        return Vec(*reversed(self.v))

    def __len__(self):
        return len(self.v)

    def __bool__(self):
        return any(self.v)


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Seq:
    """A sequence implemented in Python (no list underneath for C to see)."""

    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(*self.items[i])
        return self.items[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            self.items[i] = list(v)
        else:
            self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __eq__(self, other):
        return isinstance(other, Seq) and self.items == other.items


class Attributes(unittest.TestCase):
    def test_getattr(self):
        t = Thing()
        self.assertEqual(m.getattr(t, "x"), 1)
        self.assertEqual(m.getattr(t, "cls_attr"), "class")
        self.assertEqual(m.getattr(t, "dynamic"), "made")
        self.assertEqual(m.getattr_string(t, "x"), 1)
        self.assertEqual(m.getattr(t, "method")(1), ("method", (1,), {}))
        with self.assertRaises(AttributeError):
            m.getattr(t, "missing")
        with self.assertRaises(ZeroDivisionError):
            m.getattr(Boom(), "bad")
        with self.assertRaises(TypeError):
            m.getattr(t, 5)
        self.assertIs(m.getattr(math, "pi"), math.pi)

    def test_setattr_delattr(self):
        t = Thing()
        m.setattr(t, "y", [1])
        self.assertEqual(t.y, [1])
        m.setattr_string(t, "z", "zz")
        self.assertEqual(t.z, "zz")
        m.setattr(t, "y")  # NULL value deletes
        self.assertFalse(hasattr(t, "y"))
        m.delattr_string(t, "z")
        self.assertFalse(hasattr(t, "z"))
        with self.assertRaises(AttributeError):
            m.delattr_string(t, "z")
        with self.assertRaises(AttributeError):
            m.setattr(1, "real", 2)  # read-only builtin attribute

    def test_hasattr(self):
        t = Thing()
        self.assertEqual(m.hasattr(t, "x"), (True, True))
        self.assertEqual(m.hasattr(t, "dynamic"), (True, True))
        self.assertEqual(m.hasattr(t, "nope"), (False, False))
        # Errors other than AttributeError are swallowed too (3.11 semantics).
        self.assertEqual(m.hasattr(Boom(), "bad"), (False, False))

    def test_generic_getattr(self):
        t = Thing()
        self.assertEqual(m.generic_getattr(t, "x"), 1)
        with self.assertRaises(AttributeError):
            m.generic_getattr(t, "dynamic")  # __getattr__ is not consulted

    def test_dir(self):
        self.assertIn("method", m.dir(Thing()))
        self.assertIn("append", m.dir([]))


class Items(unittest.TestCase):
    def test_get_set_del(self):
        d = {}
        m.setitem(d, "k", 1)
        self.assertEqual(m.getitem(d, "k"), 1)
        m.delitem(d, "k")
        self.assertEqual(d, {})
        with self.assertRaises(KeyError):
            m.getitem(d, "k")
        l = [1, 2, 3]
        self.assertEqual(m.getitem(l, -1), 3)
        self.assertEqual(m.getitem(l, slice(0, 2)), [1, 2])
        self.assertEqual(m.getitem(l, Idx(1)), 2)
        m.setitem(l, slice(0, 2), "ab")
        self.assertEqual(l, ["a", "b", 3])
        with self.assertRaises(IndexError):
            m.getitem(l, 10)
        with self.assertRaises(TypeError):
            m.getitem(l, "x")
        with self.assertRaises(TypeError):
            m.setitem((1,), 0, 2)
        s = Seq(1, 2)
        self.assertEqual(m.getitem(s, 0), 1)
        self.assertEqual(m.getitem(collections.Counter(), "z"), 0)  # __missing__


class Conversions(unittest.TestCase):
    def test_strings(self):
        self.assertEqual(m.strings("\u00e9"), ("'\u00e9'", "\u00e9", "'\\xe9'"))
        self.assertEqual(m.strings(Vec(1, 2)), ("Vec(1, 2)", "Vec(1, 2)", "Vec(1, 2)"))
        self.assertEqual(m.strings(None), ("None", "None", "None"))

    def test_bytes(self):
        self.assertEqual(m.bytes(b"x"), b"x")
        self.assertEqual(m.bytes([65, 66]), b"AB")
        self.assertEqual(m.bytes(bytearray(b"ba")), b"ba")
        with self.assertRaises(TypeError):
            m.bytes("str")

    def test_format(self):
        self.assertEqual(m.format(3.14159, ".2f"), "3.14")
        self.assertEqual(m.format(255, "#x"), "0xff")
        self.assertEqual(m.format("s", ">3"), "  s")
        self.assertEqual(m.format(Vec(1), ""), "Vec(1,)")

    def test_hash(self):
        for v in (0, 1, -1, 2**100, "abc", (1, "x"), 1.5, None, frozenset({1})):
            self.assertEqual(m.hash(v), hash(v), repr(v))
        t = Thing()
        self.assertEqual(m.hash(t), hash(t))
        with self.assertRaises(TypeError):
            m.hash([])
        with self.assertRaises(TypeError):
            m.hash(Vec())

    def test_truth(self):
        for v, want in ((0, False), (1, True), ("", False), ([0], True), (None, False),
                        (Vec(0, 0), False), (Vec(0, 1), True), (Seq(), False)):
            self.assertEqual(m.truth(v), (want, not want), repr(v))

    def test_richcompare(self):
        self.assertEqual(m.richcompare(1, 2, m.Py_LT), (True, True))
        self.assertEqual(m.richcompare(1, 2, m.Py_GE), (False, False))
        self.assertEqual(m.richcompare("a", "a", m.Py_EQ), (True, True))
        self.assertEqual(m.richcompare(Vec(1), Vec(2), m.Py_LT), (True, True))
        self.assertEqual(m.richcompare(Vec(1), Vec(1), m.Py_NE), (False, False))
        # RichCompare returns whatever __eq__ returns; RichCompareBool makes it a bool.
        res, flag = m.richcompare([1], [1], m.Py_LE)
        self.assertIs(res, True)

        class Weird:
            def __eq__(self, other):
                return "truthy"
        self.assertEqual(m.richcompare(Weird(), 1, m.Py_EQ), ("truthy", True))
        # Identity implies equality for RichCompareBool, even for NaN.
        nan = math.nan
        self.assertEqual(m.richcompare(nan, nan, m.Py_EQ), (False, True))
        with self.assertRaises(TypeError):
            m.richcompare(1, "a", m.Py_LT)

    def test_isinstance(self):
        self.assertEqual(m.isinstance(True, int), (True, True, 1))
        self.assertEqual(m.isinstance(1, str), (False, False, 0))
        self.assertEqual(m.isinstance(1, (str, int))[:2], (True, True))

        class Meta(type):
            def __instancecheck__(cls, inst):
                return inst == "magic"

            def __subclasscheck__(cls, sub):
                return sub is str

        class Magic(metaclass=Meta):
            pass
        self.assertEqual(m.isinstance("magic", Magic), (True, True, 0))
        self.assertEqual(m.isinstance("other", Magic)[0], False)

    def test_type(self):
        self.assertEqual(m.type(1), (int, True, True))
        self.assertEqual(m.type(Thing()), (Thing, True, True))
        self.assertEqual(m.type(int), (type, True, True))

    def test_size(self):
        self.assertEqual(m.size([1, 2]), 2)
        self.assertEqual(m.size({"a": 1}), 1)
        self.assertEqual(m.size(Vec(1, 2, 3)), 3)
        with self.assertRaises(TypeError):
            m.size(1)

    def test_callable_and_identity(self):
        self.assertTrue(m.callable_check(len))
        self.assertTrue(m.callable_check(Thing))
        self.assertTrue(m.callable_check(Thing().method))
        self.assertFalse(m.callable_check(Thing()))
        o = object()
        self.assertEqual(m.identity(o, o), (True, False, False, False))
        self.assertEqual(m.identity(None, o), (False, True, False, False))
        self.assertEqual(m.identity(True, True), (True, False, True, False))
        self.assertEqual(m.identity(False, 0), (False, False, False, True))


def record(*args, **kwargs):
    return (args, kwargs)


class Calls(unittest.TestCase):
    def test_call(self):
        self.assertEqual(m.call(record, (1, 2), None), ((1, 2), {}))
        self.assertEqual(m.call(record, (), {"a": 1}), ((), {"a": 1}))
        self.assertEqual(m.call(dict, (), {"x": 1}), {"x": 1})
        self.assertEqual(m.call(Thing().method, (5,), {"k": 6}), ("method", (5,), {"k": 6}))
        with self.assertRaises(TypeError):
            m.call(1, (), None)
        with self.assertRaises(ZeroDivisionError):
            m.call(lambda: 1 / 0, (), None)

    def test_call_object(self):
        self.assertEqual(m.call_object(record), ((), {}))
        self.assertEqual(m.call_object(record, (1,)), ((1,), {}))
        self.assertEqual(m.call_object(int, ("12",)), 12)

    def test_call_variants(self):
        o = object()
        got = m.call_variants(record, o)
        self.assertEqual(got[0], ((1, "two"), {}))
        self.assertEqual(got[1], ((o,), {}))
        self.assertEqual(got[2], ((), {}))
        self.assertEqual(got[3], ((o, o), {}))
        self.assertEqual(got[4], ((), {}))
        self.assertEqual(got[5], ((o,), {}))
        # CallFunction with the single unit "O" and a tuple argument spreads
        # the tuple into the argument list (documented C-API behaviour).
        self.assertEqual(m.call_variants(record, (1, 2))[1], ((1, 2), {}))
        self.assertEqual(m.call_variants(record, (1, 2))[5], (((1, 2),), {}))

    def test_call_method_variants(self):
        t = Thing()
        o = object()
        got = m.call_method_variants(t, "method", o)
        self.assertEqual(got, [("method", (7,), {}), ("method", (), {}),
                               ("method", (o,), {}), ("method", (), {}),
                               ("method", (o,), {}), ("method", (o,), {})])

        class K:
            @classmethod
            def method(cls, *args):
                return (cls, args)

            @staticmethod
            def static(*args):
                return args
        got = m.call_method_variants(K(), "method", 1)
        self.assertEqual(got, [(K, (7,)), (K, ()), (K, (1,)), (K, ()), (K, (1,)), (K, (1,))])
        got = m.call_method_variants(K, "static", 1)
        self.assertEqual(got, [(7,), (), (1,), (), (1,), (1,)])
        with self.assertRaises(AttributeError):
            m.call_method_variants(t, "nope", None)

    def test_vectorcall(self):
        self.assertEqual(m.vectorcall(record, (1, 2), {"a": 3, "b": 4}),
                         (((1, 2), {"a": 3, "b": 4}),) * 2)
        self.assertEqual(m.vectorcall(record, (), {}), (((), {}),) * 2)
        # Builtins, types and bound methods behind the vectorcall entry point.
        self.assertEqual(m.vectorcall(max, (3, 9, 4), {}), (9, 9))
        self.assertEqual(m.vectorcall(sorted, ([3, 1],), {"reverse": True}), ([3, 1], [3, 1]))
        self.assertEqual(m.vectorcall(dict, (), {"z": 0}), ({"z": 0}, {"z": 0}))
        self.assertEqual(m.vectorcall(Thing().method, (1,), {"k": 2})[0],
                         ("method", (1,), {"k": 2}))
        with self.assertRaises(TypeError):
            m.vectorcall(len, (), {"x": 1})


class Iteration(unittest.TestCase):
    def test_iterate(self):
        self.assertEqual(m.iterate([1, 2, 3]), [1, 2, 3])
        self.assertEqual(m.iterate("ab"), ["a", "b"])
        self.assertEqual(m.iterate({"k": 1}), ["k"])
        self.assertEqual(m.iterate(range(3)), [0, 1, 2])
        self.assertEqual(m.iterate(x * x for x in range(4)), [0, 1, 4, 9])
        self.assertEqual(m.iterate(Seq(5, 6)), [5, 6])  # via __getitem__
        it = iter([1, 2])
        self.assertEqual(m.iterate(it), [1, 2])  # an iterator is its own iterator
        with self.assertRaises(TypeError):
            m.iterate(5)

    def test_iterator_error_propagates(self):
        def gen():
            yield 1
            raise KeyError("mid-iteration")
        with self.assertRaises(KeyError):
            m.iterate(gen())

    def test_send(self):
        def echo():
            total = 0
            while True:
                v = yield total
                if v is None:
                    return f"done at {total}"
                total += v
        g = echo()
        self.assertEqual(m.send(g, [None, 1, 2, None, 5]),
                         [("next", 0), ("next", 1), ("next", 3), ("return", "done at 3")])
        with self.assertRaises(StopIteration):
            next(g)

        def raiser():
            yield 1
            raise ValueError("inside")
        with self.assertRaises(ValueError):
            m.send(raiser(), [None, None])


class Numbers(unittest.TestCase):
    def test_binary_on_ints_and_floats(self):
        for a, b in ((7, 3), (-7, 3), (2**70, 3), (7.5, 2), (3, 0.5)):
            got = m.number_binary(a, b)
            self.assertEqual(got["add"], a + b)
            self.assertEqual(got["sub"], a - b)
            self.assertEqual(got["mul"], a * b)
            self.assertEqual(got["truediv"], a / b)
            self.assertEqual(got["floordiv"], a // b)
            self.assertEqual(got["mod"], a % b)
            self.assertEqual(got["divmod"], divmod(a, b))
            self.assertEqual(got["pow"], a ** b)
            if isinstance(a, int) and isinstance(b, int):
                self.assertEqual(got["lshift"], a << b)
                self.assertEqual(got["rshift"], a >> b)
                self.assertEqual(got["and"], a & b)
                self.assertEqual(got["or"], a | b)
                self.assertEqual(got["xor"], a ^ b)
            else:
                self.assertEqual(got["lshift"], "TypeError")
            self.assertEqual(got["matmul"], "TypeError")

    def test_binary_errors_and_sequences(self):
        got = m.number_binary(1, 0)
        self.assertEqual(got["truediv"], "ZeroDivisionError")
        self.assertEqual(got["mod"], "ZeroDivisionError")
        got = m.number_binary("ab", 2)
        self.assertEqual(got["mul"], "abab")  # sequence repeat through nb_multiply
        self.assertEqual(got["add"], "TypeError")
        self.assertEqual(got["mod"], "TypeError")  # "ab" % 2: not all arguments converted
        got = m.number_binary([1], [2])
        self.assertEqual(got["add"], [1, 2])
        self.assertEqual(m.number_binary({1}, {2})["or"], {1, 2})

    def test_binary_on_python_class(self):
        got = m.number_binary(Vec(1, 2), Vec(3, 4))
        self.assertEqual(got["add"], Vec(4, 6))
        self.assertEqual(got["matmul"], 11)
        self.assertEqual(got["sub"], "TypeError")
        self.assertEqual(m.number_binary(2, Vec(1, 2))["mul"], Vec(2, 4))  # reflected

    def test_unary(self):
        self.assertEqual(m.number_unary(-5), (5, -5, 5, 4))
        neg, pos, ab, inv = m.number_unary(Vec(3, 4))
        self.assertEqual((neg, ab, inv), (Vec(-3, -4), 5.0, Vec(4, 3)))
        with self.assertRaises(TypeError):
            m.number_unary(1.5)  # ~1.5

    def test_power_mod(self):
        self.assertEqual(m.number_power_mod(3, 200, 7), pow(3, 200, 7))
        self.assertEqual(m.number_power_mod(3, -1, 7), pow(3, -1, 7))
        with self.assertRaises(ValueError):
            m.number_power_mod(2, 3, 0)

    def test_index_long_float(self):
        self.assertEqual(m.number_index(Idx(5)), 5)
        self.assertIs(type(m.number_index(True)), int)  # exact int since 3.10
        with self.assertRaises(TypeError):
            m.number_index(5.0)
        self.assertEqual(m.number_long(5.9), 5)
        self.assertEqual(m.number_long("  -17 "), -17)
        self.assertEqual(m.number_long(Idx(3)), 3)
        self.assertIs(type(m.number_long(True)), int)
        with self.assertRaises(ValueError):
            m.number_long("x")
        self.assertEqual(m.number_float(2), 2.0)
        self.assertEqual(m.number_float("1e3"), 1000.0)
        self.assertEqual(m.number_float(Idx(4)), 4.0)
        with self.assertRaises(TypeError):
            m.number_float([])

    def test_as_ssize_t(self):
        self.assertEqual(m.number_as_ssize_t(Idx(-9), False), -9)
        with self.assertRaises(OverflowError):
            m.number_as_ssize_t(2**100, False)
        self.assertEqual(m.number_as_ssize_t(2**100, True), 2**63 - 1)
        self.assertEqual(m.number_as_ssize_t(-(2**100), True), -(2**63))
        with self.assertRaises(TypeError):
            m.number_as_ssize_t(1.0, True)

    def test_to_base(self):
        self.assertEqual(m.number_to_base(255, 16), "0xff")
        self.assertEqual(m.number_to_base(-5, 2), "-0b101")
        self.assertEqual(m.number_to_base(8, 8), "0o10")
        self.assertEqual(m.number_to_base(Idx(10), 10), "10")

    def test_inplace(self):
        l = [1]
        r = m.number_inplace_add(l, [2])
        self.assertIs(r, l)
        self.assertEqual(l, [1, 2])
        r = m.number_inplace_multiply(l, 2)
        self.assertIs(r, l)
        self.assertEqual(l, [1, 2, 1, 2])
        v = Vec(1, 1)
        self.assertIs(m.number_inplace_add(v, Vec(1, 2)), v)
        self.assertEqual(v, Vec(2, 3))
        t = (1,)
        r = m.number_inplace_add(t, (2,))
        self.assertEqual(r, (1, 2))
        self.assertEqual(t, (1,))
        self.assertEqual(m.number_inplace_add(2**64, 1), 2**64 + 1)

    def test_checks(self):
        self.assertEqual(m.number_checks(1), (True, True))
        self.assertEqual(m.number_checks(1.5), (True, False))
        self.assertEqual(m.number_checks(Idx(1)), (True, True))
        self.assertEqual(m.number_checks("1"), (False, False))


class Sequences(unittest.TestCase):
    def test_read_list_tuple_str(self):
        for s in ([1, 2, 3, 2], (1, 2, 3, 2)):
            check, size, first, last, sl, contains, count, index, as_list, as_tuple = m.seq_read(s)
            self.assertTrue(check)
            self.assertEqual((size, first, last), (4, 1, 2))
            self.assertEqual(sl, type(s)([2, 3]))
            self.assertEqual((contains, count, index), (True, 2, 1))
            self.assertEqual(as_list, [1, 2, 3, 2])
            self.assertEqual(as_tuple, (1, 2, 3, 2))
        self.assertEqual(m.seq_read(range(5))[5:8], (True, 1, 2))

    def test_read_python_sequence(self):
        check, size, first, last, sl, contains, count, index, as_list, _ = m.seq_read(Seq(7, 2, 9))
        self.assertTrue(check)
        self.assertEqual((size, first, last, sl), (3, 7, 9, Seq(2, 9)))
        self.assertEqual((contains, count, index, as_list), (True, 1, 1, [7, 2, 9]))

    def test_dict_is_not_a_sequence(self):
        with self.assertRaises(TypeError):
            m.seq_read({1: 2})

    def test_write(self):
        l = [1, 2, 3, 4]
        m.seq_write(l)
        self.assertEqual(l, ["first", "x", "y", 3])
        s = Seq(1, 2, 3, 4)
        m.seq_write(s)
        self.assertEqual(s.items, ["first", "x", "y", 3])
        with self.assertRaises(TypeError):
            m.seq_write((1, 2, 3))

    def test_arith(self):
        a = [1]
        self.assertEqual(m.seq_arith(a, [2]), ([1, 2], [1, 1, 1], [1, 2]))
        self.assertEqual(a, [1, 2])  # the in-place concat mutated it
        self.assertEqual(m.seq_arith("a", "b"), ("ab", "aaa", "ab"))
        with self.assertRaises(TypeError):
            m.seq_arith(1, 2)


class Mappings(unittest.TestCase):
    def test_read_dict(self):
        d = {"a": 1, "b": 2}
        self.assertEqual(m.map_read(d),
                         (True, 2, 1, True, False, ["a", "b"], [1, 2], [("a", 1), ("b", 2)]))

    def test_read_python_mapping(self):
        class M(collections.abc.Mapping):
            def __init__(self):
                self.d = {"a": "A", "c": "C"}

            def __getitem__(self, k):
                return self.d[k]

            def __iter__(self):
                return iter(self.d)

            def __len__(self):
                return len(self.d)
        got = m.map_read(M())
        self.assertEqual(got[:5], (True, 2, "A", True, False))
        self.assertEqual(sorted(got[5]), ["a", "c"])
        self.assertEqual(sorted(got[7]), [("a", "A"), ("c", "C")])

    def test_set_item_string(self):
        d = {}
        m.map_set_string(d, "k\u00e9", 1)
        self.assertEqual(d, {"k\u00e9": 1})
        with self.assertRaises(TypeError):
            m.map_set_string((), "k", 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
