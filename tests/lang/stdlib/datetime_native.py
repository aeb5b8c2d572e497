# datetime over the native _datetime: constructors and their errors, arithmetic, comparisons (naive/aware, fold),
# hashes consistent with equality, text in and out, timestamps, pickles (bytes interchangeable with CPython's), subclasses.
import copy, datetime as D, pickle, pickletools, sys
from datetime import date, datetime, time, timedelta, timezone, tzinfo

print(type(date).__module__, date.__module__, D.MINYEAR, D.MAXYEAR, D.UTC is timezone.utc, datetime.__mro__)
print(sys.modules['_datetime'].datetime is datetime)


def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


# --- constructors and their errors
for label, f in [
        ('date float', lambda: date(1.0, 1, 1)), ('date big', lambda: date(10**20, 1, 1)),
        ('date 2**31', lambda: date(2**31, 1, 1)), ('date none', lambda: date()),
        ('date year0', lambda: date(0, 1, 1)), ('date month', lambda: date(1, 13, 1)), ('date day', lambda: date(2001, 2, 29)),
        ('date leap', lambda: date(2000, 2, 29)), ('date kw', lambda: date(day=3, month=2, year=1)),
        ('time hour', lambda: time(24)), ('time minute', lambda: time(1, 60)), ('time second', lambda: time(1, 1, 60)),
        ('time us', lambda: time(1, 1, 1, 10**6)), ('time tz', lambda: time(1, 1, 1, 1, 1)), ('time fold', lambda: time(1, fold=2)),
        ('time', lambda: time(3, 4, 5, 6, timezone.utc, fold=1)), ('time2', lambda: time(3, 4)), ('time3', lambda: time(3, 4, 0, 0, None, fold=1)),
        ('dt', lambda: datetime(2020, 1, 2, 3, 4, 5, 6, timezone.utc, fold=1)), ('dt2', lambda: datetime(2020, 1, 2)),
        ('dt tz', lambda: datetime(2000, 1, 1, tzinfo=5)), ('dt fold', lambda: datetime(2000, 1, 1, fold=2)),
        ('td days', lambda: timedelta(days=10**9)), ('td big', lambda: timedelta(days=10**20)),
        ('td str', lambda: timedelta('1')), ('td mix', lambda: timedelta(1, 2, 3, 4, 5, 6, 7)),
        ('td float', lambda: timedelta(seconds=1.5, microseconds=0.5)), ('td half', lambda: timedelta(microseconds=1.5)),
        ('td half2', lambda: timedelta(microseconds=2.5)), ('td neg half', lambda: timedelta(microseconds=-2.5)),
        ('td frac', lambda: timedelta(days=0.1, hours=0.3, microseconds=-0.5)), ('td weeks', lambda: timedelta(weeks=-1.25)),
        ('td max', lambda: timedelta(days=999999999, hours=24)), ('td min', lambda: timedelta.min),
        ('tz', lambda: timezone(5)), ('tz day', lambda: timezone(timedelta(days=1))), ('tz us', lambda: timezone(timedelta(microseconds=1))),
        ('tz name', lambda: timezone(timedelta(0), 5)), ('tz named', lambda: timezone(timedelta(hours=1), 'x')),
        ('tz utc', lambda: timezone(timedelta(0))), ('tz min', lambda: (timezone.min, timezone.max)),
]:
    t(label, f)

