"""Driver for capi_lifetime.c: object lifetime as C sees it.

Every check here must hold on a runtime without reference counting that
emulates refcounts for C (Tern) as well as on CPython.  So nothing asserts
*when* garbage dies -- only that it dies by some later gc.collect(), and that
nothing dies while C or Python can still reach it.  sys.getrefcount only
in differences: the references C takes and gives back count the same in both
(Tern counts nothing else; docs/differences.md).
"""

import gc
import sys
import unittest
import weakref

import capi_lifetime as m


def collect_until(pred, tries=10):
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


def churn():
    """Allocate and collect: a full collection moves whatever a moving GC can
    move; the allocations make sure there is a young generation to empty."""
    junk = [(i, str(i) * 3, [i], {"k": i}) for i in range(5000)]
    del junk
    gc.collect()
    gc.collect()


def count(kind):
    return m.counts()[kind]


class Payload:
    """A plain Python object (weak-referenceable) with checkable contents."""

    def __init__(self, n):
        self.data = list(range(n))
        self.text = "payload-%d" % n

    def intact(self, n):
        return self.data == list(range(n)) and self.text == "payload-%d" % n


class Freed(unittest.TestCase):
    def test_unreachable_c_objects_are_freed(self):
        gc.collect()
        base = count("tracked")
        objs = [m.Tracked(tag=i) for i in range(200)]
        self.assertEqual(count("tracked"), base + 200)
        self.assertEqual(objs[150].tag, 150)
        del objs
        self.assertTrue(collect_until(lambda: count("tracked") == base),
                        count("tracked") - base)

    def test_single_object_freed(self):
        gc.collect()
        base = count("tracked")
        x = m.Tracked()
        self.assertEqual(count("tracked"), base + 1)
        del x
        self.assertTrue(collect_until(lambda: count("tracked") == base))

    def test_reachable_c_objects_are_kept(self):
        gc.collect()
        base = count("tracked")
        keep = {"a": [m.Tracked(tag=7)]}
        churn()
        self.assertEqual(count("tracked"), base + 1)
        self.assertEqual(keep["a"][0].tag, 7)
        del keep
        self.assertTrue(collect_until(lambda: count("tracked") == base))

    def test_python_subclass_of_c_type_freed(self):
        class Sub(m.Tracked):
            pass
        gc.collect()
        base = count("tracked")
        s = Sub(tag=3)
        s.attr = [s]  # a cycle through the subclass's __dict__
        del s
        self.assertTrue(collect_until(lambda: count("tracked") == base))

    def test_c_allocated_refcount_arithmetic(self):
        gc.collect()
        base = count("tracked")
        start, up, down = m.own_refcount()
        self.assertGreaterEqual(start, 1)
        self.assertEqual(up, start + 1)
        self.assertEqual(down, start)
        # C dropped its last reference: the object is garbage.
        self.assertTrue(collect_until(lambda: count("tracked") == base))


class Cycles(unittest.TestCase):
    def test_cycle_through_c_object_collected(self):
        gc.collect()
        base = count("node")
        n = m.Node()
        holder = [n]
        n.ref = holder  # Node -> list -> Node
        self.assertEqual(count("node"), base + 1)
        del n, holder
        self.assertTrue(collect_until(lambda: count("node") == base))

    def test_long_chain_and_ring_collected(self):
        gc.collect()
        base = count("node")
        first = m.Node()
        cur = first
        for _ in range(500):
            cur = m.Node(ref=cur)
        first.ref = cur  # close the ring: 501 Nodes in one cycle
        self.assertEqual(count("node"), base + 501)
        del first, cur
        self.assertTrue(collect_until(lambda: count("node") == base),
                        count("node") - base)

    def test_cycle_kept_while_reachable(self):
        gc.collect()
        base = count("node")
        a = m.Node()
        b = m.Node(ref=a)
        a.ref = [b, "marker"]
        root = [a]
        del a, b
        churn()
        self.assertEqual(count("node"), base + 2)
        self.assertEqual(root[0].ref[1], "marker")
        self.assertIs(root[0].ref[0].ref, root[0])
        del root
        self.assertTrue(collect_until(lambda: count("node") == base))

    def test_cycle_with_mixed_objects(self):
        class Py:
            pass
        gc.collect()
        base = count("node")
        p = Py()
        n = m.Node(ref={"back": p})
        p.node = n
        del p, n
        self.assertTrue(collect_until(lambda: count("node") == base))


class Finalizers(unittest.TestCase):
    def test_finalizer_runs_before_dealloc(self):
        gc.collect()
        live = count("final")
        fin = count("finalized")
        log = []
        f = m.Final(log)
        self.assertEqual(log, [])
        del f
        self.assertTrue(collect_until(lambda: count("final") == live))
        self.assertEqual(log, ["finalized"])
        self.assertEqual(count("finalized"), fin + 1)

    def test_finalizer_in_cycle(self):
        gc.collect()
        live = count("final")
        log = []
        f = m.Final(log)
        log.append(f)  # Final -> log -> Final
        del f, log
        self.assertTrue(collect_until(lambda: count("final") == live))


