"""Driver for capi_type.c: a static type with most slots, and Python
subclasses of it that override methods."""

import gc
import pickle
import unittest

import capi_type as m
from capi_type import Vec


def collect_until(pred, tries=10):
    """gc.collect() until pred() holds: under a runtime without reference
    counting, an object dies at a collection, not at its last `del`."""
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


class Slots(unittest.TestCase):
    def test_type_object(self):
        self.assertIsInstance(Vec, type)
        self.assertEqual(Vec.__name__, "Vec")
        self.assertEqual(Vec.__qualname__, "Vec")
        self.assertEqual(Vec.__module__, "capi_type")
        self.assertEqual(Vec.__doc__, "A growable vector of C longs.")
        self.assertEqual(Vec.__text_signature__, "(items=(), label=None)")
        self.assertIs(Vec.__base__, object)
        self.assertEqual(Vec.__mro__, (Vec, object))
        self.assertEqual(m.type_info(), ("capi_type.Vec", True, True, True, True))
        self.assertIs(m.Vec, Vec)

    def test_new_and_init(self):
        v = Vec([1, 2, 3], label="lbl")
        self.assertEqual(v.tolist(), [1, 2, 3])
        self.assertEqual(v.label, "lbl")
        self.assertEqual(Vec().tolist(), [])
        self.assertEqual(Vec(range(5)).tolist(), [0, 1, 2, 3, 4])
        v.__init__([9])
        self.assertEqual(v.tolist(), [9])
        with self.assertRaises(TypeError):
            Vec(["x"])
        with self.assertRaises(TypeError):
            Vec(5)
        with self.assertRaises(TypeError):
            Vec([], nope=1)
        w = Vec.__new__(Vec)  # tp_new without tp_init
        self.assertEqual(w.tolist(), [])
        self.assertIsNone(w.label)

    def test_made_from_c(self):
        v = m.make_vec([4, 5], "c")
        self.assertIs(type(v), Vec)
        self.assertEqual((v.tolist(), v.label), ([4, 5], "c"))

    def test_repr(self):
        self.assertEqual(repr(Vec([1, 2])), "Vec([1, 2])")
        self.assertEqual(str(Vec()), "Vec([])")

    def test_members(self):
        v = Vec()
        self.assertIsNone(v.label)
        v.label = [1]
        self.assertEqual(v.label, [1])
        del v.label  # T_OBJECT_EX: deleting leaves it unset
        with self.assertRaises(AttributeError):
            v.label
        v.label = "back"
        self.assertEqual(v.flags, 0)
        v.flags = -5
        self.assertEqual(v.flags, -5)
        with self.assertRaises(TypeError):
            v.flags = "x"
        with self.assertRaises(OverflowError):
            v.flags = 2**70
        self.assertEqual(v.scale, 1.0)
        with self.assertRaises(AttributeError):
            v.scale = 2.0  # READONLY
        v.append(1)
        self.assertEqual(v.size, 1)
        self.assertEqual(m.peek(v), (1, "back", -5, 1.0))
        self.assertEqual(Vec.label.__doc__, "A free-form label.")

    def test_getset(self):
        v = Vec([1, 2, 3])
        self.assertEqual(v.total, 6)
        self.assertEqual(v.first, 1)
        v.first = 10
        self.assertEqual(v.tolist(), [10, 2, 3])
        with self.assertRaises(AttributeError):
            v.total = 1  # no setter
        with self.assertRaises(TypeError):
            del v.first
        with self.assertRaises(AttributeError):
            Vec().first
        self.assertEqual(v.closure, "closure-data")
        self.assertEqual(Vec.total.__doc__, "Sum of the items.")

    def test_no_instance_dict(self):
        v = Vec()
        with self.assertRaises(AttributeError):
            v.anything = 1
        self.assertFalse(hasattr(v, "__dict__"))

    def test_methods(self):
        v = Vec()
        self.assertIsNone(v.append(3))
        self.assertEqual(v.tolist(), [3])
        with self.assertRaises(TypeError):
            v.append()
        with self.assertRaises(TypeError):
            v.tolist(1)
        self.assertEqual(Vec.append.__doc__, "Append an int.")
        Vec.append(v, 4)  # through the unbound method descriptor
        self.assertEqual(v.tolist(), [3, 4])
        with self.assertRaises(TypeError):
            Vec.append(1, 2)  # wrong self type
        self.assertEqual(Vec.zeros(3).tolist(), [0, 0, 0])
        self.assertIs(type(Vec.zeros(1)), Vec)
        self.assertEqual(Vec.describe(), "a vector of C longs")
        self.assertEqual(v.describe(), "a vector of C longs")

    def test_richcompare_and_hash(self):
        self.assertEqual(Vec([1, 2]), Vec([1, 2]))
        self.assertNotEqual(Vec([1, 2]), Vec([1]))
        self.assertFalse(Vec([1]) == [1])  # NotImplemented both ways -> identity
        self.assertTrue(Vec([1]) != [1])
        with self.assertRaises(TypeError):
            Vec() < Vec()
        self.assertEqual(hash(Vec([1, 2])), hash((1, 2)))
        self.assertEqual(len({Vec([1]), Vec([1]), Vec([2])}), 2)

    def test_iteration(self):
        v = Vec([5, 6, 7])
        self.assertEqual(list(v), [5, 6, 7])
        it = iter(v)
        self.assertIs(iter(it), it)
        self.assertEqual(next(it), 5)
        self.assertEqual(list(it), [6, 7])
        with self.assertRaises(StopIteration):
            next(it)
        self.assertEqual(type(it).__name__, "VecIter")
        self.assertEqual(sum(Vec(range(100))), 4950)
        self.assertEqual([x * 2 for x in Vec([1, 2])], [2, 4])
        a, b = Vec([1, 2])
        self.assertEqual((a, b), (1, 2))

    def test_number_slot(self):
        self.assertEqual(Vec([1, 2]) + Vec([10, 20]), Vec([11, 22]))
        with self.assertRaises(TypeError):
            Vec([1]) + 1
        with self.assertRaises(TypeError):
            1 + Vec([1])
        with self.assertRaises(ValueError):
            Vec([1]) + Vec([1, 2])
        v = Vec([1])
        v += Vec([1])  # no nb_inplace_add: falls back to nb_add, rebinding v
        self.assertEqual(v, Vec([2]))

    def test_length_and_subscript(self):
        v = Vec([1, 2, 3, 4])
        self.assertEqual(len(v), 4)
        self.assertEqual(len(Vec()), 0)
        self.assertFalse(Vec())  # truth from the length
        self.assertEqual(v[0], 1)
        self.assertEqual(v[-1], 4)
        self.assertEqual(v[1:3], [2, 3])
        self.assertEqual(v[::-2], [4, 2])
        with self.assertRaises(IndexError):
            v[4]
        with self.assertRaises(TypeError):
            v["a"]
        v[1] = 20
        v[-1] = 40
        self.assertEqual(v.tolist(), [1, 20, 3, 40])
        with self.assertRaises(TypeError):
            del v[0]
        with self.assertRaises(IndexError):
            v[9] = 1

    def test_call(self):
        v = Vec([1, 2])
        self.assertEqual(v(3), Vec([3, 6]))
        self.assertEqual(v(factor=-1), Vec([-1, -2]))
        self.assertTrue(callable(v))
        with self.assertRaises(TypeError):
            v()

    def test_not_picklable_by_default_without_crashing(self):
        # Without __reduce__ support the attempt must fail cleanly.
        try:
            pickle.dumps(Vec([1]))
        except (TypeError, pickle.PicklingError):
            pass

    def test_dealloc_runs(self):
        gc.collect()
        base = m.live_count()
        objs = [Vec([i]) for i in range(100)]
        self.assertEqual(m.live_count(), base + 100)
        del objs
        self.assertTrue(collect_until(lambda: m.live_count() == base), m.live_count())
        # Temporaries made by slots die too.
        for _ in range(50):
            Vec([1]) + Vec([2])
        self.assertTrue(collect_until(lambda: m.live_count() == base), m.live_count())