# --- timedelta arithmetic
a, b = timedelta(1, 2, 3), timedelta(-3, 4, 999999)
print(a + b, a - b, -a, +b, abs(b), a * 3, 3 * a, a * 1.5, 0.1 * a, a / 3, a / 2.5, a / b, a // b, a % b, divmod(a, b), a // 7)
print(repr(a * -0.3), repr(b / 7), a.total_seconds(), b.total_seconds(), bool(timedelta(0)), timedelta.resolution, timedelta.max)
print(timedelta(999999999, 86399, 999999) // timedelta(microseconds=1), a / timedelta(microseconds=7))
print(sorted([a, b, timedelta(0), -a]), a == timedelta(days=1, seconds=2, microseconds=3), a != b, a < b, a == 5)
for label, f in [('td/0', lambda: a / 0), ('td/0.0', lambda: a / 0.0), ('td//0', lambda: a // 0), ('td//td0', lambda: a // timedelta(0)),
                 ('td%td0', lambda: a % timedelta(0)), ('td*inf', lambda: a * float('inf')), ('td*nan', lambda: a * float('nan')),
                 ('td+1', lambda: a + 1), ('td<1', lambda: a < 1), ('td*max', lambda: timedelta.max * 2),
                 ('td neg', lambda: -timedelta.min)]:
    t(label, f)
print([str(x) for x in (timedelta(-1, 5, 6), timedelta(2, 5), timedelta(1), timedelta(0, 0, 7), timedelta(-2))])
print([repr(x) for x in (timedelta(0), timedelta(seconds=5), timedelta(microseconds=-1))])

# --- dates
d = date(2020, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal(), d.ctime(), d.isocalendar())
print(d.isocalendar().week, tuple(date(2021, 1, 1).isocalendar()), date(2019, 12, 30).isocalendar(), date(2026, 12, 31).isocalendar())
print(d + timedelta(days=366), d - timedelta(days=60, hours=23), timedelta(1) + d, d - date(2000, 1, 1), date.fromordinal(730000))
print(d.replace(day=1), d.replace(2021, day=28), d.timetuple(), date.min, date.max, date.resolution)
print(d.strftime('%Y-%m-%d %a %b %j %U %z|%Z|%f %%'), format(d, ''), format(d, '%d/%m/%y'), f'{d:%A}')
for s in ['2020-01-01', '20200101', '2020-W01-1', '2020W011', '2020-W53', '2021W01', '2020-13-01', '2020-1-01', '2020-01-01T', '2020-02-30',
          '２020-01-01', '2020-01-0１', 'x020-01-01', '2020-W54', '2020-W01-8']:
    t('fromisoformat ' + s, lambda: date.fromisoformat(s))
t('fromisoformat int', lambda: date.fromisoformat(5))
for args in [(2020, 53, 7), (2020, 54, 1), (2020, 5, 8), (0, 5, 1), (2021, 53, 1)]:
    t('fromisocalendar %s' % (args,), lambda: date.fromisocalendar(*args))
for label, f in [('ord0', lambda: date.fromordinal(0)), ('ordmax', lambda: date.fromordinal(3652059)), ('ordmax+1', lambda: date.fromordinal(3652060)),
                 ('max+1', lambda: date.max + timedelta(1)), ('min-1', lambda: date.min - timedelta(1)), ('date<int', lambda: d < 5),
                 ('date==dt', lambda: d == datetime(2020, 2, 29)), ('date<dt', lambda: d < datetime(2020, 2, 29)),
                 ('dt-date', lambda: datetime(2020, 1, 2) - date(2020, 1, 1)), ('date-dt', lambda: date(2020, 1, 2) - datetime(2020, 1, 1)),
                 ('replace', lambda: d.replace(month=13)), ('strftime int', lambda: d.strftime(5)), ('format int', lambda: d.__format__(5))]:
    t(label, f)

# --- times
tm = time(12, 30, 15, 123456, timezone(timedelta(hours=-5, minutes=-30)))
print(tm, repr(tm), tm.isoformat('milliseconds'), tm.isoformat(timespec='hours'), tm.utcoffset(), tm.tzname(), tm.dst())
print(tm.strftime('%H:%M:%S.%f %z %Z'), format(time(1, 2), '%I %p'), time(1, 2).isoformat(), str(time(0)), bool(time(0)))
print(tm.replace(hour=1, tzinfo=None), tm.replace(fold=1), time.min, time.max, time.resolution, tm.hour, tm.minute, tm.second, tm.microsecond, tm.fold, tm.tzinfo)
print(time(1) < time(2), time(1, tzinfo=timezone.utc) == time(2, tzinfo=timezone(timedelta(hours=1))), time(1) == time(1, tzinfo=timezone.utc))
for s in ['12', '1230', '12:30', '12:30:15', '12:30:15.5', '12:30:15,123456789', 'T12:30', '12:30Z', '12:30+01:00', '12:30-0130',
          '12:30:15.123+01:00:30.5', '12:3', '12:30:', '25:00', '12:30+24:00', '12:30+1', '12.5', '１2:00']:
    t('time.fromisoformat ' + s, lambda: time.fromisoformat(s))
for label, f in [('time<aware', lambda: time(1) < time(1, tzinfo=timezone.utc)), ('isoformat x', lambda: time(1).isoformat('x')),
                 ('time+td', lambda: time(1) + timedelta(1))]:
    t(label, f)

# --- datetimes
utc, plus2 = timezone.utc, timezone(timedelta(hours=2), 'EET')
x = datetime(2021, 3, 4, 5, 6, 7, 890, tzinfo=plus2)
y = datetime(2021, 3, 4, 3, 6, 7, 890, tzinfo=utc)
print(x, repr(x), x == y, hash(x) == hash(y), x - y, x.utcoffset(), x.tzname(), x.dst(), x.date(), x.time(), x.timetz())
print(x.isoformat(), x.isoformat(' ', 'minutes'), x.isoformat(sep='x', timespec='microseconds'), x.ctime(), str(x.replace(tzinfo=None)))
print(x.timetuple(), x.utctimetuple(), x.timestamp(), x.astimezone(utc), y.astimezone(plus2) == x, x.astimezone(plus2) is x)
print(x + timedelta(days=400, microseconds=-1), x - timedelta(weeks=1), datetime.combine(date(2000, 1, 2), time(3, 4, tzinfo=utc)))
print(datetime.combine(date(2000, 1, 2), time(3, 4), tzinfo=plus2), datetime.min, datetime.max, datetime.resolution)
print(x.strftime('%Y-%m-%dT%H:%M:%S.%f%z %Z %%Z %j'), format(x, '%c'), f'{x}', x.replace(year=2024, fold=1).fold)
print(datetime.utcfromtimestamp(0), datetime.utcfromtimestamp(1.5e9 + 0.0000005), datetime.utcfromtimestamp(-1.0000015),
      datetime.fromtimestamp(1e9, utc), datetime.fromtimestamp(1e9, tz=plus2), datetime.fromtimestamp(0.9999995, utc))
print(datetime(1970, 1, 1, tzinfo=utc).timestamp(), datetime(2038, 1, 19, 3, 14, 8, tzinfo=utc).timestamp(),
      datetime(1, 1, 1, tzinfo=utc).timestamp())
now = datetime.now(utc)
print(abs(now - datetime.fromtimestamp(now.timestamp(), utc)) < timedelta(seconds=1), type(datetime.now()), datetime.now(plus2).tzinfo)
print(datetime.strptime('2021-03-04 05:06', '%Y-%m-%d %H:%M'), datetime.strptime('+0130', '%z').tzinfo)
for s in ['2021-03-04', '2021-03-04T05', '2021-03-04T05:06:07.123456+02:00', '2021-03-04 05:06Z', '2021-03-04\u200505:06', '20210304T0506',
          '2021-W09-4T05:06', '2021W094T0506', '2021-03-04T25:00', '2021-03-04T', '2021-03', '2021-03-04T05:06+24:00', '2021-03-04T05:06:07-0130',
          '2021-03-04T05:06:60']:
    t('datetime.fromisoformat ' + ascii(s), lambda: datetime.fromisoformat(s))
for label, f in [('naive<aware', lambda: datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=utc)),
                 ('naive==aware', lambda: datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=utc)),
                 ('naive-aware', lambda: datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=utc)),
                 ('max+1', lambda: datetime.max + timedelta(microseconds=1)), ('min-1', lambda: datetime.min - timedelta(1)),
                 ('fromtimestamp huge', lambda: datetime.fromtimestamp(1e20)), ('utcfromtimestamp neg', lambda: datetime.utcfromtimestamp(-1e13)),
                 ('fromtimestamp nan', lambda: datetime.fromtimestamp(float('nan'))), ('fromtimestamp str', lambda: datetime.fromtimestamp('1')),
                 ('fromtimestamp tz', lambda: datetime.fromtimestamp(0, 5)), ('astimezone int', lambda: x.astimezone(5)),
                 ('combine', lambda: datetime.combine(1, 2)), ('combine2', lambda: datetime.combine(date(1, 1, 1), 2)),
                 ('isoformat sep', lambda: x.isoformat('xx')), ('isoformat int', lambda: x.isoformat(1)), ('timespec', lambda: x.isoformat(timespec='x')),
                 ('dt<date', lambda: x < date(2020, 1, 1)), ('dt==date', lambda: x == date(2021, 3, 4)), ('utcoffset naive', lambda: datetime(2000, 1, 1).utcoffset())]:
    t(label, f)