class StrongReferencesFromC(unittest.TestCase):
    def test_incref_keeps_object_alive(self):
        p = Payload(100)
        w = weakref.ref(p)
        m.stash(p)
        del p  # now only C holds it
        churn()
        self.assertIsNotNone(w(), "object died while C held a strong reference")
        back = m.unstash()
        self.assertIs(back, w())
        self.assertTrue(back.intact(100))
        del back  # C released it; nobody holds it now
        self.assertTrue(collect_until(lambda: w() is None))

    def test_stashed_container_contents_intact(self):
        m.stash({"list": [1, 2, 3], "str": "x" * 1000, "big": 2**300})
        churn()
        got = m.unstash()
        self.assertEqual(got, {"list": [1, 2, 3], "str": "x" * 1000, "big": 2**300})

    def test_stash_replaced_releases_old(self):
        p = Payload(3)
        w = weakref.ref(p)
        m.stash(p)
        del p
        m.stash(None)  # Py_XSETREF drops C's reference to the Payload
        self.assertTrue(collect_until(lambda: w() is None))
        self.assertIsNone(m.unstash())

    def test_fresh_list_from_c(self):
        l = m.fresh_list(1000)
        churn()
        self.assertEqual(len(l), 1000)
        self.assertEqual(l[999], "item999")
        self.assertEqual(l[0], "item0")


class BorrowedReferences(unittest.TestCase):
    def test_borrowed_valid_while_owner_lives(self):
        item = Payload(10)
        owner = [None, item]
        w = weakref.ref(item)
        del item
        m.borrow(owner, 1)
        churn()
        got = m.read_borrowed()
        self.assertIs(got, owner[1])
        self.assertTrue(got.intact(10))
        del got
        m.forget_borrowed()
        del owner
        self.assertTrue(collect_until(lambda: w() is None))

    def test_borrowed_from_tuple(self):
        owner = ("a", "b" * 50, 2**100)
        m.borrow(owner, 2)
        churn()
        self.assertIs(m.read_borrowed(), owner[2])
        m.forget_borrowed()


class Identity(unittest.TestCase):
    def test_round_trip_is_identity(self):
        class K:
            pass
        values = [None, True, False, 0, 1, -5, 256, 257, 2**62, 2**200, -(2**70), 1.5,
                  float("nan"), 1j, "", "s", "\u20ac" * 10, b"b", (), (1, 2), [], {}, set(),
                  frozenset(), object(), K(), K, int, len, m, m.Tracked(), m.Node(),
                  range(3), Ellipsis, NotImplemented]
        for v in values:
            self.assertIs(m.identity(v), v, repr(v))

    def test_identity_stable_across_churn(self):
        vals = [object(), [1], "str" + str(id(self)), 2**100, (1,), 3.25]
        ids = [id(v) for v in vals]
        for v in vals:
            self.assertIs(m.identity(v), v)
        churn()
        for v, i in zip(vals, ids):
            self.assertIs(m.identity(v), v)
            self.assertEqual(id(v), i)

    def test_stash_round_trip_identity(self):
        o = object()
        m.stash(o)
        churn()
        self.assertIs(m.peek_stash(), o)
        self.assertIs(m.unstash(), o)

    def test_many_round_trips(self):
        # Many crossings of the same objects: proxies must not pile up or
        # get confused with each other.
        objs = [[i] for i in range(100)]
        for _ in range(50):
            for o in objs:
                self.assertIs(m.identity(o), o)
        self.assertEqual(objs[42], [42])


class PointersIntoStorage(unittest.TestCase):
    def test_pointers_stay_valid_while_held(self):
        s = "".join(["pinned-", "\u00e9\u20ac", str(12345)])
        b = bytes(range(40))
        t = tuple([object(), "x", 2**90])
        m.pin_data(s, b, t)
        del s, b
        for _ in range(3):
            churn()
            got_s, got_b, got_t = m.check_data()
        self.assertEqual(got_s, "pinned-\u00e9\u20ac12345")
        self.assertEqual(got_b, bytes(range(40)))
        self.assertIs(got_t, t)
        m.unpin_data()


class WeakReferences(unittest.TestCase):
    def test_weakref_made_in_c(self):
        fired = []
        p = Payload(5)
        r = m.weak_ref(p, fired.append)
        self.assertIsInstance(r, weakref.ref)
        self.assertIs(m.weak_get(r), p)
        self.assertIs(r(), p)
        del p
        self.assertTrue(collect_until(lambda: m.weak_get(r) is None))
        self.assertTrue(collect_until(lambda: fired == [r]))

    def test_weakref_without_callback(self):
        p = Payload(1)
        r = m.weak_ref(p, None)
        self.assertIs(r(), p)
        with self.assertRaises(TypeError):
            m.weak_ref(1, None)  # ints are not weak-referenceable
        del p
        self.assertTrue(collect_until(lambda: r() is None))


class GetRefcount(unittest.TestCase):
    def test_c_references_are_counted(self):
        obj = Payload(7)
        before = sys.getrefcount(obj)
        m.stash(obj)
        self.assertEqual(sys.getrefcount(obj), before + 1)
        got = m.unstash()
        self.assertIs(got, obj)
        del got
        self.assertEqual(sys.getrefcount(obj), before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
