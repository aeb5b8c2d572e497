"""Driver for capi_datetime.c: the datetime C API (PyDateTime_IMPORT, the
type checks, the accessor macros, the constructors, the table's types)."""

import datetime
import gc
import pickle
import unittest
from datetime import date, time, timedelta, timezone, tzinfo

import capi_datetime as m


class MyDateTime(datetime.datetime):
    def label(self):
        return "my:" + self.isoformat()


class MyDate(date):
    pass


class MyTime(time):
    pass


class MyDelta(timedelta):
    pass


class PlusTwo(tzinfo):
    """A fixed-offset tzinfo written in Python."""

    def utcoffset(self, dt):
        return timedelta(hours=2)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "PLUS2"


IMPORTED_BEFORE = m.api_imported()
# Objects C holds before PyDateTime_IMPORT: the macros must read them after.
EARLY_DATETIME = datetime.datetime(2001, 2, 3, 4, 5, 6, 7)
EARLY_DELTA = timedelta(-3, 7, 11)
m.identity(EARLY_DATETIME)
m.identity(EARLY_DELTA)
m.import_api()

UTC = timezone.utc
KINDS = ("date", "date_exact", "datetime", "datetime_exact", "time", "time_exact",
         "delta", "delta_exact", "tzinfo", "tzinfo_exact")


def checks(o):
    """The names of the checks that hold for o."""
    return {k for k, v in zip(KINDS, m.checks(o)) if v}


class Capsule(unittest.TestCase):
    def test_import(self):
        self.assertFalse(IMPORTED_BEFORE)
        self.assertTrue(m.api_imported())
        self.assertTrue(m.import_api())  # again: the same table

    def test_module_attribute(self):
        cap = datetime.datetime_CAPI
        self.assertEqual(type(cap).__name__, "PyCapsule")
        self.assertTrue(repr(cap).startswith('<capsule object "datetime.datetime_CAPI"'),
                        repr(cap))

    def test_types(self):
        self.assertEqual(m.types(), (date, datetime.datetime, time, timedelta, tzinfo))
        for t, want in zip(m.types(), (date, datetime.datetime, time, timedelta, tzinfo)):
            self.assertIs(t, want)

    def test_basicsizes(self):
        self.assertEqual(m.basicsizes_match(), (True,) * 5)

    def test_utc(self):
        self.assertIs(m.utc(), timezone.utc)
        self.assertEqual(m.utc().utcoffset(None), timedelta(0))


class Checks(unittest.TestCase):
    def test_exact_instances(self):
        self.assertEqual(checks(date(2020, 1, 2)), {"date", "date_exact"})
        self.assertEqual(checks(datetime.datetime(2020, 1, 2)),
                         {"date", "datetime", "datetime_exact"})
        self.assertEqual(checks(time(1)), {"time", "time_exact"})
        self.assertEqual(checks(timedelta(1)), {"delta", "delta_exact"})
        self.assertEqual(checks(tzinfo()), {"tzinfo", "tzinfo_exact"})

    def test_subclasses(self):
        self.assertEqual(checks(MyDateTime(2020, 1, 2)), {"date", "datetime"})
        self.assertEqual(checks(MyDate(2020, 1, 2)), {"date"})
        self.assertEqual(checks(MyTime(3)), {"time"})
        self.assertEqual(checks(MyDelta(3)), {"delta"})
        self.assertEqual(checks(timezone.utc), {"tzinfo"})
        self.assertEqual(checks(PlusTwo()), {"tzinfo"})

    def test_others(self):
        for o in (None, 0, 1.5, "2020-01-02", (2020, 1, 2), date, datetime.datetime, object()):
            self.assertEqual(checks(o), set(), repr(o))