class Sub(Vec):
    """A Python subclass: extra state in __dict__, overridden methods."""

    def __init__(self, items=(), label=None, extra="x"):
        super().__init__(items, label)
        self.extra = extra

    def hook(self, x):
        return ("sub", x, self.extra)

    def tolist(self):
        return ["sub"] + super().tolist()

    def __repr__(self):
        return "Sub:" + super().__repr__()


class Subclassing(unittest.TestCase):
    def test_subclass_instance(self):
        s = Sub([1, 2], label="L", extra="E")
        self.assertIsInstance(s, Vec)
        self.assertTrue(issubclass(Sub, Vec))
        self.assertEqual(Sub.__mro__, (Sub, Vec, object))
        self.assertEqual(s.extra, "E")
        s.more = 1  # subclasses have a __dict__
        self.assertEqual(s.__dict__, {"extra": "E", "more": 1})
        self.assertEqual(m.peek(s), (2, "L", 0, 1.0))

    def test_overrides_from_python(self):
        s = Sub([1, 2])
        self.assertEqual(s.tolist(), ["sub", 1, 2])
        self.assertEqual(repr(s), "Sub:Sub([1, 2])")

    def test_c_calls_reach_python_override(self):
        self.assertEqual(Vec([], label="base").call_hook(5), ("base", 5))
        self.assertEqual(Sub([], extra="E").call_hook(5), ("sub", 5, "E"))

    def test_inherited_slots_work_on_subclass(self):
        s = Sub([1, 2, 3])
        self.assertEqual(len(s), 3)
        self.assertEqual(s[1], 2)
        self.assertEqual(list(s), [1, 2, 3])
        self.assertEqual(s.total, 6)
        self.assertEqual(s + Vec([1, 1, 1]), Vec([2, 3, 4]))
        self.assertEqual(s(2), Vec([2, 4, 6]))
        self.assertEqual(s, Vec([1, 2, 3]))

    def test_classmethod_on_subclass(self):
        z = Sub.zeros(2)
        self.assertIs(type(z), Sub)
        self.assertEqual(z.extra, "x")
        self.assertEqual(z.tolist(), ["sub", 0, 0])

    def test_python_dunder_overrides_slot(self):
        class Add(Vec):
            def __add__(self, other):
                return "py-add"

            def __len__(self):
                return 99

            def __getitem__(self, i):
                return ("py", i)
        a = Add([1])
        self.assertEqual(a + Vec([1]), "py-add")
        self.assertEqual(len(a), 99)
        self.assertEqual(a[0], ("py", 0))
        self.assertEqual(Vec([1]) + Vec([1]), Vec([2]))  # the base is untouched

    def test_deep_and_slotted_subclasses(self):
        class Deeper(Sub):
            def hook(self, x):
                return ("deeper",) + super().hook(x)

        class Slotted(Vec):
            __slots__ = ("a",)
        d = Deeper([7], extra="D")
        self.assertEqual(d.call_hook(1), ("deeper", "sub", 1, "D"))
        sl = Slotted([1])
        sl.a = 5
        self.assertEqual((sl.a, sl.tolist()), (5, [1]))
        with self.assertRaises(AttributeError):
            sl.b = 1

    def test_subclass_instances_are_deallocated(self):
        gc.collect()
        base = m.live_count()
        items = [Sub([i], extra=[i]) for i in range(50)]
        # A cycle through the subclass instance's __dict__.
        for s in items:
            s.me = s
        self.assertEqual(m.live_count(), base + 50)
        del items, s
        self.assertTrue(collect_until(lambda: m.live_count() == base), m.live_count())


if __name__ == "__main__":
    unittest.main(verbosity=2)
