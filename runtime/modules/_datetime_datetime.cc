// datetime.datetime: a date and a time of day, naive or aware.  A subclass
// of date in layout (DateTimeObj extends DateObj) as in Python.
//
// Local time follows CPython's algorithms: a timestamp becomes local time
// through localtime_r, with fold set when the same wall time recurs (probing
// a day back, as datetime_from_timet_and_us); a naive datetime becomes a
// timestamp by solving local(u) = t (local_to_seconds).
#include "runtime/modules/_datetime.h"

#include <algorithm>
#include <cstddef>
#include <ctime>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::datetime {

Value newDateTime(int year, int month, int day, const TimeFields& t, Value tzinfo, Type* type) {
  if (!checkDateArgs(year, month, day) || !checkTimeArgs(t.hour, t.minute, t.second, t.microsecond, t.fold) ||
      !checkTzinfoArg(tzinfo)) {
    return Value();
  }
  auto* o = static_cast<DateTimeObj*>(newObject(type, type->basic_size));
  o->year = year;
  o->month = month;
  o->day = day;
  o->t = t;
  o->tzinfo.set(tzinfo);
  return Value(o);
}

Value newDateTimeSubclass(int year, int month, int day, const TimeFields& t, Value tzinfo, Type* cls) {
  if (cls == g_datetime_type) return newDateTime(year, month, day, t, tzinfo, cls);
  Value args[] = {newInt(year),     newInt(month),         newInt(day), newInt(t.hour), newInt(t.minute),
                  newInt(t.second), newInt(t.microsecond), tzinfo,      newInt(1)};
  if (t.fold == 0) return call(typeValue(cls), args, 8);
  return call(typeValue(cls), args, 8, newTupleOf({internStr("fold")}));
}

