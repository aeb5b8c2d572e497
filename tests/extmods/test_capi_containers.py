"""Driver for capi_containers.c: tuple, list, dict and set from C, borrowed
references across allocation, and C/Python coherence of lists and dicts."""

import gc
import unittest

import capi_containers as m


def churn():
    """Allocate and collect: a full collection moves whatever a moving GC can
    move; the allocations make sure there is a young generation to empty."""
    junk = [[i, str(i), (i,), {i: i}] for i in range(5000)]
    del junk
    gc.collect()


class Key:
    """A key with its own __hash__/__eq__, equal to ints of the same value."""

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return self.v == (other.v if isinstance(other, Key) else other)


class BadHash:
    def __hash__(self):
        raise ZeroDivisionError("unhashable today")


class Tuples(unittest.TestCase):
    def test_build(self):
        a, b = object(), (1, "b")
        t1, t2, t3, empty = m.tuple_build(a, b)
        for t in (t1, t2, t3):
            self.assertIs(type(t), tuple)
            self.assertEqual(len(t), 2)
            self.assertIs(t[0], a)
            self.assertIs(t[1], b)
        self.assertEqual(t1, t2)
        self.assertEqual(hash(t1), hash((a, b)))
        self.assertEqual(empty, ())

    def test_read(self):
        o = object()
        t = (1, o, "x")
        got, via_macro, size, macro_size = m.tuple_read(t, 1)
        self.assertIs(got, o)
        self.assertIs(via_macro, o)
        self.assertEqual((size, macro_size), (3, 3))
        with self.assertRaises(IndexError):
            m.tuple_read(t, 3)
        with self.assertRaises(IndexError):
            m.tuple_read(t, -1)  # no negative indexing in the C API
        with self.assertRaises(SystemError):
            m.tuple_read([1], 0)  # not a tuple: a C-API misuse

    def test_set_item_out_of_range(self):
        with self.assertRaises(IndexError):
            m.tuple_set_out_of_range()

    def test_slice(self):
        t = tuple(range(10))
        self.assertEqual(m.tuple_slice(t, 2, 5), (2, 3, 4))
        self.assertEqual(m.tuple_slice(t, 8, 100), (8, 9))
        self.assertEqual(m.tuple_slice(t, 5, 2), ())

    def test_large_tuple_items(self):
        t = tuple(str(i) for i in range(5000))
        churn()
        self.assertEqual(m.tuple_read(t, 4999)[0], "4999")