class Accessors(unittest.TestCase):
    def test_date(self):
        self.assertEqual(m.date_fields(date(2024, 2, 29)), (2024, 2, 29))
        self.assertEqual(m.date_fields(date.min), (1, 1, 1))
        self.assertEqual(m.date_fields(date.max), (9999, 12, 31))
        self.assertEqual(m.date_fields(MyDate(1970, 1, 1)), (1970, 1, 1))
        # The date part of a datetime, through the same macros.
        self.assertEqual(m.date_fields(datetime.datetime(2000, 10, 20, 5)), (2000, 10, 20))

    def test_datetime(self):
        dt = datetime.datetime(2023, 7, 14, 13, 45, 59, 123456)
        self.assertEqual(m.datetime_fields(dt), (2023, 7, 14, 13, 45, 59, 123456, 0, None))
        self.assertEqual(m.datetime_fields(datetime.datetime.min),
                         (1, 1, 1, 0, 0, 0, 0, 0, None))
        self.assertEqual(m.datetime_fields(datetime.datetime.max),
                         (9999, 12, 31, 23, 59, 59, 999999, 0, None))
        self.assertEqual(m.datetime_fields(datetime.datetime(2021, 11, 7, 1, 30, fold=1)),
                         (2021, 11, 7, 1, 30, 0, 0, 1, None))
        sub = MyDateTime(1999, 12, 31, 23, 59, 59, 999999, fold=1)
        self.assertEqual(m.datetime_fields(sub), (1999, 12, 31, 23, 59, 59, 999999, 1, None))
        self.assertEqual(sub.label(), "my:1999-12-31T23:59:59.999999")

    def test_datetime_tzinfo(self):
        dt = datetime.datetime(2020, 3, 4, 5, 6, 7, 8, tzinfo=UTC)
        fields = m.datetime_fields(dt)
        self.assertEqual(fields[:8], (2020, 3, 4, 5, 6, 7, 8, 0))
        self.assertIs(fields[8], UTC)
        tz = PlusTwo()
        dt = datetime.datetime(2020, 3, 4, 5, 6, 7, 8, tzinfo=tz, fold=1)
        fields = m.datetime_fields(dt)
        self.assertEqual(fields[:8], (2020, 3, 4, 5, 6, 7, 8, 1))
        self.assertIs(fields[8], tz)
        # A tzinfo only the datetime holds stays valid through collections.
        dt = datetime.datetime(2020, 1, 1, tzinfo=PlusTwo())
        gc.collect()
        tz = m.datetime_fields(dt)[8]
        self.assertIs(tz, dt.tzinfo)
        self.assertEqual(tz.tzname(None), "PLUS2")

    def test_time(self):
        self.assertEqual(m.time_fields(time(13, 45, 59, 123456)), (13, 45, 59, 123456, 0, None))
        self.assertEqual(m.time_fields(time.min), (0, 0, 0, 0, 0, None))
        self.assertEqual(m.time_fields(time.max), (23, 59, 59, 999999, 0, None))
        self.assertEqual(m.time_fields(time(1, 2, 3, 4, fold=1)), (1, 2, 3, 4, 1, None))
        self.assertEqual(m.time_fields(MyTime(9, 8, 7, 6)), (9, 8, 7, 6, 0, None))
        tz = PlusTwo()
        fields = m.time_fields(time(1, 2, 3, 4, tzinfo=tz, fold=1))
        self.assertEqual(fields[:5], (1, 2, 3, 4, 1))
        self.assertIs(fields[5], tz)
        self.assertIs(m.time_fields(time(1, tzinfo=UTC))[5], UTC)

    def test_delta(self):
        self.assertEqual(m.delta_fields(timedelta(1, 2, 3)), (1, 2, 3))
        self.assertEqual(m.delta_fields(timedelta(0)), (0, 0, 0))
        self.assertEqual(m.delta_fields(timedelta(microseconds=-1)), (-1, 86399, 999999))
        self.assertEqual(m.delta_fields(timedelta(days=-5, hours=3)), (-5, 10800, 0))
        self.assertEqual(m.delta_fields(-timedelta(seconds=1.5)), (-1, 86398, 500000))
        self.assertEqual(m.delta_fields(timedelta.max), (999999999, 86399, 999999))
        self.assertEqual(m.delta_fields(timedelta.min), (-999999999, 0, 0))
        self.assertEqual(m.delta_fields(MyDelta(hours=25)), (1, 3600, 0))
        # The result of arithmetic, made by datetime's own methods.
        d = datetime.datetime(2020, 1, 1) - datetime.datetime(2020, 1, 2, 0, 0, 1)
        self.assertEqual(m.delta_fields(d), (-2, 86399, 0))

    def test_seen_before_import(self):
        self.assertEqual(m.datetime_fields(EARLY_DATETIME), (2001, 2, 3, 4, 5, 6, 7, 0, None))
        self.assertEqual(m.delta_fields(EARLY_DELTA), (-3, 7, 11))

    def test_round_trip(self):
        for o in (datetime.datetime(2001, 2, 3, 4, 5, 6, 7, tzinfo=UTC), date(1999, 12, 31),
                  time(23, 59, 58, 999999), timedelta(-3, 7, 11), PlusTwo()):
            self.assertIs(m.identity(o), o)
        dt = m.identity(MyDateTime(2001, 2, 3, 4, 5, 6, 7))
        self.assertEqual(dt.label(), "my:2001-02-03T04:05:06.000007")

    def test_wrong_kinds(self):
        with self.assertRaises(TypeError):
            m.datetime_fields(date(2020, 1, 1))
        with self.assertRaises(TypeError):
            m.time_fields(datetime.datetime(2020, 1, 1))
        with self.assertRaises(TypeError):
            m.delta_fields(3)

    def test_derived_objects(self):
        # Objects made by the classes' own methods, not their constructors.
        dt = datetime.datetime.fromisoformat("2011-11-04T00:05:23.283+04:00")
        fields = m.datetime_fields(dt)
        self.assertEqual(fields[:8], (2011, 11, 4, 0, 5, 23, 283000, 0))
        self.assertEqual(fields[8].utcoffset(None), timedelta(hours=4))
        self.assertEqual(m.date_fields(dt.date()), (2011, 11, 4))
        self.assertEqual(m.time_fields(dt.timetz())[:5], (0, 5, 23, 283000, 0))
        self.assertEqual(m.datetime_fields(dt.replace(year=1, fold=1))[:8],
                         (1, 11, 4, 0, 5, 23, 283000, 1))
        self.assertEqual(m.date_fields(date.fromordinal(730120)), (2000, 1, 1))
        self.assertEqual(m.datetime_fields(datetime.datetime.combine(date(5, 6, 7), time(8)))[:7],
                         (5, 6, 7, 8, 0, 0, 0))
        back = pickle.loads(pickle.dumps(datetime.datetime(2020, 2, 3, 4, 5, 6, 7)))
        self.assertEqual(m.datetime_fields(back)[:7], (2020, 2, 3, 4, 5, 6, 7))

    def test_many_objects(self):
        dts = [datetime.datetime(2000 + i % 100, 1 + i % 12, 1 + i % 28, i % 24, i % 60,
                                 (i * 7) % 60, i * 3) for i in range(2000)]
        want = sum(d.year + d.month + d.day + d.hour + d.minute + d.second + d.microsecond
                   for d in dts)
        self.assertEqual(m.sum_fields(dts), want)
        gc.collect()
        self.assertEqual(m.sum_fields(dts), want)
        for i in range(0, 2000, 97):
            d = dts[i]
            self.assertEqual(m.datetime_fields(d)[:7], (d.year, d.month, d.day, d.hour,
                                                        d.minute, d.second, d.microsecond))


