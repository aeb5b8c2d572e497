# time: clocks (types and monotonicity only), struct_time, gmtime/localtime/mktime, asctime/ctime, strftime (strptime: time_strptime.py).
import time

for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    f = getattr(time, name)
    fns = getattr(time, name + "_ns")
    a = f(); b = f(); n = fns()
    print(name, type(a).__name__, type(n).__name__, b >= a, n > 0)
    info = time.get_clock_info(name)
    print(" ", info.implementation, info.monotonic, info.adjustable, type(info.resolution).__name__)
try:
    time.get_clock_info("nope")
except ValueError as e:
    print("ValueError", e)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
print(type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID)

t0 = time.monotonic()
time.sleep(0.01)
time.sleep(0)
print(time.monotonic() - t0 >= 0.01)
for bad in [-1, "1", float("nan")]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

g = time.gmtime(1234567890)
print(g)
print(tuple(g), g.tm_zone, g.tm_gmtoff, len(g), g[0], g[-1])
print(time.struct_time.n_sequence_fields, time.struct_time.n_fields, time.struct_time.n_unnamed_fields)
print(time.gmtime(0), time.gmtime(-86400.5).tm_mday, time.gmtime(1.99).tm_sec)
s = time.struct_time((2020, 2, 29, 12, 30, 45, 5, 60, 0))
print(s, s.tm_zone, s.tm_gmtoff)
try:
    time.struct_time((1, 2, 3))
except TypeError as e:
    print("TypeError", e)
print(isinstance(time.localtime(), time.struct_time), len(time.localtime()))

# with a fixed zone
import os
os.environ["TZ"] = "UTC"
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
lt = time.localtime(1234567890)
print(lt, lt.tm_zone, lt.tm_gmtoff)
print(time.mktime(lt), time.mktime((2009, 2, 13, 23, 31, 30, 0, 0, 0)))
print(time.asctime(g), time.ctime(1234567890), time.ctime(0))
print(time.asctime((2001, 1, 2, 3, 4, 5, 0, 1, 0)))
for bad in [(2001, 13, 1, 0, 0, 0, 0, 1, 0), (2001, 1, 32, 0, 0, 0, 0, 1, 0), (2001, 1, 1, 24, 0, 0, 0, 1, 0),
            (1, 2), "x"]:
    try:
        time.asctime(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %b %%", g))
print(time.strftime("%Z %z", lt), repr(time.strftime("", g)))
print(time.strftime("%d/%m/%y", (2001, 1, 2, 3, 4, 5, 0, 1, 0)))
os.environ["TZ"] = "EST+05EDT,M3.2.0,M11.1.0"
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.localtime(1234567890), time.localtime(1246000000).tm_isdst)
print(time.mktime((2009, 7, 1, 0, 0, 0, 0, 0, -1)))