class Lists(unittest.TestCase):
    def test_build(self):
        self.assertEqual(m.list_build(3), [-1, "set", 1, 2, 3])
        self.assertEqual(m.list_build(0), [-1, "set"])

    def test_build_is_a_real_list(self):
        l = m.list_build(4)
        l.append("py")
        l.sort(key=str)
        self.assertEqual(len(l), 7)
        self.assertIs(type(l), list)

    def test_read(self):
        o = object()
        l = [o, 2]
        got, via_macro, size, macro_size = m.list_read(l, 0)
        self.assertIs(got, o)
        self.assertIs(via_macro, o)
        self.assertEqual((size, macro_size), (2, 2))
        with self.assertRaises(IndexError):
            m.list_read(l, 2)

    def test_python_mutation_seen_through_macros(self):
        l = [1, 2, 3]
        self.assertEqual(m.list_sum_macro(l), 6)
        l.append(10)
        self.assertEqual(m.list_sum_macro(l), 16)
        l[0] = 100
        self.assertEqual(m.list_sum_macro(l), 115)
        l.extend(range(1000))  # reallocates the item array
        self.assertEqual(m.list_sum_macro(l), 115 + sum(range(1000)))
        del l[4:]
        l.insert(0, -15)
        self.assertEqual(m.list_sum_macro(l), 100)
        l.clear()
        self.assertEqual(m.list_sum_macro(l), 0)

    def test_c_mutation_seen_by_python(self):
        l = [0, 0, 0]
        o = object()
        m.list_set_macro(l, 1, o)
        self.assertIs(l[1], o)
        m.list_set_item(l, 2, "x")
        self.assertEqual(l, [0, o, "x"])
        self.assertEqual(l.index("x"), 2)
        self.assertIn(o, l)
        churn()
        self.assertIs(l[1], o)
        with self.assertRaises(IndexError):
            m.list_set_item(l, 3, 1)

    def test_ops(self):
        l = [3, 1, 2, 5]
        slice_, as_tuple = m.list_ops(l)
        self.assertEqual(slice_, [1, 2])
        self.assertEqual(as_tuple, (3, 1, 2, 5))
        self.assertEqual(l, [3, 2, 1])  # sorted, reversed, first removed
        with self.assertRaises(TypeError):
            m.list_ops([1, "a"])  # sort fails on mixed types

    def test_set_slice(self):
        l = list(range(6))
        m.list_set_slice(l, 1, 3, ["a", "b", "c"])
        self.assertEqual(l, [0, "a", "b", "c", 3, 4, 5])
        m.list_set_slice(l, 0, 4, None)
        self.assertEqual(l, [3, 4, 5])
        m.list_set_slice(l, 3, 3, [6])
        self.assertEqual(l, [3, 4, 5, 6])

    def test_fast_items(self):
        self.assertEqual(m.fast_items([1, 2]), [1, 2])
        self.assertEqual(m.fast_items((3,)), [3])
        self.assertEqual(m.fast_items(range(3)), [0, 1, 2])  # converted to a list
        self.assertEqual(m.fast_items(iter("ab")), ["a", "b"])
        with self.assertRaises(TypeError) as cm:
            m.fast_items(5)
        self.assertEqual(str(cm.exception), "fast_items: need a sequence")


class ListCoherence(unittest.TestCase):
    """One list, two writers: C through the macros (ob_item, ob_size) and
    Python, each seeing the other's changes at once, also while C keeps its
    pointer across calls and the collector moves the items."""

    def test_python_mutations_seen_by_c_during_a_call(self):
        l = [1, 2, 3]

        def mutate():
            l.append(10)
            l.insert(0, -1)
            l.sort(reverse=True)
            del l[1]
            churn()
            l.extend(range(100, 103))
            l[0] = "first"

        before, after = m.list_view_around(l, mutate)
        self.assertEqual(before, (3, (1, 2, 3)))
        self.assertEqual(l, ["first", 2, 1, -1, 100, 101, 102])
        self.assertEqual(after, (7, tuple(l)))
        before, after = m.list_view_around(l, l.clear)
        self.assertEqual(after, (0, ()))

    def test_stashed_list_both_ways(self):
        l = ["a", "b", "c"]
        m.list_stash(l)
        try:
            o = object()
            m.list_stash_set(1, o)
            self.assertIs(l[1], o)  # the list never crossed again
            self.assertEqual(len(l), 3)
            churn()
            self.assertIs(l[1], o)
            self.assertEqual(l.index(o), 1)
            l.append("d")
            l.reverse()
            self.assertEqual(m.list_stash_view(), (4, ("d", "c", o, "a")))
            l *= 2
            self.assertEqual(m.list_stash_view()[0], 8)
            del l[:]
            self.assertEqual(m.list_stash_view(), (0, ()))
            l.extend(str(i) for i in range(50))
            m.list_stash_wrap()
            self.assertEqual(l, [(str(i),) for i in range(50)])
            churn()
            self.assertEqual(l[49], ("49",))
            self.assertEqual(sorted(l, reverse=True)[0], ("9",))
        finally:
            m.list_stash_drop()
        l.append("after")
        self.assertEqual(len(l), 51)

    def test_items_only_c_holds_survive_collections(self):
        l = [[i] for i in range(200)]
        m.list_stash(l)
        try:
            for i in range(200):
                m.list_stash_set(i, [str(i)] * 3)
            churn()
            self.assertEqual(l[150], ["150"] * 3)
            self.assertEqual(m.list_stash_view()[1][199], ["199"] * 3)
        finally:
            m.list_stash_drop()

    def test_cython_style_fast_append_and_pop(self):
        l = []
        fast = [m.list_fast_append(l, i) for i in range(100)]
        self.assertEqual(l, list(range(100)))
        self.assertTrue(any(fast))
        popped = [m.list_fast_pop(l) for _ in range(60)]
        self.assertEqual(popped, list(range(99, 39, -1)))
        self.assertEqual(l, list(range(40)))
        l.append("end")
        self.assertEqual((len(l), l[-1]), (41, "end"))
        churn()
        self.assertEqual(l[:3] + l[-2:], [0, 1, 2, 39, "end"])


