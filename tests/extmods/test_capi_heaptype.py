"""Driver for capi_heaptype.c: heap types from specs, multi-phase init,
module state, and a GC type's instances collected."""

import gc
import importlib.util
import sys
import unittest

import capi_heaptype as m


def collect_until(pred, tries=10):
    """gc.collect() until pred() holds (objects die at collections)."""
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


def load_fresh():
    """A second, independent module object from the same extension file."""
    spec = importlib.util.find_spec("capi_heaptype")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class MultiPhase(unittest.TestCase):
    def test_module(self):
        self.assertEqual(m.__name__, "capi_heaptype")
        self.assertEqual(m.__doc__, "Heap types and multi-phase initialisation with module state.")
        self.assertIs(sys.modules["capi_heaptype"], m)
        self.assertEqual(m.EXEC_ORDER_OK, 1)  # exec slots ran in order

    def test_state(self):
        calls, exec_runs, same = m.state()
        self.assertEqual(exec_runs, 1)
        self.assertTrue(same)

    def test_second_load_is_independent(self):
        other = load_fresh()
        self.assertIsNot(other, m)
        self.assertIsNot(other.Counter, m.Counter)
        self.assertEqual(other.state()[1], 1)
        before = m.state()[0]
        c = other.Counter()
        c.bump()
        c.bump()
        self.assertEqual(other.state()[0], 2)
        self.assertEqual(m.state()[0], before)  # untouched
        self.assertFalse(isinstance(c, m.Counter))
        self.assertIs(c.module()[0], other)

    def test_module_state_freed(self):
        # The module, its state and the types in it form cycles (state ->
        # Counter -> module); m_free runs once the collector finds them
        # unreachable.
        freed = m.freed_modules()
        other = load_fresh()
        other.Counter(1)
        del other
        # importlib ran exec_dynamic as f(*args): the interpreter's C frame
        # may keep that (module,) tuple in a stack slot, which the
        # conservative stack scan honours (docs/differences.md, "gc.collect()
        # may leave an object alive"); another such call takes the slot.
        len(*("",))
        self.assertTrue(collect_until(lambda: m.freed_modules() > freed))

    def test_module_state_kept_while_a_type_lives(self):
        # A type keeps its module, and so the module's state, alive.
        freed = m.freed_modules()
        counter_type = load_fresh().Counter
        len(*("",))
        for _ in range(3):
            gc.collect()
        self.assertEqual(m.freed_modules(), freed)
        c = counter_type(2)
        c.bump()
        self.assertEqual(c.module()[0].state()[0], 1)


class HeapTypes(unittest.TestCase):
    def test_type_attributes(self):
        C = m.Counter
        self.assertEqual(C.__name__, "Counter")
        self.assertEqual(C.__qualname__, "Counter")
        self.assertEqual(C.__module__, "capi_heaptype")
        self.assertEqual(C.__doc__, "A counter in a heap type.")
        self.assertEqual(C.__text_signature__, "(value=0, payload=None)")
        self.assertIs(C.__base__, object)
        C.extra_class_attr = 1  # heap types are mutable by default
        self.assertEqual(C().extra_class_attr, 1)
        del C.extra_class_attr

    def test_instances(self):
        c = m.Counter(5, payload=[1])
        self.assertEqual(c.value, 5)
        self.assertEqual(c.payload, [1])
        self.assertEqual(repr(c), "<Counter value=5>")
        self.assertEqual(c.double, 10)
        self.assertEqual(len(c), 5)
        self.assertEqual(c.bump(), 6)
        self.assertEqual(c.bump(10), 16)
        with self.assertRaises(TypeError):
            c.bump(1, 2)
        with self.assertRaises(TypeError):
            c.bump(by=1)
        c.value = -3
        self.assertEqual(len(c), 0)
        d = c + 4
        self.assertIs(type(d), m.Counter)
        self.assertEqual(d.value, 1)
        with self.assertRaises(TypeError):
            c + "x"
        self.assertEqual(m.make_counter(9).value, 9)

    def test_module_state_through_defining_class(self):
        before = m.state()[0]
        c = m.Counter()
        c.bump()
        self.assertEqual(m.state()[0], before + 1)
        by_class, by_def = c.module()
        self.assertIs(by_class, m)
        self.assertIs(by_def, m)
        with self.assertRaises(m.Error) as cm:
            c.raise_error()
        self.assertEqual(str(cm.exception), "raised through the module state")

    def test_c_subclass_from_spec(self):
        S = m.SubCounter
        self.assertIs(S.__base__, m.Counter)
        s = S(3)
        self.assertEqual(s.describe(), "sub of value 3")
        self.assertEqual(s.bump(), 4)
        self.assertIs(s.module()[0], m)
        self.assertEqual(repr(s), "<SubCounter value=4>")
        self.assertIs(type(s + 1), S)

    def test_python_subclass(self):
        class Py(m.Counter):
            def __init__(self, v):
                super().__init__(v * 100)
                self.note = "py"

            def bump(self, by=1):
                return ("py", super().bump(by))
        before = m.state()[0]
        p = Py(1)
        self.assertEqual(p.value, 100)
        self.assertEqual(p.bump(), ("py", 101))
        self.assertEqual(m.state()[0], before + 1)  # the C bump found the state
        by_class, by_def = p.module()
        self.assertIs(by_class, m)
        self.assertIs(by_def, m)  # GetModuleByDef walks the MRO
        self.assertTrue(repr(p).endswith("Py value=101>"))

    def test_plain_from_spec(self):
        P = m.Plain
        self.assertEqual(P.__name__, "Plain")
        self.assertEqual(P.__module__, "capi_heaptype")
        p = P()  # object's tp_new, inherited
        self.assertEqual(p.x, 0.0)
        p.x = 2.5
        self.assertEqual(p.x, 2.5)
        with self.assertRaises(TypeError):
            P(1)  # object() takes no arguments
        del p
        gc.collect()

    def test_sealed(self):
        S = m.Sealed
        with self.assertRaises(TypeError):
            S()
        with self.assertRaises(TypeError):
            S.attr = 1
        self.assertEqual(S.__doc__, "Cannot be instantiated or modified.")


class GarbageCollection(unittest.TestCase):
    def test_instances_freed(self):
        gc.collect()
        base = m.counters_alive()
        cs = [m.Counter(i) for i in range(100)]
        self.assertEqual(m.counters_alive(), base + 100)
        del cs
        self.assertTrue(collect_until(lambda: m.counters_alive() == base))

    def test_cycle_through_payload_collected(self):
        gc.collect()
        base = m.counters_alive()
        for _ in range(20):
            c = m.Counter()
            holder = [c]
            c.payload = holder  # Counter -> list -> Counter
        del c, holder
        self.assertTrue(collect_until(lambda: m.counters_alive() == base),
                        m.counters_alive() - base)

    def test_self_cycle_collected(self):
        gc.collect()
        base = m.counters_alive()
        c = m.Counter()
        c.payload = c
        del c
        self.assertTrue(collect_until(lambda: m.counters_alive() == base))

    def test_payload_kept_alive_by_counter(self):
        c = m.Counter(payload=[object() for _ in range(3)] + ["marker"])
        gc.collect()
        junk = [[i] for i in range(10000)]
        del junk
        gc.collect()
        self.assertEqual(c.payload[-1], "marker")


if __name__ == "__main__":
    unittest.main(verbosity=2)
