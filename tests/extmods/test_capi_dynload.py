"""Driver for capi_dynload.c: the C-API behaviours CPython's own lib-dynload
modules (_zoneinfo, _asyncio, _lsprof, _decimal) rely on."""

import asyncio
import datetime
import gc
import pickle
import unittest
import weakref

import capi_dynload as m

UTC = datetime.timezone.utc


def collect_until(pred, tries=10):
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


class ZoneOverTzinfo(unittest.TestCase):
    """A C type with fields of its own over datetime.tzinfo (as ZoneInfo)."""

    def test_type(self):
        self.assertIs(m.Zone.__base__, datetime.tzinfo)
        self.assertEqual(m.Zone.__mro__, (m.Zone, datetime.tzinfo, object))
        z = m.Zone(90, "Plus90")
        self.assertIsInstance(z, datetime.tzinfo)
        self.assertEqual((z.minutes, z.name), (90, "Plus90"))
        with self.assertRaises(AttributeError):
            z.minutes = 5
        with self.assertRaises(ValueError):
            m.Zone(24 * 60, "bad")
        with self.assertRaises(TypeError):
            m.Zone("x", "bad")

    def test_with_datetimes(self):
        z = m.Zone(-300, "Minus5")
        d = datetime.datetime(2020, 1, 1, 12, tzinfo=z)
        self.assertEqual(d.utcoffset(), datetime.timedelta(hours=-5))
        self.assertEqual(d.tzname(), "Minus5")
        self.assertEqual(d.dst(), datetime.timedelta(0))
        self.assertEqual(d.astimezone(UTC), datetime.datetime(2020, 1, 1, 17, tzinfo=UTC))
        self.assertEqual(str(d), "2020-01-01 12:00:00-05:00")
        self.assertEqual(datetime.time(1, tzinfo=z).utcoffset(), datetime.timedelta(hours=-5))
        # tzinfo's own methods apply to the C type's instances.
        self.assertEqual(pickle.loads(pickle.dumps(datetime.timezone.utc)), UTC)
        self.assertEqual(datetime.tzinfo.__reduce__(z)[0], m.Zone)

    def test_fold_written_by_c(self):
        z = m.Zone(-60, "Minus1")
        arg = datetime.datetime(2020, 6, 1, 3, 0, tzinfo=z)
        res = z.fromutc(arg)
        self.assertEqual((res.hour, res.fold, arg.fold), (2, 1, 0))
        self.assertEqual(res.replace(fold=0).fold, 0)
        self.assertEqual(res, datetime.datetime(2020, 6, 1, 2, 0, fold=1, tzinfo=z))
        east = m.Zone(60, "Plus1")
        self.assertEqual(east.fromutc(datetime.datetime(2020, 6, 1, 3, tzinfo=east)).fold, 0)
        # astimezone goes through fromutc.
        local = datetime.datetime(2020, 6, 1, 3, tzinfo=UTC).astimezone(z)
        self.assertEqual((local.hour, local.fold), (2, 1))

    def test_without_own_new(self):
        o = m.Offset(45)
        self.assertIsInstance(o, datetime.tzinfo)
        self.assertEqual(o.minutes, 45)
        self.assertEqual(datetime.datetime(2020, 1, 1, tzinfo=o).utcoffset(), datetime.timedelta(minutes=45))
        o.minutes = -15
        self.assertEqual(o.utcoffset(None), datetime.timedelta(minutes=-15))
        with self.assertRaises(TypeError):
            m.Offset("x")

        class Sub(m.Offset):
            pass

        self.assertEqual(Sub(5).utcoffset(None), datetime.timedelta(minutes=5))

    def test_python_subclass(self):
        class Named(m.Zone):
            def describe(self):
                return "%s:%d" % (self.name, self.minutes)

        n = Named(30, "Half")
        n.extra = [1]
        self.assertEqual((n.describe(), n.extra), ("Half:30", [1]))
        self.assertEqual(datetime.datetime(2020, 1, 1, tzinfo=n).utcoffset(), datetime.timedelta(minutes=30))
        self.assertIsInstance(n, datetime.tzinfo)

    def test_weakrefs_and_collection(self):
        z = m.Zone(0, "Zero")
        r = weakref.ref(z)
        self.assertIs(r(), z)
        del z
        self.assertTrue(collect_until(lambda: r() is None))
        zones = [m.Zone(i, "Z%d" % i) for i in range(100)]
        stamps = [datetime.datetime(2000, 1, 1, tzinfo=zz) for zz in zones]
        del zones
        gc.collect()
        self.assertEqual([s.utcoffset().seconds // 60 for s in stamps[:3]], [0, 1, 2])
        self.assertEqual(stamps[99].tzname(), "Z99")


class AsyncSlots(unittest.TestCase):
    """am_await, am_aiter, am_anext as __await__, __aiter__, __anext__."""

    def test_slot_wrappers(self):
        for name in ("__await__", "__aiter__", "__anext__"):
            self.assertIn(name, m.Waiter.__dict__)
        it = m.Waiter(4).__await__()
        self.assertEqual(next(it), 4)
        with self.assertRaises(StopIteration) as cm:
            next(it)
        self.assertEqual(cm.exception.value, 40)
        w = m.Waiter(1)
        self.assertIs(w.__aiter__(), w)
        with self.assertRaises(TypeError):
            m.Waiter.__await__(w, 1)

    def run_coroutine(self, coro):
        """Drives coro by hand, answering each yielded value with None."""
        yielded = []
        try:
            while True:
                yielded.append(coro.send(None))
        except StopIteration as e:
            return yielded, e.value

    def test_await(self):
        async def use(w):
            return await w

        self.assertEqual(self.run_coroutine(use(m.Waiter(3))), ([3], 30))

    def test_await_python_subclass(self):
        class Sub(m.Waiter):
            pass

        class Own(m.Waiter):
            def __await__(self):
                result = yield "own"
                return ("own", result)

        async def use(w):
            return await w

        self.assertEqual(self.run_coroutine(use(Sub(2))), ([2], 20))
        self.assertEqual(self.run_coroutine(use(Own(2))), (["own"], ("own", None)))
        self.assertIs(Sub.__await__, m.Waiter.__await__)

    def test_async_for(self):
        async def collect(w):
            out = []
            async for item in w:
                out.append(item)
            return out

        class Sub(m.Waiter):
            pass

        self.assertEqual(self.run_coroutine(collect(m.Waiter(3))), ([3, 2, 1], [30, 20, 10]))
        self.assertEqual(self.run_coroutine(collect(Sub(2))), ([2, 1], [20, 10]))

    def test_under_asyncio(self):
        class Sub(m.Waiter):
            def __await__(self):
                yield from asyncio.sleep(0).__await__()
                return self.value * 2

        async def main():
            return await Sub(21)

        self.assertEqual(asyncio.run(main()), 42)


class WeakrefsAtDealloc(unittest.TestCase):
    """A weak reference dies with the object: never after its tp_dealloc."""

    def test_probe_dead_in_dealloc(self):
        gc.collect()
        deallocs, dead = m.watched_counts()
        objs = [m.Watched() for _ in range(20)]
        for o in objs:
            o.probe()
        refs = [weakref.ref(o) for o in objs]
        del objs, o
        self.assertTrue(collect_until(lambda: m.watched_counts()[0] >= deallocs + 20))
        after = m.watched_counts()
        self.assertEqual(after[1] - dead, after[0] - deallocs)
        self.assertEqual([r() for r in refs], [None] * 20)

    def test_callbacks_and_weaksets(self):
        called = []
        kept = m.Watched()
        ws = weakref.WeakSet([m.Watched() for _ in range(10)] + [kept])
        r = weakref.ref(m.Watched(), lambda ref: called.append(ref() is None))
        self.assertTrue(collect_until(lambda: len(ws) == 1 and called))
        self.assertEqual(list(ws), [kept])
        self.assertEqual(called, [True])
        # No weak reference ever gives an object already deallocated.
        for _ in range(3):
            deallocs = m.watched_counts()[0]
            refs = [weakref.ref(m.Watched()) for _ in range(50)]
            gc.collect()
            alive = [r() for r in refs if r() is not None]
            self.assertLessEqual(len(alive) + (m.watched_counts()[0] - deallocs), 50)
            del alive

    def test_python_subclass(self):
        class Sub(m.Watched):
            pass

        gc.collect()
        deallocs = m.watched_counts()[0]
        s = Sub()
        s.probe()
        r = weakref.ref(s)
        del s
        self.assertTrue(collect_until(lambda: m.watched_counts()[0] == deallocs + 1))
        self.assertIsNone(r())


class GenericNewArguments(unittest.TestCase):
    """object_new's rule: excess arguments are fine when __init__ takes them."""

    def test_c_types(self):
        self.assertEqual(m.Plain(1, 2).args, (1, 2))
        self.assertEqual(m.Initialised(1, 2).args, (1, 2))
        self.assertIsInstance(m.Bare(), m.Bare)
        with self.assertRaisesRegex(TypeError, r"Bare\(\) takes no arguments$"):
            m.Bare(1)
        with self.assertRaisesRegex(TypeError, "takes no arguments"):
            m.Bare(x=1)

    def test_python_subclasses(self):
        for base in (m.Plain, m.Initialised):
            class P(base):
                pass

            class Q(base):
                def __init__(self, a, b=0):
                    super().__init__(a + b)

            self.assertEqual(P(1, 2).args, (1, 2))
            self.assertEqual(P().args, ())
            self.assertEqual(Q(1, b=2).args, (3,))

        class B(m.Bare):
            pass

        class C(m.Bare):
            def __init__(self, x):
                self.x = x

        self.assertEqual(C(5).x, 5)
        self.assertIsInstance(B(), B)
        with self.assertRaisesRegex(TypeError, r"^B\(\) takes no arguments$"):
            B(1)


class BuiltinSlotsDirect(unittest.TestCase):
    """PyFloat_Type's and PyLong_Type's slots are those types' own."""

    def test_float_abs(self):
        class F(float):
            def __abs__(self):
                return "override"

        self.assertEqual(m.float_abs(-2.5), 2.5)
        r = m.float_abs(F(-1.5))
        self.assertEqual((r, type(r)), (1.5, float))
        self.assertEqual(abs(F(-1.5)), "override")

    def test_long_slots(self):
        class I(int):
            def __mul__(self, other):
                return "override"

            def __neg__(self):
                return "override"

        self.assertEqual(m.long_multiply(I(6), 7), 42)
        self.assertEqual(m.long_multiply(6, I(7)), 42)
        self.assertIs(m.long_multiply(6, "x"), NotImplemented)
        self.assertEqual(m.long_negative(I(5)), -5)
        self.assertEqual(I(6) * 7, "override")


class FetchStopIterationValue(unittest.TestCase):
    def test_generator_returns(self):
        def gen(value):
            yield 1
            return value

        for value in (None, 0, "text", (1, 2), StopIteration("inner"), [3]):
            it = gen(value)
            self.assertEqual(m.fetch_stop_value(it), ("yield", 1))
            kind, got = m.fetch_stop_value(it)
            self.assertEqual(kind, "value")
            self.assertIs(got, value)

    def test_pending(self):
        self.assertEqual(m.fetch_with_pending(StopIteration(5)), 5)
        self.assertIsNone(m.fetch_with_pending(StopIteration()))
        self.assertEqual(m.fetch_with_pending(StopIteration(1, 2)), 1)

        class MyStop(StopIteration):
            pass

        self.assertEqual(m.fetch_with_pending(MyStop("mine")), "mine")
        with self.assertRaises(KeyError):
            m.fetch_with_pending(KeyError("k"))

    def test_exhausted_iterator(self):
        self.assertEqual(m.fetch_stop_value(iter([])), ("value", None))

    def test_other_error(self):
        def bad():
            raise ValueError("boom")
            yield

        with self.assertRaisesRegex(ValueError, "boom"):
            m.fetch_stop_value(bad())


if __name__ == "__main__":
    unittest.main(verbosity=2)
