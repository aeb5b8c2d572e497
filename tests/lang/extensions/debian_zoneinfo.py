# Debian's _zoneinfo binary through cpyext: its ZoneInfo is a C type with
# fields of its own deriving from datetime.tzinfo (a runtime type in Tern),
# and its fromutc sets `fold` in place on the datetime it made.
import datetime
import gc
import pickle
import weakref
import zoneinfo
import _zoneinfo

from datetime import datetime as DT, timedelta, timezone

ZI = zoneinfo.ZoneInfo
print(ZI is _zoneinfo.ZoneInfo, ZI.__module__, [c.__name__ for c in ZI.__mro__])
print(issubclass(ZI, datetime.tzinfo), ZI.__base__ is datetime.tzinfo)

paris = ZI("Europe/Paris")
print(repr(paris), str(paris), paris.key, isinstance(paris, datetime.tzinfo))
print(ZI("Europe/Paris") is paris, ZI.no_cache("Europe/Paris") is paris, ZI.no_cache("Europe/Paris") == paris)
summer = DT(2020, 7, 1, 12, tzinfo=paris)
winter = DT(2020, 1, 1, 12, tzinfo=paris)
print(summer, summer.utcoffset(), summer.dst(), summer.tzname())
print(winter, winter.utcoffset(), winter.dst(), winter.tzname())
print(summer.astimezone(timezone.utc), winter.astimezone(timezone.utc))

# The ambiguous hour of the autumn change: fromutc marks the second one.
london = ZI("Europe/London")
for hour in (0, 1, 2):
    utc = DT(2021, 10, 31, hour, 30, tzinfo=timezone.utc)
    local = utc.astimezone(london)
    print(local, local.fold, local.utcoffset(), local.tzname())
first = DT(2021, 10, 31, 1, 30, tzinfo=london)
second = first.replace(fold=1)
print(first.utcoffset(), second.utcoffset(), first.astimezone(timezone.utc), second.astimezone(timezone.utc))
print(london.fromutc(DT(2021, 10, 31, 1, 30, tzinfo=london)).fold)
# The argument to fromutc is not changed.
arg = DT(2021, 10, 31, 1, 30, tzinfo=london)
res = london.fromutc(arg)
print(arg.fold, res.fold, res is arg)
# The non-existent spring hour.
gap = DT(2021, 3, 28, 1, 30, tzinfo=london)
print(gap.utcoffset(), gap.replace(fold=1).utcoffset())

# A time zone string (POSIX TZ) past the last transition.
ny = ZI("America/New_York")
far = DT(2100, 11, 7, 6, 30, tzinfo=timezone.utc).astimezone(ny)
print(far, far.fold, far.tzname())

# Errors come back as Python exceptions.
for bad in ["Not/AZone", "../etc/passwd", ""]:
    try:
        ZI(bad)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as e:
        print(type(e).__name__)
try:
    ZI(5)
except TypeError as e:
    print("TypeError")
try:
    paris.fromutc(DT(2020, 1, 1))
except ValueError as e:
    print("ValueError", e)
try:
    paris.utcoffset("x")
except (TypeError, AttributeError) as e:
    print(type(e).__name__)

# Pickles: by key, and the cache gives the same object back.
print(pickle.loads(pickle.dumps(paris)) is paris)
nc = ZI.no_cache("Europe/Paris")
print(pickle.loads(pickle.dumps(nc)) is nc)
with open("/usr/share/zoneinfo/Asia/Tokyo", "rb") as f:
    tokyo = ZI.from_file(f, key="Tokyo-file")
print(repr(tokyo), DT(2020, 1, 1, tzinfo=tokyo).utcoffset())
try:
    pickle.dumps(tokyo)
except pickle.PicklingError as e:
    print("PicklingError")


# A Python subclass: the C layout with the subclass's own attributes.
class Named(ZI):
    def describe(self):
        return f"{type(self).__name__}({self.key})"


sub = Named("Asia/Kolkata")
sub.extra = 42
print(sub.describe(), sub.extra, DT(2020, 1, 1, tzinfo=sub).utcoffset(), type(sub.key))
print(Named("Asia/Kolkata") is sub, Named.__base__ is ZI)

# Weak references, the cache's clearing, and collection of dropped zones.
ref = weakref.ref(ZI.no_cache("Australia/Sydney"))
for _ in range(10):  # garbage dies at some collection, not at a given one
    if ref() is None:
        break
    gc.collect()
print(ref() is None)
held = ZI.no_cache("Australia/Sydney")
ref = weakref.ref(held)
print(ref() is held)
ZI.clear_cache()
print(ZI("Europe/Paris") is paris, ZI("Europe/Paris") == paris)
zones = [ZI.no_cache(k) for k in ("Europe/Berlin", "America/Chicago", "Africa/Cairo") * 20]
del zones
gc.collect()
print(sorted(k for k in ("UTC", "Europe/Berlin") if k in zoneinfo.available_timezones()))