namespace {

DateTimeObj* asDT(Value v) { return asDateTime(v); }
Type* classArg(Value v) { return static_cast<Type*>(v.asObject()); }

constexpr int64_t kEpochOrdinal = 719163;  // date(1970, 1, 1).toordinal()
constexpr int64_t kEpochSeconds = kEpochOrdinal * kSecondsPerDay;
constexpr int64_t kMaxFoldSeconds = kSecondsPerDay;

// ===========================================================================
// Local time

// Seconds since 0001-01-01T00:00 of the fields; ValueError for a year out of range.
bool utcToSeconds(int64_t year, int month, int day, int hour, int minute, int second, int64_t* out) {
  if (year < kMinYear || year > kMaxYear) {
    raisef(exc::ValueError, "year %lld is out of range", static_cast<long long>(year));
    return false;
  }
  *out = ((ymdToOrd(static_cast<int>(year), month, day) * 24 + hour) * 60 + minute) * 60 + second;
  return true;
}

// local(u): the local wall time of UTC second u (since 0001-01-01), in the same unit.
bool local(int64_t u, int64_t* out) {
  struct tm tm;
  if (!localTime(u - kEpochSeconds, &tm)) return false;
  return utcToSeconds(tm.tm_year + 1900LL, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, out);
}

// The UTC second u whose local time is the given wall time (fold picks
// between two solutions; in a gap, the one fold says).
bool localToSeconds(int64_t year, int month, int day, int hour, int minute, int second, int fold, int64_t* out) {
  int64_t t, lt;
  if (!utcToSeconds(year, month, day, hour, minute, second, &t) || !local(t, &lt)) return false;
  int64_t a = lt - t;
  int64_t u1 = t - a, t1;
  if (!local(u1, &t1)) return false;
  int64_t b;
  if (t1 == t) {
    // One solution; look for an earlier (fold 0) or later (fold 1) one.
    int64_t u2 = fold ? u1 + kMaxFoldSeconds : u1 - kMaxFoldSeconds;
    if (!local(u2, &lt)) return false;
    b = lt - u2;
    if (a == b) {
      *out = u1;
      return true;
    }
  } else {
    b = t1 - u1;
  }
  int64_t u2 = t - b, t2;
  if (!local(u2, &t2)) return false;
  if (t2 == t) {
    *out = u2;
  } else if (t1 == t) {
    *out = u1;
  } else {
    // t is in a gap: neither offset solves it.
    *out = fold ? std::min(u1, u2) : std::max(u1, u2);
  }
  return true;
}

// The fixed-offset timezone in effect locally at POSIX time `timestamp`,
// named as the C library names it.
Value localTimezoneFromTimestamp(int64_t timestamp) {
  struct tm tm;
  if (!localTime(timestamp, &tm)) return Value();
  Value name = newStr(tm.tm_zone != nullptr ? tm.tm_zone : "");
  if (name.isNull()) return name;
  Value delta = newDelta(0, tm.tm_gmtoff, 0, true, g_delta_type);
  if (delta.isNull()) return delta;
  return newTimezone(delta, name);
}

Value localTimezoneFromLocal(Value dt) {
  DateTimeObj* o = asDT(dt);
  int64_t seconds;
  if (!localToSeconds(o->year, static_cast<int>(o->month), static_cast<int>(o->day), static_cast<int>(o->t.hour),
                      static_cast<int>(o->t.minute), static_cast<int>(o->t.second), static_cast<int>(o->t.fold),
                      &seconds)) {
    return Value();
  }
  return localTimezoneFromTimestamp(seconds - kEpochSeconds);
}

// The datetime of POSIX time (timet, us), local (tzinfo None and `local`)
// or UTC, with fold detected for local times.
Value fromTimetAndUs(Type* cls, bool use_local, int64_t timet, int64_t us, Value tzinfo) {
  struct tm tm;
  if (!(use_local ? localTime(timet, &tm) : utcTime(timet, &tm))) return Value();
  int64_t year = tm.tm_year + 1900LL;
  TimeFields t = {
      .hour = tm.tm_hour, .minute = tm.tm_min, .second = tm.tm_sec > 59 ? 59 : tm.tm_sec, .microsecond = us, .fold = 0};
  if (isNone(tzinfo) && use_local) {
    int64_t result_seconds, probe;
    if (!utcToSeconds(year, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, static_cast<int>(t.second),
                      &result_seconds) ||
        !local(kEpochSeconds + timet - kMaxFoldSeconds, &probe)) {
      return Value();
    }
    int64_t transition = result_seconds - probe - kMaxFoldSeconds;
    if (transition < 0) {
      if (!local(kEpochSeconds + timet + transition, &probe)) return Value();
      if (probe == result_seconds) t.fold = 1;
    }
  }
  if (year < kMinYear || year > kMaxYear) {
    return raisef(exc::ValueError, "year %lld is out of range", static_cast<long long>(year));
  }
  return newDateTimeSubclass(static_cast<int>(year), tm.tm_mon + 1, tm.tm_mday, t, tzinfo, cls);
}

// tzinfo.fromutc(dt) when tzinfo is not None, else dt.
Value applyFromUtc(Value dt, Value tzinfo) {
  if (dt.isNull() || isNone(tzinfo)) return dt;
  return callMethod(tzinfo, internStr("fromutc"), &dt, 1);
}

// ===========================================================================
// Construction

const MethodDef kDateTimeNewDef = {
    .name = "datetime",
    .signature =
        "(year, month, day, hour=<unrepresentable>, minute=<unrepresentable>, second=<unrepresentable>, "
        "microsecond=<unrepresentable>, tzinfo=None, *, fold=<unrepresentable>)",
    .flags = method_flags::kLegacyArity};

Value datetime_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  std::string state;
  if (nargs >= 1 && nargs <= 2 && (kwnames.isNull() || tupleLength(kwnames) == 0) &&
      pickleStateBytes(args[0], 10, &state)) {
    auto* p = reinterpret_cast<const unsigned char*>(state.data());
    int month = p[2] & 0x7f;
    if (month >= 1 && month <= 12) {
      Value tzinfo = nargs == 2 ? args[1] : None();
      if (!isNone(tzinfo) && !isTzinfo(tzinfo)) return raise(exc::TypeError, "bad tzinfo state arg");
      // Only the month is checked, as CPython: a pickle is trusted.
      auto* o = static_cast<DateTimeObj*>(newObject(type, type->basic_size));
      o->year = p[0] * 256 + p[1];
      o->month = month;
      o->day = p[3];
      timeFromBytes(p + 4, &o->t);
      o->t.hour = p[4];
      o->t.fold = p[2] >> 7;
      o->tzinfo.set(tzinfo);
      return Value(o);
    }
  }
  Value a[9];
  if (!bindUnnamed(&kDateTimeNewDef, args, nargs, kwnames, a)) return Value();
  int64_t y, m, d;
  if (!argInt(a[0], &y) || !argInt(a[1], &m) || !argInt(a[2], &d)) return Value();
  TimeFields t = {};
  if (!timeArgs(a + 3, a[8], &t)) return Value();
  if (!checkDateArgs(y, m, d)) return Value();
  return newDateTime(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d), t, a[7], type);
}

Value datetime_now(Value* args) {
  Value tz = args[1];
  if (!checkTzinfoArg(tz)) return Value();
  int64_t seconds, us;
  currentTimeval(&seconds, &us);
  return applyFromUtc(fromTimetAndUs(classArg(args[0]), isNone(tz), seconds, us, tz), tz);
}

Value datetime_utcnow(Value* args) {
  int64_t seconds, us;
  currentTimeval(&seconds, &us);
  return fromTimetAndUs(classArg(args[0]), false, seconds, us, None());
}

Value datetime_fromtimestamp(Value* args) {
  Value tz = args[2];
  if (!checkTzinfoArg(tz)) return Value();
  int64_t seconds, us;
  if (!timestampToTimeval(args[1], &seconds, &us)) return Value();
  return applyFromUtc(fromTimetAndUs(classArg(args[0]), isNone(tz), seconds, us, tz), tz);
}