class Constructors(unittest.TestCase):
    def test_date(self):
        d = m.date_from_date(2024, 2, 29)
        self.assertIs(type(d), date)
        self.assertEqual(d, date(2024, 2, 29))
        self.assertEqual(m.date_fields(d), (2024, 2, 29))
        self.assertEqual(m.date_from_date(1, 1, 1), date.min)
        self.assertEqual(m.date_from_date(9999, 12, 31), date.max)

    def test_datetime(self):
        dt = m.datetime_from_date_and_time(2023, 7, 14, 13, 45, 59, 999999)
        self.assertIs(type(dt), datetime.datetime)
        self.assertEqual(dt, datetime.datetime(2023, 7, 14, 13, 45, 59, 999999))
        self.assertIsNone(dt.tzinfo)
        self.assertEqual(dt.fold, 0)
        self.assertEqual(m.datetime_fields(dt), (2023, 7, 14, 13, 45, 59, 999999, 0, None))

    def test_datetime_fold(self):
        dt = m.datetime_from_date_and_time_and_fold(2021, 11, 7, 1, 30, 0, 0, 1)
        self.assertIs(type(dt), datetime.datetime)
        self.assertEqual(dt.fold, 1)
        self.assertEqual(m.datetime_fields(dt), (2021, 11, 7, 1, 30, 0, 0, 1, None))
        dt = m.datetime_from_date_and_time_and_fold(2021, 11, 7, 1, 30, 0, 0, 0)
        self.assertEqual(dt.fold, 0)

    def test_time(self):
        t = m.time_from_time(23, 59, 59, 999999)
        self.assertIs(type(t), time)
        self.assertEqual(t, time.max)
        self.assertEqual(m.time_fields(t), (23, 59, 59, 999999, 0, None))
        t = m.time_from_time_and_fold(1, 2, 3, 4, 1)
        self.assertEqual((t.fold, t.tzinfo), (1, None))
        self.assertEqual(m.time_fields(t), (1, 2, 3, 4, 1, None))

    def test_delta_normalises(self):
        for args, want in [((1, 2, 3), (1, 2, 3)),
                           ((0, -1, 0), (-1, 86399, 0)),
                           ((0, 0, -1), (-1, 86399, 999999)),
                           ((1, 86400 * 2 + 5, 1500000), (3, 6, 500000)),
                           ((-1, -86400, -1000000), (-3, 86399, 0)),
                           ((0, 0, 2000000001), (0, 2000, 1)),
                           ((0, 0, -2000000000), (-1, 84400, 0)),
                           ((999999999, 86399, 999999), (999999999, 86399, 999999))]:
            td = m.delta_from_dsu(*args)
            self.assertIs(type(td), timedelta)
            self.assertEqual(m.delta_fields(td), want, args)
            self.assertEqual(td, timedelta(*args))

    def test_timezone(self):
        tz = m.timezone_from_offset(timedelta(hours=-5))
        self.assertIs(type(tz), timezone)
        self.assertEqual(tz.utcoffset(None), timedelta(hours=-5))
        self.assertEqual(tz.tzname(None), "UTC-05:00")
        self.assertIs(m.timezone_from_offset(timedelta(0)), timezone.utc)
        tz = m.timezone_from_offset_and_name(timedelta(hours=5, minutes=30), "IST")
        self.assertEqual(tz.tzname(None), "IST")
        self.assertEqual(tz, timezone(timedelta(hours=5, minutes=30)))
        self.assertEqual(checks(tz), {"tzinfo"})
        dt = datetime.datetime(2020, 1, 1, 12, tzinfo=tz)
        self.assertEqual(dt.astimezone(UTC), datetime.datetime(2020, 1, 1, 6, 30, tzinfo=UTC))
        self.assertIs(m.datetime_fields(dt)[8], tz)

    def test_from_timestamp(self):
        dt = m.datetime_from_timestamp(0, UTC)
        self.assertIs(type(dt), datetime.datetime)
        self.assertEqual(dt, datetime.datetime(1970, 1, 1, tzinfo=UTC))
        self.assertIs(dt.tzinfo, UTC)
        self.assertEqual(m.datetime_fields(dt), (1970, 1, 1, 0, 0, 0, 0, 0, UTC))
        dt = m.datetime_from_timestamp(1e9 + 0.25, UTC)
        self.assertEqual(m.datetime_fields(dt), (2001, 9, 9, 1, 46, 40, 250000, 0, UTC))
        # Noon UTC: the same local date in every time zone within 12 hours.
        d = m.date_from_timestamp(86400 * 10000 + 43200)
        self.assertIs(type(d), date)
        self.assertEqual(d, date(1997, 5, 19))
        self.assertEqual(m.date_fields(d), (1997, 5, 19))


