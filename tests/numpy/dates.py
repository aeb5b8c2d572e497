# numpy's datetime64 and timedelta64 with Python's datetime objects both ways: numpy reads
# date/datetime/timedelta through the datetime C API and makes them with its constructors.
import datetime as dt
import pickle
import warnings

import numpy as np

print("-- parsing and arithmetic")
d = np.datetime64("2024-01-02")
print(d, repr(d), d.dtype, d + np.timedelta64(3, "D"), d - np.datetime64("2023-12-25"), d + 1)
print(np.datetime64("2020-02-28") + 2, np.datetime64("2021-03-04T05:06:07.123456"), np.datetime64("NaT"))
print(np.array(["2001-01-01T12:00", "2001-06-01"], dtype="M8[m]"), np.arange("2020-01", "2020-05", dtype="M8[M]"))
print(np.datetime64("2024-03-01") - np.timedelta64(1, "D"), np.datetime64("2024", "D"), np.datetime64(0, "s"))
print(np.timedelta64(90, "m").astype("m8[h]"), np.timedelta64(1, "W") / np.timedelta64(1, "D"), -np.timedelta64(5, "s"))
print(np.busday_count("2024-01-01", "2024-02-01"), np.is_busday(np.datetime64("2024-01-06")),
      np.datetime_as_string(np.datetime64("2024-05-06T07:08"), unit="D"), np.datetime_data(np.dtype("M8[25s]")))
print(np.isnat(np.array(["NaT", "2000"], dtype="M8[Y]")), np.datetime64("2000-01-01") < np.datetime64("2000-01-02"))

print("-- Python to numpy")
samples = [
    dt.date(2020, 5, 17),
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
    dt.datetime(2021, 3, 4, 5, 6, 7, 8),
    dt.datetime(1969, 12, 31, 23, 59, 59, 999999),
    dt.datetime(2000, 2, 29, fold=1),
]
for v in samples:
    print(type(v).__name__, v, "->", repr(np.datetime64(v)))
print(np.array([dt.date(2020, 5, 17), dt.date(2020, 5, 18)], dtype="datetime64[D]"))
print(np.array([dt.datetime(2021, 1, 1, 12), dt.datetime(2021, 1, 2)]), np.array([dt.date(2000, 1, 1), None], dtype="M8[D]"))
print(np.datetime64(dt.datetime(2021, 3, 4, 5, 6, 7, 8)) - np.datetime64(dt.date(2021, 3, 4)))
for td in [dt.timedelta(days=1, seconds=3), dt.timedelta(microseconds=-1), dt.timedelta(days=-3, hours=5),
           dt.timedelta(0), dt.timedelta(weeks=100, milliseconds=7)]:
    print(repr(td), "->", repr(np.timedelta64(td)))
print(np.array([dt.timedelta(hours=1), dt.timedelta(minutes=-30)]), np.array([dt.timedelta(1)], dtype="m8[h]"))
print(np.datetime64("2021-01-01") + np.timedelta64(dt.timedelta(days=2)), dt.datetime(2021, 1, 1) + np.timedelta64(1, "D").item())
aware = dt.datetime(2021, 1, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=5)))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(repr(np.datetime64(aware)), np.array([aware, aware.astimezone(dt.timezone.utc)], dtype="M8[m]"))
print([type(w.message).__name__ + ": " + str(w.message) for w in caught])


class MyDate(dt.date):
    pass


class MyDateTime(dt.datetime):
    pass


class MyDelta(dt.timedelta):
    pass


print(repr(np.datetime64(MyDate(2010, 10, 10))), repr(np.datetime64(MyDateTime(2010, 10, 10, 1, 2, 3))),
      repr(np.timedelta64(MyDelta(seconds=5))))
try:
    np.datetime64(dt.time(1, 2))
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)

print("-- numpy to Python")
for v, unit in [("2021-03-04T05:06:07", "s"), ("2021-03-04", "D"), ("2021-03-04T05:06:07.123456", "us"),
                ("1969-12-31T23:59:59.999999", "us"), ("0001-01-01", "D"), ("9999-12-31T23:59:59", "s"),
                ("2021-03-04T05:06:07.123456789", "ns"), ("2021-03", "M"), ("NaT", "s")]:
    x = np.datetime64(v, unit)
    item = x.item()
    print(repr(x), "->", type(item).__name__, repr(item))
print(repr(np.datetime64("2021-03-04T05:06:07").astype(dt.datetime)), repr(np.datetime64("2021-03-04").astype(object)))
for v, unit in [(3, "D"), (-90, "m"), (1500, "ms"), (7, "us"), (3, "W"), (123456789, "ns"), (2, "Y"), ("NaT", "s")]:
    x = np.timedelta64(v, unit)
    item = x.item()
    print(repr(x), "->", type(item).__name__, repr(item))
objs = np.array(["2000-01-01T00:00:01", "2000-01-02T03:04:05.5"], dtype="M8[ms]").astype(object)
print(objs, [type(o).__name__ for o in objs], objs[1].microsecond, objs[1] - objs[0])
tds = np.array([1, -2, 3], dtype="m8[s]").tolist()
print(tds, [td.days for td in tds], sum(tds, dt.timedelta()))
print(np.array(["2024-02-29"], dtype="M8[D]").tolist(), np.array([[1, 2]], dtype="m8[D]").tolist())
back = dt.datetime(2021, 3, 4, 5, 6, 7, 8)
print(np.datetime64(back).item() == back, np.datetime64(back, "ms").item(), np.datetime64(dt.date(2020, 1, 1)).item() == dt.date(2020, 1, 1))

print("-- containers")
print(np.array([dt.datetime(2020, 1, 1), dt.datetime(2020, 1, 3)], dtype=object) + dt.timedelta(days=1))
print(np.sort(np.array([dt.date(2020, 1, 3), dt.date(2020, 1, 1)], dtype="M8[D]")), np.diff(np.array(["2020-01-01", "2020-03-01"], dtype="M8[D]")))
s = np.zeros(2, dtype=[("when", "M8[s]"), ("dur", "m8[ms]")])
s["when"] = [dt.datetime(2020, 1, 1, 1), dt.datetime(2020, 1, 1, 2)]
s["dur"] = [dt.timedelta(seconds=1.5), dt.timedelta(0)]
print(s, s[0]["when"].item(), s[0]["dur"].item())
print(pickle.loads(pickle.dumps(np.array(["2020-01-01"], dtype="M8[D]"))), pickle.loads(pickle.dumps(np.timedelta64(5, "h"))))
print(np.datetime64("2021-06-15") in np.arange("2021-06", "2021-07", dtype="M8[D]"), np.unique(np.array(["2020-01-01"] * 3, dtype="M8[D]")))