Value datetime_utcfromtimestamp(Value* args) {
  int64_t seconds, us;
  if (!timestampToTimeval(args[1], &seconds, &us)) return Value();
  return fromTimetAndUs(classArg(args[0]), false, seconds, us, None());
}

Value datetime_strptime(Value* args) {
  Value module = importModule(internStr("_strptime"));
  if (module.isNull()) return module;
  Value call_args[] = {args[0], args[1], args[2]};
  return callMethod(module, internStr("_strptime_datetime"), call_args, 3);
}

Value datetime_combine(Value* args) {
  Value date = args[1], time = args[2];
  if (!isDate(date)) {
    return raisef(exc::TypeError, "combine() argument 1 must be datetime.date, not %s", typeNameOf(date).c_str());
  }
  if (!isTime(time)) {
    return raisef(exc::TypeError, "combine() argument 2 must be datetime.time, not %s", typeNameOf(time).c_str());
  }
  Value tzinfo = args[3].isNull() ? asTime(time)->tzinfo.get() : args[3];
  DateObj* d = asDate(date);
  return newDateTimeSubclass(static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day),
                             asTime(time)->t, tzinfo, classArg(args[0]));
}

// The position of the date/time separator in an ISO string of n >= 7 code
// points, as datetime.py's _find_isoformat_datetime_separator; -1: invalid.
int64_t isoSeparator(const std::u32string& s) {
  size_t n = s.size();
  auto digit = [&](size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  if (n == 7) return 7;
  if (s[4] == '-') {
    if (s[5] != 'W') return 10;
    if (n > 8 && s[8] == '-') {
      if (n == 9) return -1;
      if (n > 10 && digit(10)) return 8;
      return 10;
    }
    return 8;
  }
  if (s[4] == 'W') {
    size_t i = 7;
    while (i < n && digit(i)) ++i;
    if (i < 9) return static_cast<int64_t>(i);
    return i % 2 == 0 ? 7 : 8;
  }
  return 8;
}

// The ASCII text of s[from, to), false if it holds anything else.
bool asciiSlice(const std::u32string& s, size_t from, size_t to, std::string* out) {
  out->clear();
  for (size_t i = from; i < to && i < s.size(); ++i) {
    if (s[i] > 0x7f) return false;
    out->push_back(static_cast<char>(s[i]));
  }
  return true;
}

Value datetime_fromisoformat(Value* args) {
  Value s = args[1];
  if (!isStr(s)) return raise(exc::TypeError, "fromisoformat: argument must be str");
  std::u32string text = strToUcs4(s);
  int year = 0, month = 0, day = 0;
  TimeFields t = {};
  bool has_tz = false, ok = text.size() >= 7;
  int64_t tz_us = 0;
  if (ok) {
    int64_t sep = isoSeparator(text);
    std::string part;
    size_t consumed = 0;
    ok = sep > 0 && static_cast<size_t>(sep) <= text.size() && asciiSlice(text, 0, sep, &part) &&
         (part.size() == 7 || part.size() == 8 || part.size() == 10) &&
         parseIsoDate(part, &year, &month, &day, &consumed) && consumed == part.size();
    if (ok && static_cast<size_t>(sep) + 1 < text.size()) {
      ok = asciiSlice(text, sep + 1, text.size(), &part) && parseIsoTime(part, &t, &has_tz, &tz_us);
    } else if (ok && static_cast<size_t>(sep) + 1 == text.size()) {
      ok = false;
    }
  }
  if (!ok) {
    Value r = repr(s);
    if (r.isNull()) return r;
    return raisef(exc::ValueError, "Invalid isoformat string: %s", strToUtf8(r).c_str());
  }
  Value tzinfo = has_tz ? timezoneForOffset(tz_us) : None();
  if (tzinfo.isNull()) return tzinfo;
  return newDateTimeSubclass(year, month, day, t, tzinfo, classArg(args[0]));
}

// ===========================================================================
// Offsets

Value dtUtcOffset(Value self) { return callUtcOffset(asDT(self)->tzinfo.get(), self); }

// self with its time moved by `us` microseconds (the subclass is called, as
// CPython's add_datetime_timedelta).
Value addMicroseconds(Value self, __int128 days, __int128 seconds, __int128 us) {
  DateTimeObj* o = asDT(self);
  __int128 total_days = days;
  int64_t year = o->year, month = o->month, day = o->day, hour = o->t.hour, minute = o->t.minute;
  int64_t second = o->t.second + static_cast<int64_t>(seconds), micro = o->t.microsecond + static_cast<int64_t>(us);
  if (total_days > kMaxOrdinal || total_days < -kMaxOrdinal)
    return raise(exc::OverflowError, "date value out of range");
  hour += static_cast<int64_t>(total_days) * 24;
  if (!normalizeDateTime(&year, &month, &day, &hour, &minute, &second, &micro)) return Value();
  TimeFields t = {.hour = hour, .minute = minute, .second = second, .microsecond = micro, .fold = 0};
  return newDateTimeSubclass(static_cast<int>(year), static_cast<int>(month), static_cast<int>(day), t,
                             asDT(self)->tzinfo.get(), typeOf(self));
}

Value addDelta(Value dt, Value delta, int factor) {
  DeltaObj* d = asDelta(delta);
  return addMicroseconds(dt, factor * static_cast<__int128>(d->days), factor * static_cast<__int128>(d->seconds),
                         factor * static_cast<__int128>(d->microseconds));
}

// ===========================================================================
// Arithmetic

Value datetime_add(Value a, Value b) {
  if (isDateTime(a) && isDelta(b)) return addDelta(a, b, 1);
  if (isDelta(a) && isDateTime(b)) return addDelta(b, a, 1);
  return NotImplemented();
}

// Microseconds between the fields of two datetimes, ignoring tzinfo.
__int128 naiveDifference(DateTimeObj* x, DateTimeObj* y) {
  int64_t days = ymdToOrd(static_cast<int>(x->year), static_cast<int>(x->month), static_cast<int>(x->day)) -
                 ymdToOrd(static_cast<int>(y->year), static_cast<int>(y->month), static_cast<int>(y->day));
  int64_t seconds = (x->t.hour - y->t.hour) * 3600 + (x->t.minute - y->t.minute) * 60 + (x->t.second - y->t.second);
  return (static_cast<__int128>(days) * kSecondsPerDay + seconds) * kUsPerSecond +
         (x->t.microsecond - y->t.microsecond);
}

// a - b for two datetimes: a timedelta, or null with the error pending.
Value subtractDateTimes(Value a, Value b) {
  Value off1 = None(), off2 = None();
  if (asDT(a)->tzinfo.get().asObject() != asDT(b)->tzinfo.get().asObject()) {
    off1 = dtUtcOffset(a);
    if (off1.isNull()) return off1;
    off2 = dtUtcOffset(b);
    if (off2.isNull()) return off2;
    if (isNone(off1) != isNone(off2)) {
      return raise(exc::TypeError, "can't subtract offset-naive and offset-aware datetimes");
    }
  }
  __int128 us = naiveDifference(asDT(a), asDT(b));
  if (!isNone(off1)) us -= deltaMicroseconds(off1) - deltaMicroseconds(off2);
  return deltaFromMicroseconds128(us, g_delta_type);
}

Value datetime_subtract(Value a, Value b) {
  if (!isDateTime(a)) return NotImplemented();
  if (isDateTime(b)) return subtractDateTimes(a, b);
  if (isDelta(b)) return addDelta(a, b, -1);
  return NotImplemented();
}

// ===========================================================================
// Comparison and hash

int compareFields(DateTimeObj* x, DateTimeObj* y) {
  int64_t a[] = {x->year, x->month, x->day, x->t.hour, x->t.minute, x->t.second, x->t.microsecond};
  int64_t b[] = {y->year, y->month, y->day, y->t.hour, y->t.minute, y->t.second, y->t.microsecond};
  for (int i = 0; i < 7; ++i) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

// A copy of dt with fold set to `fold` (the exact same type, no __new__).
Value withFold(Value dt, int64_t fold) {
  DateObj* d = asDate(dt);
  TimeFields t = asDT(dt)->t;
  t.fold = fold;
  return newDateTime(static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day), t,
                     asDT(dt)->tzinfo.get(), typeOf(dt));
}

bool sameOffset(Value a, Value b) {
  if (a.asObject() == b.asObject()) return true;
  return isDelta(a) && isDelta(b) && deltaMicroseconds(a) == deltaMicroseconds(b);
}

// PEP 495: an aware datetime in a fold or gap is unequal to every other
// datetime when flipping its fold changes its offset.  1, 0, or -1 on error.
int pep495Exception(Value a, Value b, Value off_a, Value off_b) {
  Value flipped = withFold(a, 1 - asDT(a)->t.fold);
  if (flipped.isNull()) return -1;
  Value flip_off = dtUtcOffset(flipped);
  if (flip_off.isNull()) return -1;
  if (!sameOffset(flip_off, off_a)) return 1;
  flipped = withFold(b, 1 - asDT(b)->t.fold);
  if (flipped.isNull()) return -1;
  flip_off = dtUtcOffset(flipped);
  if (flip_off.isNull()) return -1;
  return sameOffset(flip_off, off_b) ? 0 : 1;
}

Value datetime_richcompare(Value a, Value b, int op) {
  if (!isDateTime(b)) {
    if (isDate(b)) {
      if (op == kEq) return False();
      if (op == kNe) return True();
      return raisef(exc::TypeError, "can't compare %s to %s", typeNameOf(a).c_str(), typeNameOf(b).c_str());
    }
    return NotImplemented();
  }
  if (asDT(a)->tzinfo.get().asObject() == asDT(b)->tzinfo.get().asObject()) {
    return compareResult(compareFields(asDT(a), asDT(b)), op);
  }
  Value off1 = dtUtcOffset(a);
  if (off1.isNull()) return off1;
  Value off2 = dtUtcOffset(b);
  if (off2.isNull()) return off2;
  int diff;
  if (sameOffset(off1, off2)) {
    diff = compareFields(asDT(a), asDT(b));
  } else if (!isNone(off1) && !isNone(off2)) {
    __int128 us = naiveDifference(asDT(a), asDT(b)) - (deltaMicroseconds(off1) - deltaMicroseconds(off2));
    diff = us < 0 ? -1 : us > 0 ? 1 : 0;
  } else {
    if (op == kEq) return False();
    if (op == kNe) return True();
    return raise(exc::TypeError, "can't compare offset-naive and offset-aware datetimes");
  }
  if ((op == kEq || op == kNe) && diff == 0 && !isNone(off1)) {
    int ex = pep495Exception(a, b, off1, off2);
    if (ex < 0) return Value();
    if (ex) diff = 1;
  }
  return compareResult(diff, op);
}

void dateTimeBytes(Value dt, unsigned char out[10]) {
  DateTimeObj* o = asDT(dt);
  out[0] = static_cast<unsigned char>(o->year >> 8);
  out[1] = static_cast<unsigned char>(o->year & 0xff);
  out[2] = static_cast<unsigned char>(o->month);
  out[3] = static_cast<unsigned char>(o->day);
  timeToBytes(o->t, out + 4);
}

int64_t datetime_hash(Value self) {
  Value self0 = self;
  if (asDT(self)->t.fold != 0) {
    self0 = withFold(self, 0);
    if (self0.isNull()) return -1;
  }
  Value offset = dtUtcOffset(self0);
  if (offset.isNull()) return -1;
  if (isNone(offset)) {
    unsigned char data[10];
    dateTimeBytes(self, data);
    Value b = newBytes(data, 10);
    if (b.isNull()) return -1;
    return bytesHash(b);
  }
  DateTimeObj* o = asDT(self);
  int64_t days = ymdToOrd(static_cast<int>(o->year), static_cast<int>(o->month), static_cast<int>(o->day));
  __int128 us = (static_cast<__int128>(days) * kSecondsPerDay + o->t.hour * 3600 + o->t.minute * 60 + o->t.second) *
                    kUsPerSecond +
                o->t.microsecond - deltaMicroseconds(offset);
  Value local = deltaFromMicroseconds128(us, g_delta_type);
  if (local.isNull()) return -1;
  return hash(local);
}

// ===========================================================================
// Text

Value datetime_repr(Value self) {
  DateTimeObj* o = asDT(self);
  char buf[128];
  int n = snprintf(buf, sizeof buf, "(%d, %d, %d, %d, %d", static_cast<int>(o->year), static_cast<int>(o->month),
                   static_cast<int>(o->day), static_cast<int>(o->t.hour), static_cast<int>(o->t.minute));
  if (o->t.second != 0 || o->t.microsecond != 0) {
    n += snprintf(buf + n, sizeof buf - n, ", %d", static_cast<int>(o->t.second));
  }
  if (o->t.microsecond != 0) snprintf(buf + n, sizeof buf - n, ", %d", static_cast<int>(o->t.microsecond));
  std::string out = reprName(self) + buf;
  if (o->t.fold != 0) out += ", fold=1";
  Value tzinfo = o->tzinfo.get();
  if (!isNone(tzinfo)) {
    Value r = repr(tzinfo);
    if (r.isNull()) return r;
    out += ", tzinfo=" + strToUtf8(r);
  }
  return newStr(out + ")");
}

Value datetime_str(Value self) {
  Value sep = newStr(" ");
  return callMethod(self, internStr("isoformat"), &sep, 1);
}

Value datetime_isoformat(Value* args) {
  Value self = args[0], sep = args[1], timespec = args[2];
  if (!isStr(sep) || strToUcs4(sep).size() != 1) {
    return raisef(exc::TypeError, "isoformat() argument 1 must be a unicode character, not %s",
                  typeNameOf(sep).c_str());
  }
  if (!isStr(timespec)) {
    return raisef(exc::TypeError, "isoformat() argument 2 must be str, not %s", typeNameOf(timespec).c_str());
  }
  DateTimeObj* o = asDT(self);
  std::string out;
  appendIsoDate(&out, static_cast<int>(o->year), static_cast<int>(o->month), static_cast<int>(o->day));
  out += strToUtf8(sep);
  if (!appendIsoTime(&out, asDT(self)->t, strToUtf8(timespec))) return Value();
  Value offset = dtUtcOffset(self);
  if (offset.isNull()) return offset;
  if (!isNone(offset)) appendOffset(&out, offset, ":");
  return newStr(out);
}

Value datetime_ctime(Value* args) {
  DateTimeObj* o = asDT(args[0]);
  return formatCtime(static_cast<int>(o->year), static_cast<int>(o->month), static_cast<int>(o->day),
                     static_cast<int>(o->t.hour), static_cast<int>(o->t.minute), static_cast<int>(o->t.second));
}

// ===========================================================================
// Methods

Value datetime_utcoffset(Value* args) { return dtUtcOffset(args[0]); }
Value datetime_dst(Value* args) { return callDst(asDT(args[0])->tzinfo.get(), args[0]); }
Value datetime_tzname(Value* args) { return callTzname(asDT(args[0])->tzinfo.get(), args[0]); }

Value datetime_date(Value* args) {
  DateObj* d = asDate(args[0]);
  return newDate(static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day), g_date_type);
}