class BorrowedReferences(unittest.TestCase):
    def test_list_item_survives_churn(self):
        o = ["payload", 123]
        l = [None, o]
        del o
        got = m.hold_borrowed(l, 1, churn)
        self.assertIs(got, l[1])
        self.assertEqual(got, ["payload", 123])

    def test_tuple_item_survives_churn(self):
        t = (1.5, "s" * 100, object())
        got = m.hold_borrowed(t, 1, churn)
        self.assertIs(got, t[1])
        self.assertEqual(got, "s" * 100)

    def test_dict_value_survives_churn(self):
        d = {"k": {"inner": [1, 2, 3]}}
        got = m.hold_borrowed(d, "k", churn)
        self.assertIs(got, d["k"])
        self.assertEqual(got, {"inner": [1, 2, 3]})

    def test_big_int_item_survives_churn(self):
        l = [2**200 + 7]
        self.assertEqual(m.hold_borrowed(l, 0, churn), 2**200 + 7)


class Dicts(unittest.TestCase):
    def test_build(self):
        self.assertEqual(m.dict_build(), {1: "one", "two": "one"})

    def test_get(self):
        o = object()
        d = {"a": o, 1: None}
        self.assertEqual(m.dict_get(d, "a"), (o, o, True))
        self.assertIs(m.dict_get(d, "a")[0], o)
        self.assertEqual(m.dict_get(d, "zz"), (None, None, False))
        self.assertEqual(m.dict_get(d, 1.0), (None, None, True))  # 1.0 == 1
        self.assertEqual(m.dict_get({Key(5): "k"}, 5), ("k", "k", True))
        self.assertEqual(m.dict_get(d, Key("a"))[0], o)

    def test_get_with_error_reports_bad_hash(self):
        with self.assertRaises(ZeroDivisionError):
            m.dict_get({}, BadHash())
        with self.assertRaises(TypeError):
            m.dict_get({}, [])

    def test_get_string(self):
        self.assertEqual(m.dict_get_string({"caf\u00e9": 1}, "caf\u00e9"), 1)
        self.assertIsNone(m.dict_get_string({}, "missing"))

    def test_del(self):
        d = {"a": 1, "b": 2}
        m.dict_del(d, "a")
        self.assertEqual(d, {"b": 2})
        with self.assertRaises(KeyError):
            m.dict_del(d, "a")

    def test_next_order_and_identity(self):
        vals = [object() for _ in range(50)]
        d = {f"k{i}": v for i, v in enumerate(vals)}
        got = m.dict_next(d)
        self.assertEqual([k for k, _ in got], list(d))
        for (_, v), want in zip(got, vals):
            self.assertIs(v, want)
        del d["k0"]
        d["new"] = 1
        self.assertEqual([k for k, _ in m.dict_next(d)], list(d))
        self.assertEqual(m.dict_next({}), [])

    def test_values_replaced_during_next(self):
        d = {"a": 1, "b": 2, "c": 3}
        m.dict_scale_values(d)
        self.assertEqual(d, {"a": 10, "b": 20, "c": 30})
        self.assertEqual(list(d), ["a", "b", "c"])

    def test_views(self):
        d = {"x": 1, "y": 2}
        keys, values, items, size, copy = m.dict_views(d)
        self.assertEqual(keys, ["x", "y"])
        self.assertEqual(values, [1, 2])
        self.assertEqual(items, [("x", 1), ("y", 2)])
        self.assertEqual(size, 2)
        self.assertEqual(copy, d)
        self.assertIsNot(copy, d)
        copy["z"] = 3
        self.assertNotIn("z", d)

    def test_merge_update(self):
        self.assertEqual(m.dict_merge({"a": 1}, {"a": 2, "b": 3}, False), {"a": 1, "b": 3})
        self.assertEqual(m.dict_merge({"a": 1}, {"a": 2, "b": 3}, True), {"a": 2, "b": 3})

        class Mapping:
            def keys(self):
                return ["k"]

            def __getitem__(self, key):
                return key * 2
        self.assertEqual(m.dict_merge({}, Mapping(), True), {"k": "kk"})
        self.assertEqual(m.dict_update({"a": 1}, {"a": 9}), {"a": 9})
        self.assertEqual(m.dict_merge_seq2({}, [("a", 1), ["b", 2]]), {"a": 1, "b": 2})
        with self.assertRaises(ValueError):
            m.dict_merge_seq2({}, [("a", 1, 2)])

    def test_setdefault(self):
        d = {}
        first, second = [1], [2]
        self.assertIs(m.dict_setdefault(d, "k", first), first)
        self.assertIs(m.dict_setdefault(d, "k", second), first)
        self.assertEqual(d, {"k": [1]})

    def test_clear(self):
        d = {i: i for i in range(100)}
        m.dict_clear(d)
        self.assertEqual(d, {})
        d["again"] = 1
        self.assertEqual(d, {"again": 1})

    def test_size_macro_follows_python_mutation(self):
        d = {}
        self.assertEqual(m.dict_size_macro(d), 0)
        d["a"] = 1
        self.assertEqual(m.dict_size_macro(d), 1)
        d.update((i, i) for i in range(500))
        self.assertEqual(m.dict_size_macro(d), 501)
        del d["a"]
        d.pop(0)
        self.assertEqual(m.dict_size_macro(d), 499)
        d.clear()
        self.assertEqual(m.dict_size_macro(d), 0)

    def test_python_and_c_mutations_interleave(self):
        d = {}
        m.dict_update(d, {"c": 1})
        d["py"] = 2
        m.dict_del(d, "c")
        d.update({i: i for i in range(100)})  # forces a resize
        self.assertEqual(len(m.dict_next(d)), 101)
        self.assertEqual(m.dict_get(d, 50), (50, 50, True))