class ConstructorsWithType(unittest.TestCase):
    def test_date(self):
        d = m.new_date(MyDate, 2020, 5, 6)
        self.assertIs(type(d), MyDate)
        self.assertEqual(d, date(2020, 5, 6))
        self.assertEqual(m.date_fields(d), (2020, 5, 6))
        self.assertIs(type(m.new_date(date, 1, 2, 3)), date)

    def test_datetime(self):
        dt = m.new_datetime(MyDateTime, 2020, 5, 6, 7, 8, 9, 10, None)
        self.assertIs(type(dt), MyDateTime)
        self.assertEqual(dt.label(), "my:2020-05-06T07:08:09.000010")
        self.assertEqual(m.datetime_fields(dt), (2020, 5, 6, 7, 8, 9, 10, 0, None))
        tz = PlusTwo()
        dt = m.new_datetime(MyDateTime, 2020, 5, 6, 7, 8, 9, 10, tz, 1)
        self.assertIs(type(dt), MyDateTime)
        self.assertIs(dt.tzinfo, tz)
        self.assertEqual(dt.fold, 1)
        fields = m.datetime_fields(dt)
        self.assertEqual(fields[:8], (2020, 5, 6, 7, 8, 9, 10, 1))
        self.assertIs(fields[8], tz)
        self.assertEqual(dt.utcoffset(), timedelta(hours=2))
        dt = m.new_datetime(datetime.datetime, 9999, 12, 31, 23, 59, 59, 999999, UTC)
        self.assertEqual(dt, datetime.datetime.max.replace(tzinfo=UTC))

    def test_time(self):
        t = m.new_time(MyTime, 1, 2, 3, 4, None)
        self.assertIs(type(t), MyTime)
        self.assertEqual(m.time_fields(t), (1, 2, 3, 4, 0, None))
        t = m.new_time(MyTime, 1, 2, 3, 4, UTC, 1)
        self.assertIs(type(t), MyTime)
        self.assertEqual(m.time_fields(t), (1, 2, 3, 4, 1, UTC))
        self.assertIs(type(m.new_time(time, 0, 0, 0, 0, None, 0)), time)

    def test_delta(self):
        td = m.new_delta(MyDelta, 0, -1, 0)
        self.assertIs(type(td), MyDelta)
        self.assertEqual(m.delta_fields(td), (-1, 86399, 0))
        self.assertEqual(td, timedelta(seconds=-1))

    def test_from_timestamp(self):
        dt = m.datetime_from_timestamp_as(MyDateTime, (86400,), {"tz": UTC})
        self.assertIs(type(dt), MyDateTime)
        self.assertEqual(dt, datetime.datetime(1970, 1, 2, tzinfo=UTC))
        self.assertEqual(m.datetime_fields(dt), (1970, 1, 2, 0, 0, 0, 0, 0, UTC))
        dt = m.datetime_from_timestamp_as(datetime.datetime, (86400.5, UTC), None)
        self.assertIs(type(dt), datetime.datetime)
        self.assertEqual(m.datetime_fields(dt), (1970, 1, 2, 0, 0, 0, 500000, 0, UTC))
        d = m.date_from_timestamp_as(MyDate, (86400 * 10000 + 43200,))
        self.assertIs(type(d), MyDate)
        self.assertEqual(m.date_fields(d), (1997, 5, 19))