Value datetime_time(Value* args) { return newTime(asDT(args[0])->t, None(), g_time_type); }

Value datetime_timetz(Value* args) { return newTime(asDT(args[0])->t, asDT(args[0])->tzinfo.get(), g_time_type); }

Value datetime_timetuple(Value* args) {
  Value self = args[0];
  int dstflag = -1;
  Value tzinfo = asDT(self)->tzinfo.get();
  if (!isNone(tzinfo)) {
    Value dst = callDst(tzinfo, self);
    if (dst.isNull()) return dst;
    if (!isNone(dst)) dstflag = deltaMicroseconds(dst) != 0 ? 1 : 0;
  }
  DateTimeObj* o = asDT(self);
  return buildStructTime(static_cast<int>(o->year), static_cast<int>(o->month), static_cast<int>(o->day),
                         static_cast<int>(o->t.hour), static_cast<int>(o->t.minute), static_cast<int>(o->t.second),
                         dstflag);
}

Value datetime_utctimetuple(Value* args) {
  Value self = args[0];
  Value utc = self;
  Value tzinfo = asDT(self)->tzinfo.get();
  if (!isNone(tzinfo)) {
    Value offset = callUtcOffset(tzinfo, self);
    if (offset.isNull()) return offset;
    if (!isNone(offset)) {
      utc = addDelta(self, offset, -1);
      if (utc.isNull()) return utc;
    }
  }
  DateTimeObj* o = asDT(utc);
  return buildStructTime(static_cast<int>(o->year), static_cast<int>(o->month), static_cast<int>(o->day),
                         static_cast<int>(o->t.hour), static_cast<int>(o->t.minute), static_cast<int>(o->t.second), 0);
}