# --- tzinfo subclasses: offsets checked, fold and PEP 495 equality, fromutc
class Fixed(tzinfo):
    def __init__(self, minutes, name='F'):
        self.off, self.name = timedelta(minutes=minutes), name
    def utcoffset(self, dt):
        return self.off
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return self.name
    def __repr__(self):
        return 'Fixed(%d)' % (self.off.total_seconds() // 60)


class Folding(tzinfo):
    # Offset +1h, but -0h for fold=1 between 1:00 and 2:00 (a repeated hour).
    def utcoffset(self, dt):
        if dt is None:
            return None
        return timedelta(hours=0 if (dt.fold and 1 <= dt.hour < 2) else 1)
    def dst(self, dt):
        return timedelta(0)


class Bad(tzinfo):
    def __init__(self, value):
        self.value = value
    def utcoffset(self, dt):
        return self.value
    def tzname(self, dt):
        return self.value


f30 = Fixed(30)
p = datetime(2000, 1, 1, 12, tzinfo=f30)
print(p, p.utcoffset(), p.tzname(), p.astimezone(utc), utc.fromutc(datetime(2000, 1, 1, tzinfo=utc)), f30.fromutc(p))
print(p.strftime('%z %Z'), time(1, tzinfo=Fixed(-90, 'a%b')).strftime('%z %Z'), p == datetime(2000, 1, 1, 11, 30, tzinfo=utc))
f0, f1 = datetime(2000, 1, 1, 1, 30, tzinfo=Folding()), datetime(2000, 1, 1, 1, 30, tzinfo=Folding(), fold=1)
print(f0 == f1, f0.utcoffset(), f1.utcoffset(), f1 == f1.replace(tzinfo=Folding()), f0 == datetime(2000, 1, 1, 0, 30, tzinfo=utc))
print(datetime(2000, 1, 1, 1, 30, fold=1) == datetime(2000, 1, 1, 1, 30), hash(datetime(2000, 1, 1, 1, 30, fold=1)) == hash(datetime(2000, 1, 1, 1, 30)))
for v in [timedelta(hours=24), timedelta(hours=-24), 5, 'x', None]:
    t('bad offset %r' % (v,), lambda: datetime(2000, 1, 1, tzinfo=Bad(v)).utcoffset())
    t('bad tzname %r' % (v,), lambda: datetime(2000, 1, 1, tzinfo=Bad(v)).tzname())
for label, f in [('tzinfo utcoffset', lambda: tzinfo().utcoffset(None)), ('tzinfo tzname', lambda: tzinfo().tzname(None)),
                 ('tzinfo dst', lambda: tzinfo().dst(None)), ('tzinfo fromutc', lambda: tzinfo().fromutc(5)),
                 ('utc fromutc naive', lambda: utc.fromutc(datetime(2020, 1, 1))), ('utc utcoffset int', lambda: utc.utcoffset(5)),
                 ('tz sub', lambda: type('T', (timezone,), {})), ('fromutc nodst', lambda: Bad(timedelta(0)).fromutc(datetime(2000, 1, 1, tzinfo=None)))]:
    t(label, f)
print(timezone(timedelta(hours=1)).tzname(None), timezone(-timedelta(hours=1, minutes=30, seconds=5, microseconds=3)).tzname(None),
      str(utc), repr(utc), repr(plus2), plus2.utcoffset(None), plus2.dst(None), plus2 == timezone(timedelta(hours=2)), utc == 5)
print(hash(timezone(timedelta(hours=2))) == hash(plus2), hash(timedelta(1, 2, 3)) == hash((1, 2, 3)), hash(a), hash(timedelta(0)))

# --- hashes consistent with equality
print(hash(datetime(2020, 1, 1, 12, tzinfo=plus2)) == hash(datetime(2020, 1, 1, 10, tzinfo=utc)),
      hash(time(12, tzinfo=plus2)) == hash(time(10, tzinfo=utc)), len({date(2020, 1, 1), date(2020, 1, 1), date(2020, 1, 2)}),
      hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)), len({datetime(2020, 1, 1), datetime(2020, 1, 1, fold=1)}))