class Errors(unittest.TestCase):
    def test_out_of_range(self):
        for args in [(0, 1, 1), (10000, 1, 1), (2021, 0, 1), (2021, 13, 1), (2021, 2, 29),
                     (2021, 4, 31), (2021, 1, 0)]:
            with self.assertRaises(ValueError, msg=args):
                m.date_from_date(*args)
            with self.assertRaises(ValueError, msg=args):
                m.new_date(MyDate, *args)
        for args in [(2021, 1, 1, 24, 0, 0, 0), (2021, 1, 1, 0, 60, 0, 0),
                     (2021, 1, 1, 0, 0, 60, 0), (2021, 1, 1, 0, 0, 0, 1000000),
                     (2021, 1, 1, -1, 0, 0, 0), (2021, 1, 32, 0, 0, 0, 0)]:
            with self.assertRaises(ValueError, msg=args):
                m.datetime_from_date_and_time(*args)
        with self.assertRaises(ValueError):
            m.datetime_from_date_and_time_and_fold(2021, 1, 1, 0, 0, 0, 0, 2)
        for args in [(24, 0, 0, 0), (0, 60, 0, 0), (0, 0, 60, 0), (0, 0, 0, 1000000),
                     (0, 0, 0, -1)]:
            with self.assertRaises(ValueError, msg=args):
                m.time_from_time(*args)
        with self.assertRaises(ValueError):
            m.time_from_time_and_fold(0, 0, 0, 0, 2)
        with self.assertRaises(ValueError):
            m.new_time(MyTime, 0, 0, 0, 0, None, 2)

    def test_bad_tzinfo(self):
        with self.assertRaises(TypeError):
            m.new_datetime(datetime.datetime, 2020, 1, 1, 0, 0, 0, 0, 5)
        with self.assertRaises(TypeError):
            m.new_time(time, 0, 0, 0, 0, "UTC", 0)

    def test_delta_overflow(self):
        # Both CPython and datetime.py report days out of range as OverflowError.
        with self.assertRaises(OverflowError):
            m.delta_from_dsu(1000000000, 0, 0)
        with self.assertRaises(OverflowError):
            m.delta_from_dsu(999999999, 86400, 0)
        with self.assertRaises(OverflowError):
            m.new_delta(MyDelta, -1000000000, 0, 0)

    def test_timezone_offset(self):
        for offset in (timedelta(hours=24), timedelta(hours=-24), timedelta(days=2)):
            with self.assertRaises(ValueError, msg=offset):
                m.timezone_from_offset(offset)
            with self.assertRaises(ValueError, msg=offset):
                m.timezone_from_offset_and_name(offset, "X")

    def test_from_timestamp(self):
        with self.assertRaises(TypeError):
            m.datetime_from_timestamp("zero")
        with self.assertRaises(TypeError):
            m.date_from_timestamp()
        with self.assertRaises((OverflowError, ValueError, OSError)):
            m.datetime_from_timestamp(1e20, UTC)

    def test_errors_leave_no_state(self):
        # After a failure the next call works (no stray exception left set).
        with self.assertRaises(ValueError):
            m.date_from_date(2021, 13, 1)
        self.assertEqual(m.date_from_date(2021, 12, 1), date(2021, 12, 1))


class Lifetime(unittest.TestCase):
    def test_objects_made_in_c_survive_collections(self):
        made = [m.datetime_from_date_and_time(2000 + i, 1 + i % 12, 1, i % 24, 0, 0, i)
                for i in range(300)]
        deltas = [m.delta_from_dsu(0, -i, 0) for i in range(300)]
        gc.collect()
        for i, dt in enumerate(made):
            self.assertEqual(m.datetime_fields(dt)[:7], (2000 + i, 1 + i % 12, 1, i % 24, 0, 0, i))
        for i, td in enumerate(deltas):
            self.assertEqual(td, timedelta(seconds=-i))
            self.assertEqual(m.delta_fields(td), (-1, 86400 - i, 0) if i else (0, 0, 0))

    def test_tzinfo_outlives_its_maker(self):
        dts = [datetime.datetime(2020, 1, 1, tzinfo=timezone(timedelta(minutes=i)))
               for i in range(1, 100)]
        gc.collect()
        for i, dt in enumerate(dts, 1):
            tz = m.datetime_fields(dt)[8]
            self.assertEqual(tz.utcoffset(None), timedelta(minutes=i))


if __name__ == "__main__":
    unittest.main(verbosity=2)