Value datetime_timestamp(Value* args) {
  Value self = args[0];
  DateTimeObj* o = asDT(self);
  if (!isNone(o->tzinfo.get())) {
    TimeFields midnight = {};
    Value epoch = newDateTime(1970, 1, 1, midnight, utcTimezone(), g_datetime_type);
    if (epoch.isNull()) return epoch;
    Value delta = subtractDateTimes(self, epoch);
    if (delta.isNull()) return delta;
    return callMethod(delta, internStr("total_seconds"), nullptr, 0);
  }
  int64_t seconds;
  if (!localToSeconds(o->year, static_cast<int>(o->month), static_cast<int>(o->day), static_cast<int>(o->t.hour),
                      static_cast<int>(o->t.minute), static_cast<int>(o->t.second), static_cast<int>(o->t.fold),
                      &seconds)) {
    return Value();
  }
  return newFloat(static_cast<double>(seconds - kEpochSeconds) + static_cast<double>(o->t.microsecond) / 1e6);
}

Value datetime_replace(Value* args) {
  Value self = args[0];
  DateTimeObj* o = asDT(self);
  int64_t y = o->year, m = o->month, d = o->day;
  if (!args[1].isNull() && !argInt(args[1], &y)) return Value();
  if (!args[2].isNull() && !argInt(args[2], &m)) return Value();
  if (!args[3].isNull() && !argInt(args[3], &d)) return Value();
  TimeFields t = asDT(self)->t;
  if (!timeArgs(args + 4, args[9], &t)) return Value();
  Value tzinfo = args[8].isNull() ? asDT(self)->tzinfo.get() : args[8];
  if (!checkDateArgs(y, m, d)) return Value();
  return newDateTime(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d), t, tzinfo, typeOf(self));
}