# --- pickles and copies: the bytes CPython's _datetime writes
objs = [timedelta(1, 2, 3), date(2022, 12, 5), time(1, 2, 3, 4, utc, fold=1), datetime(2022, 12, 5, 1, 2, 3, 4, fold=1),
        datetime(2022, 12, 5, tzinfo=plus2), utc, plus2, timezone(timedelta(minutes=-5)), date(2020, 1, 1).isocalendar()]
for o in objs:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(o, proto)
        back = pickle.loads(data)
        assert back == o and type(back) is type(o) or type(o).__name__ == 'IsoCalendarDate', (o, back)
        if proto in (0, 2, 3):
            print(proto, data)
    print(repr(copy.copy(o)), repr(copy.deepcopy(o)), o.__reduce__())
print(datetime(2022, 12, 5, fold=1).__reduce_ex__(4), time(fold=1).__reduce_ex__(3), tzinfo().__reduce__())
print(date(b'\x07\xe6\x0c\x05'), datetime(b'\x07\xe6\x8c\x05\x01\x02\x03\x00\x00\x04'), time(b'\x81\x02\x03\x00\x00\x04', utc),
      date('\x07\xe6\x0c\x05'), datetime(b'\x07\xe6\x0d\x05\x01\x02\x03\x00\x00\x04') if False else None)