class Sets(unittest.TestCase):
    def test_ops(self):
        s, size, before, discarded, after, empty, frozen = m.set_ops([1, 2, 2, 3])
        self.assertEqual(s, {1, 2, 3})
        self.assertEqual(size, 4)
        self.assertTrue(before)
        self.assertTrue(discarded)
        self.assertFalse(after)
        self.assertEqual(empty, set())
        self.assertIs(type(empty), set)
        self.assertEqual(frozen, frozenset({1, 2, 3, 99}))
        self.assertIs(type(frozen), frozenset)
        with self.assertRaises(TypeError):
            m.set_ops([[1]])  # unhashable item

    def test_pop_all(self):
        popped = m.set_pop_all({"a", "b", "c"})
        self.assertEqual(sorted(popped), ["a", "b", "c"])
        self.assertEqual(m.set_pop_all(set()), [])

    def test_contains(self):
        self.assertTrue(m.set_contains({1, 2}, 2))
        self.assertTrue(m.set_contains(frozenset({1}), 1.0))
        self.assertFalse(m.set_contains({1}, 3))
        with self.assertRaises(TypeError):
            m.set_contains({1}, {})

    def test_clear(self):
        s = {1, 2, 3}
        m.set_clear(s)
        self.assertEqual(s, set())


if __name__ == "__main__":
    unittest.main(verbosity=2)