// self moved to UTC and given tzinfo `tz` directly (the subclass is called
// for the move, as CPython's add_datetime_timedelta; the tzinfo is then set
// on a fresh instance of that type).
Value toUtcWith(Value self, Value offset, Value tz) {
  Value moved = addDelta(self, offset, -1);
  if (moved.isNull()) return moved;
  DateTimeObj* o = asDT(moved);
  return newDateTime(static_cast<int>(o->year), static_cast<int>(o->month), static_cast<int>(o->day), o->t, tz,
                     typeOf(moved));
}

Value datetime_astimezone(Value* args) {
  Value self = args[0], tz = args[1];
  if (!checkTzinfoArg(tz)) return Value();
  Value self_tz = asDT(self)->tzinfo.get();
  Value offset;
  if (!isNone(self_tz)) {
    if (self_tz.asObject() == tz.asObject()) return self;
    offset = callUtcOffset(self_tz, self);
    if (offset.isNull()) return offset;
  }
  if (isNone(self_tz) || isNone(offset)) {
    // Naive: self is local time.
    self_tz = localTimezoneFromLocal(self);
    if (self_tz.isNull()) return self_tz;
    if (self_tz.asObject() == tz.asObject()) return self;
    offset = callUtcOffset(self_tz, self);
    if (offset.isNull()) return offset;
  }
  if (isNone(tz)) {
    Value utc = toUtcWith(self, offset, utcTimezone());
    if (utc.isNull()) return utc;
    // The local zone in effect at that instant.
    TimeFields midnight = {};
    Value epoch = newDateTime(1970, 1, 1, midnight, utcTimezone(), g_datetime_type);
    if (epoch.isNull()) return epoch;
    Value since = subtractDateTimes(utc, epoch);
    if (since.isNull()) return since;
    __int128 us = deltaMicroseconds(since);
    __int128 seconds = us / kUsPerSecond - ((us % kUsPerSecond) < 0 ? 1 : 0);
    tz = localTimezoneFromTimestamp(static_cast<int64_t>(seconds));
    if (tz.isNull()) return tz;
    DateTimeObj* o = asDT(utc);
    Value result = newDateTime(static_cast<int>(o->year), static_cast<int>(o->month), static_cast<int>(o->day), o->t,
                               tz, typeOf(utc));
    if (result.isNull()) return result;
    return callMethod(tz, internStr("fromutc"), &result, 1);
  }
  Value result = toUtcWith(self, offset, tz);
  if (result.isNull()) return result;
  return callMethod(tz, internStr("fromutc"), &result, 1);
}