t('bad tzinfo state', lambda: time(b'\x01\x02\x03\x00\x00\x04', 5))
pickletools.dis(pickle.dumps(datetime(2022, 12, 5, 1, 2, tzinfo=plus2), 2))


# --- subclasses
class MyDate(date):
    def __new__(cls, *args, **kw):
        self = super().__new__(cls, *args, **kw)
        self.extra = 'new'
        return self


class MyDateTime(datetime):
    pass


class MyDelta(timedelta):
    def __repr__(self):
        return 'MyDelta!'


md = MyDate(2020, 1, 1)
print(type(md + timedelta(3)).__name__, (md + timedelta(3)).extra, type(MyDate.fromordinal(5)).__name__, MyDate.fromordinal(5).extra,
      type(MyDate.fromisoformat('2020-01-02')).__name__, type(md.replace(day=3)).__name__, repr(md), md == date(2020, 1, 1))
mdt = MyDateTime(2020, 1, 1, 5, tzinfo=utc)
print(repr(mdt), type(mdt + timedelta(1)).__name__, type(mdt.astimezone(plus2)).__name__, type(MyDateTime.now()).__name__,
      type(MyDateTime.combine(date(1, 1, 1), time())).__name__, type(MyDateTime.fromtimestamp(0, utc)).__name__,
      type(MyDateTime.strptime('2020', '%Y')).__name__, type(mdt.replace(hour=1)).__name__, type(pickle.loads(pickle.dumps(mdt))).__name__)
print(MyDelta(1), type(MyDelta(1) + timedelta(1)).__name__, type(-MyDelta(1)).__name__, str(MyDelta(hours=1)))
print(isinstance(mdt, date), issubclass(datetime, date), datetime.__base__, timezone.__base__, MyDateTime.__mro__[1:])

# --- edges: rounding of timestamps and floats, trusted pickle states, parser corners, local time
edges = [
    lambda: datetime.utcfromtimestamp(1e18), lambda: date.fromtimestamp(-1e13), lambda: datetime(9999, 12, 31, 23).astimezone(timezone(timedelta(hours=-5))),
    lambda: datetime.min.replace(tzinfo=timezone(timedelta(hours=1))).astimezone(utc), lambda: date(b'\x00\x00\x01\x01').isocalendar(),
    lambda: date(b'\x00\x00\x01\x01').toordinal(), lambda: date(b'\x00\x00\x01\x01') + timedelta(1), lambda: date(b'\xff\xff\x0c\xff').isoformat(),
    lambda: time(b'\x17\xff\xff\xff\xff\xff').isoformat(), lambda: datetime(b'\x07\xe4\x01\x01\x30\x02\x03\x00\x00\x04').isoformat(),
    lambda: timedelta(microseconds=-1) * -1.0, lambda: timedelta.max * 1.0, lambda: timedelta.max / 0.5, lambda: timedelta(1) // -7,
    lambda: divmod(timedelta(-1), timedelta(seconds=7)), lambda: timedelta(1) % timedelta(seconds=-7), lambda: datetime(2000, 1, 1) + timedelta.max,
    lambda: date(2000, 1, 1) - timedelta.min, lambda: timezone(timedelta(hours=1), '').tzname(None), lambda: datetime(2000, 1, 1).strftime('%'),
    lambda: datetime(2000, 1, 1).strftime('%Q'), lambda: datetime(2000, 1, 1).strftime('\ud800'), lambda: datetime.fromisoformat('2020-01-01T12:30:45.1234567891'),
    lambda: datetime.fromisoformat('2020-01-01T12:30:45.'), lambda: datetime.fromisoformat('2020-01-01T12:30:45,5+05'),
    lambda: datetime.fromisoformat('2020-01-01T12:30:45.5-05:30:15.123'), lambda: datetime.fromisoformat('2020-01-01 1'),
    lambda: datetime.fromisoformat('2020-01-01\ud80012:30'), lambda: time.fromisoformat('123045.5'), lambda: time.fromisoformat('1230:45'),
    lambda: type(date(2000, 1, 1).isocalendar())(2000, 1, 2), lambda: timedelta(seconds=1e-7), lambda: timedelta(seconds=-1e-7),
    lambda: timedelta(days=1e-11), lambda: timedelta(hours=float('inf')), lambda: timedelta(seconds=True), lambda: hash(timedelta.max),
    lambda: datetime.fromtimestamp(-0.0000005, utc), lambda: datetime.fromtimestamp(0.0000015, utc),
    lambda: datetime.fromtimestamp(datetime.max.replace(tzinfo=utc).timestamp(), utc), lambda: datetime(1, 1, 1).timestamp(),
    lambda: datetime.fromtimestamp(1e9), lambda: datetime(2021, 11, 7, 1, 30, fold=1).timestamp(), lambda: datetime(2021, 3, 14, 2, 30).astimezone().utcoffset(),
    lambda: datetime.fromtimestamp(1636263000) == datetime.fromtimestamp(1636263000 - 3600), lambda: date.fromtimestamp(1e9),
]
for i, f in enumerate(edges):
    t('edge %d' % i, f)
for name in ['date', 'time', 'datetime', 'timedelta', 'tzinfo', 'timezone']:
    cls = getattr(D, name)
    print(name, sorted(k for k in vars(cls) if not k.startswith('__') or k in ('__reduce__', '__reduce_ex__', '__format__', '__getinitargs__')))
for f in [lambda: date.fromtimestamp('1'), lambda: date.fromtimestamp(None), lambda: date.fromtimestamp(2**70), lambda: date.fromtimestamp(float('nan')),
          lambda: date.fromtimestamp(-1.5), lambda: datetime.fromtimestamp(None), lambda: datetime.utcfromtimestamp(2**70),
          lambda: datetime.utcfromtimestamp(-1.5), lambda: date.fromtimestamp(1e19)]:
    t('timestamp', f)