Value datetime___reduce_ex__(Value* args) {
  Value self = args[0];
  int64_t proto;
  if (!argInt(args[1], &proto)) return Value();
  unsigned char data[10];
  dateTimeBytes(self, data);
  if (proto > 3 && asDT(self)->t.fold != 0) data[2] |= 0x80;
  Value b = newBytes(data, 10);
  if (b.isNull()) return b;
  Value tzinfo = asDT(self)->tzinfo.get();
  Value state = isNone(tzinfo) ? newTupleOf({b}) : newTupleOf({b, tzinfo});
  if (state.isNull()) return state;
  return newTupleOf({typeValue(typeOf(self)), state});
}

Value datetime___reduce__(Value* args) {
  Value a[] = {args[0], newInt(2)};
  return datetime___reduce_ex__(a);
}

Value datetime_tzinfo(Value self) { return asDT(self)->tzinfo.get(); }

// ===========================================================================
// Tables

const MethodDef kDateTimeMethods[] = {
    {.name = "now",
     .signature = "($type, /, tz=None)",
     .fn = datetime_now,
     .flags = method_flags::kClassMethod,
     .doc = "Returns new datetime object representing current time local to tz.\n\n  tz\n    Timezone object.\n\nIf "
            "no tz is specified, uses local timezone."},
    {.name = "utcnow",
     .signature = "($type, /)",
     .fn = datetime_utcnow,
     .flags = method_flags::kClassMethod,
     .doc = "Return a new datetime representing UTC day and time."},
    {.name = "fromtimestamp",
     .signature = "($type, /, timestamp, tz=None)",
     .fn = datetime_fromtimestamp,
     .flags = method_flags::kClassMethod | method_flags::kLegacyArity,
     .doc = "timestamp[, tz] -> tz's local time from POSIX timestamp."},
    {.name = "utcfromtimestamp",
     .signature = "($type, timestamp, /)",
     .fn = datetime_utcfromtimestamp,
     .flags = method_flags::kClassMethod | method_flags::kLegacyArity,
     .doc = "Construct a naive UTC datetime from a POSIX timestamp."},
    {.name = "strptime",
     .signature = "($type, date_string, format, /)",
     .fn = datetime_strptime,
     .flags = method_flags::kClassMethod | method_flags::kLegacyArity,
     .doc = "string, format -> new datetime parsed from a string (like time.strptime())."},
    {.name = "combine",
     .signature = "($type, /, date, time, tzinfo=<unrepresentable>)",
     .fn = datetime_combine,
     .flags = method_flags::kClassMethod | method_flags::kLegacyArity,
     .doc = "date, time -> datetime with same date and time fields"},
    {.name = "fromisoformat",
     .signature = "($type, date_string, /)",
     .fn = datetime_fromisoformat,
     .flags = method_flags::kClassMethod,
     .doc = "string -> datetime from a string in most ISO 8601 formats"},
    {.name = "date",
     .signature = "($self, /)",
     .fn = datetime_date,
     .doc = "Return date object with same year, month and day."},
    {.name = "time",
     .signature = "($self, /)",
     .fn = datetime_time,
     .doc = "Return time object with same time but with tzinfo=None."},
    {.name = "timetz",
     .signature = "($self, /)",
     .fn = datetime_timetz,
     .doc = "Return time object with same time and tzinfo."},
    {.name = "timetuple",
     .signature = "($self, /)",
     .fn = datetime_timetuple,
     .doc = "Return time tuple, compatible with time.localtime()."},
    {.name = "timestamp",
     .signature = "($self, /)",
     .fn = datetime_timestamp,
     .doc = "Return POSIX timestamp as float."},
    {.name = "utctimetuple",
     .signature = "($self, /)",
     .fn = datetime_utctimetuple,
     .doc = "Return UTC time tuple, compatible with time.localtime()."},
    {.name = "isoformat",
     .signature = "($self, /, sep='T', timespec='auto')",
     .fn = datetime_isoformat,
     .flags = method_flags::kLegacyArity,
     .doc = "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\nsep is used to "
            "separate the year from the time, and defaults to 'T'.\nThe optional argument timespec specifies the "
            "number of additional terms\nof the time to include. Valid options are 'auto', 'hours', 'minutes',\n"
            "'seconds', 'milliseconds' and 'microseconds'.\n"},
    {.name = "ctime", .signature = "($self, /)", .fn = datetime_ctime, .doc = "Return ctime() style string."},
    {.name = "utcoffset",
     .signature = "($self, /)",
     .fn = datetime_utcoffset,
     .doc = "Return self.tzinfo.utcoffset(self)."},
    {.name = "tzname", .signature = "($self, /)", .fn = datetime_tzname, .doc = "Return self.tzinfo.tzname(self)."},
    {.name = "dst", .signature = "($self, /)", .fn = datetime_dst, .doc = "Return self.tzinfo.dst(self)."},
    {.name = "replace",
     .signature = "($self, /, year=<unrepresentable>, month=<unrepresentable>, day=<unrepresentable>, "
                  "hour=<unrepresentable>, minute=<unrepresentable>, second=<unrepresentable>, "
                  "microsecond=<unrepresentable>, tzinfo=<unrepresentable>, *, fold=<unrepresentable>)",
     .fn = datetime_replace,
     .flags = method_flags::kLegacyArity,
     .doc = "Return datetime with new specified fields."},
    {.name = "astimezone",
     .signature = "($self, /, tz=None)",
     .fn = datetime_astimezone,
     .flags = method_flags::kLegacyArity,
     .doc = "tz -> convert to local time in new timezone tz\n"},
    {.name = "__reduce_ex__",
     .signature = "($self, proto, /)",
     .fn = datetime___reduce_ex__,
     .doc = "__reduce_ex__(proto) -> (cls, state)"},
    {.name = "__reduce__", .signature = "($self, /)", .fn = datetime___reduce__, .doc = "__reduce__() -> (cls, state)"},
};

const GetSetDef kDateTimeGetSets[] = {
    {.name = "tzinfo", .get = datetime_tzinfo},
};

#define TERN_DATETIME_MEMBER(field)                                                                               \
  MemberDef {                                                                                                     \
    .name = #field, .kind = MemberKind::kInt64, .offset = offsetof(DateTimeObj, t) + offsetof(TimeFields, field), \
    .readonly = true                                                                                              \
  }
const MemberDef kDateTimeMembers[] = {
    TERN_DATETIME_MEMBER(hour),        TERN_DATETIME_MEMBER(minute), TERN_DATETIME_MEMBER(second),
    TERN_DATETIME_MEMBER(microsecond), TERN_DATETIME_MEMBER(fold),
};
#undef TERN_DATETIME_MEMBER

const uint32_t kDateTimeFields[] = {offsetof(Obj, ob_type), offsetof(DateTimeObj, tzinfo)};
const gc::Layout kDateTimeLayout = {.name = "datetime.datetime", .fields = kDateTimeFields};

const TypeSpec kDateTimeSpec = {
    .name = "datetime",
    .module = "datetime",
    .type = &g_datetime_type,
    .base = &g_date_type,
    .layout = &kDateTimeLayout,
    .basic_size = sizeof(DateTimeObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = datetime_repr,
              .tp_str = datetime_str,
              .tp_hash = datetime_hash,
              .tp_richcompare = datetime_richcompare,
              .tp_new = datetime_new,
              .nb_add = datetime_add,
              .nb_subtract = datetime_subtract},
    .methods = kDateTimeMethods,
    .getsets = kDateTimeGetSets,
    .members = kDateTimeMembers,
    .doc =
        "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\nThe year, month and "
        "day arguments are required. tzinfo may be None, or an\ninstance of a tzinfo subclass. The remaining "
        "arguments may be ints.\n",
};
TERN_REGISTER_TYPE(kDateTimeSpec);

}  // namespace

}  // namespace tern::datetime
