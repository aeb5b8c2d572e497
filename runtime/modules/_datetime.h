// The _datetime module's shared parts: the instance layouts of its types,
// the proleptic Gregorian calendar arithmetic they all use, and the helpers
// one type's file needs from another's.
//
// Files: _datetime_delta.cc (timedelta), _datetime_date.cc (date and
// IsoCalendarDate), _datetime_time.cc (time), _datetime_datetime.cc
// (datetime), _datetime_tz.cc (tzinfo, timezone), _datetime_format.cc
// (ISO 8601 text both ways, strftime, UTC offsets, the clock and time_t
// conversions), _datetime_module.cc (the module and class attributes).
//
// Invariants, enforced by the constructors (every instance is made by one of
// the new* functions below or by a type's tp_new, which checks its arguments):
//   - timedelta: -999999999 <= days <= 999999999, 0 <= seconds < 86400,
//     0 <= microseconds < 1000000.
//   - date: MINYEAR <= year <= MAXYEAR, 1 <= month <= 12,
//     1 <= day <= daysInMonth(year, month).
//   - time and datetime's time part: hour 0..23, minute and second 0..59,
//     microsecond 0..999999, fold 0 or 1; `tzinfo` is None or an instance of
//     tzinfo (a subclass), never null once the constructor returns.
//   - timezone: `offset` is a timedelta strictly between -24h and 24h;
//     `name` is a str or null (no name given).
// Two ways around the checks, as in CPython: a pickle state
// (date(b'\x07\xe6\x0c\x05')) is trusted beyond its month byte (and a time's
// hour), and the C API's Delta_FromDelta with normalize 0 trusts its caller.
// So only the month (always 1..12) may index a table; every other field is
// treated as a plain number (weekday() floors, ordToYmd is only given
// ordinals in 1..kMaxOrdinal or checked afterwards).
// Instances are immutable: nothing writes a field after the constructor.
#pragma once

#include <cstdint>
#include <string>

#include "runtime/objects/native.h"
#include "runtime/objects/object.h"

namespace tern::datetime {

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;
inline constexpr int kMaxOrdinal = 3652059;  // date(9999, 12, 31).toordinal()
inline constexpr int64_t kMaxDeltaDays = 999999999;
inline constexpr int64_t kUsPerSecond = 1000000;
inline constexpr int64_t kSecondsPerDay = 86400;
inline constexpr int64_t kUsPerDay = kUsPerSecond * kSecondsPerDay;

// The types, set at start-up by the type registry.
inline Type* g_delta_type = nullptr;
inline Type* g_date_type = nullptr;
inline Type* g_time_type = nullptr;
inline Type* g_datetime_type = nullptr;
inline Type* g_tzinfo_type = nullptr;
inline Type* g_timezone_type = nullptr;
inline Type* g_isocalendar_type = nullptr;

struct DeltaObj : Obj {
  int64_t days;
  int64_t seconds;
  int64_t microseconds;
};

struct DateObj : Obj {
  int64_t year;
  int64_t month;
  int64_t day;
};

// The time of day a time and a datetime carry.
struct TimeFields {
  int64_t hour;
  int64_t minute;
  int64_t second;
  int64_t microsecond;
  int64_t fold;
};

struct DateTimeObj : DateObj {
  gc::HeapValue tzinfo;
  TimeFields t;
};

struct TimeObj : Obj {
  gc::HeapValue tzinfo;
  TimeFields t;
};

struct TimezoneObj : Obj {
  gc::HeapValue offset;
  gc::HeapValue name;
};

inline DeltaObj* asDelta(Value v) { return static_cast<DeltaObj*>(v.asObject()); }
inline DateObj* asDate(Value v) { return static_cast<DateObj*>(v.asObject()); }
inline DateTimeObj* asDateTime(Value v) { return static_cast<DateTimeObj*>(v.asObject()); }
inline TimeObj* asTime(Value v) { return static_cast<TimeObj*>(v.asObject()); }
inline TimezoneObj* asTimezone(Value v) { return static_cast<TimezoneObj*>(v.asObject()); }

inline bool isDelta(Value v) { return !v.isSmallInt() && isInstance(v, g_delta_type); }
inline bool isDate(Value v) { return !v.isSmallInt() && isInstance(v, g_date_type); }
inline bool isDateTime(Value v) { return !v.isSmallInt() && isInstance(v, g_datetime_type); }
inline bool isTime(Value v) { return !v.isSmallInt() && isInstance(v, g_time_type); }
inline bool isTzinfo(Value v) { return !v.isSmallInt() && isInstance(v, g_tzinfo_type); }
inline bool isTimezone(Value v) { return !v.isSmallInt() && isInstance(v, g_timezone_type); }

// ===========================================================================
// Calendar arithmetic (proleptic Gregorian, ordinal 1 = 0001-01-01)

inline bool isLeap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

inline int daysInMonth(int year, int month) {
  static constexpr int kDays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeap(year) ? 29 : kDays[month];
}

inline int daysBeforeMonth(int year, int month) {
  static constexpr int kBefore[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return kBefore[month] + (month > 2 && isLeap(year) ? 1 : 0);
}

// Days in the years before `year` (year >= 1... or any int: the formula is exact).
inline int64_t daysBeforeYear(int64_t year) {
  int64_t y = year - 1;
  return y * 365 + y / 4 - y / 100 + y / 400;
}

inline int64_t ymdToOrd(int year, int month, int day) {
  return daysBeforeYear(year) + daysBeforeMonth(year, month) + day;
}

// The date of ordinal `ord` (1 <= ord; years past 9999 are computed too).
void ordToYmd(int64_t ord, int* year, int* month, int* day);

// 0 = Monday.  (Floored: a pickle may carry year 0, whose ordinals are negative.)
inline int weekday(int year, int month, int day) {
  return static_cast<int>(((ymdToOrd(year, month, day) + 6) % 7 + 7) % 7);
}

// The ordinal of the Monday of ISO week 1 of `year`.
inline int64_t isoWeek1Monday(int year) {
  int64_t first = ymdToOrd(year, 1, 1);
  int64_t first_weekday = (first + 6) % 7;
  int64_t monday = first - first_weekday;
  return first_weekday > 3 ? monday + 7 : monday;
}

// Normalises (hour, minute, second, microsecond) carries into whole days and
// the date by them: false with OverflowError "date value out of range" when
// the year leaves 1..9999.
bool normalizeDateTime(int64_t* year, int64_t* month, int64_t* day, int64_t* hour, int64_t* minute, int64_t* second,
                       int64_t* microsecond);
// Moves the date by `days`; false with OverflowError "date value out of range".
bool addDaysToDate(int* year, int* month, int* day, int64_t days);

// ===========================================================================
// Constructors (each checks its ranges; type is the class to make, the
// exact type or a subclass: a subclass is called with the fields, as CPython)

Value newDelta(int64_t days, int64_t seconds, int64_t microseconds, bool normalize, Type* type);
// A timedelta of `us` microseconds (a Python int).
Value microsecondsToDelta(Value us, Type* type);
// The total microseconds of a timedelta, as a Python int.
Value deltaToMicroseconds(Value delta);
// The same in 128 bits (always fits: |days| < 10^9).
inline __int128 deltaMicroseconds(Value delta) {
  DeltaObj* d = asDelta(delta);
  return (static_cast<__int128>(d->days) * kSecondsPerDay + d->seconds) * kUsPerSecond + d->microseconds;
}
Value deltaFromMicroseconds128(__int128 us, Type* type);

Value newDate(int year, int month, int day, Type* type);
Value newDateTime(int year, int month, int day, const TimeFields& t, Value tzinfo, Type* type);
Value newTime(const TimeFields& t, Value tzinfo, Type* type);
// The same for the class `cls` of a classmethod or an operand: a subclass is
// called with the fields (fold=1 as a keyword), so its __new__ runs.
Value newDateSubclass(int year, int month, int day, Type* cls);
Value newDateTimeSubclass(int year, int month, int day, const TimeFields& t, Value tzinfo, Type* cls);
Value newTimezone(Value offset, Value name);  // name null: none; no range check

// Pickle state of a time of day: hour (fold in the top bit), minute, second,
// microsecond in 3 big-endian bytes.
void timeFromBytes(const unsigned char* p, TimeFields* t);
void timeToBytes(const TimeFields& t, unsigned char* p);
// The hour, minute, second, microsecond arguments a[0..3] and `fold` (null:
// omitted, keeping what `t` holds); false with the error pending.
bool timeArgs(const Value* a, Value fold, TimeFields* t);
// The state of a pickled date/time/datetime: a bytes of length n, or a str
// of n code points below 256 (Python 2 pickles); false for anything else.
bool pickleStateBytes(Value state, size_t n, std::string* bytes);
// The checks the constructors share: ValueError with CPython's messages.
bool checkDateArgs(int64_t year, int64_t month, int64_t day);
bool checkTimeArgs(int64_t hour, int64_t minute, int64_t second, int64_t microsecond, int64_t fold);
bool checkTzinfoArg(Value tzinfo);
// bindArguments for a constructor CPython parses with an unnamed format:
// its TypeErrors say "function" instead of "date()".
bool bindUnnamed(const MethodDef* def, const Value* args, size_t nargs, Value kwnames, Value* out);
// PyArg_Parse's "i": an int (via __index__) in C int range.
bool argInt(Value v, int64_t* out);

// The local time of a POSIX timestamp (seconds), as struct tm fields; false
// with OverflowError/OSError as CPython's _PyTime_localtime.
bool localTime(int64_t t, struct tm* out);
bool utcTime(int64_t t, struct tm* out);
// Whole seconds of a timestamp, rounded down as CPython's
// _PyTime_ObjectToTime_t(_PyTime_ROUND_FLOOR); false with the error pending.
bool timestampToSeconds(Value timestamp, int64_t* seconds);
// Seconds and microseconds of a timestamp, rounded half to even as
// CPython's _PyTime_ObjectToTimeval; false with the error pending.
bool timestampToTimeval(Value timestamp, int64_t* seconds, int64_t* us);
// The wall-clock now (seconds and microseconds).
void currentTimeval(int64_t* seconds, int64_t* us);

// ===========================================================================
// tzinfo calls (checked as CPython: utcoffset/dst must be None or a
// timedelta strictly within a day; tzname None or a str)

Value callUtcOffset(Value tzinfo, Value arg);  // None when tzinfo is None
Value callDst(Value tzinfo, Value arg);
Value callTzname(Value tzinfo, Value arg);
// The UTC singleton.
Value utcTimezone();

// ===========================================================================
// Formatting (_datetime_format.cc)

// "+HH:MM[:SS[.ffffff]]" (sep between fields; "" for %z), appended to out.
void appendOffset(std::string* out, Value delta, const char* sep);
// "HH:MM:SS[.ffffff]" by timespec ("auto", "hours", "minutes", "seconds",
// "milliseconds", "microseconds"); false with ValueError "Unknown timespec value".
bool appendIsoTime(std::string* out, const TimeFields& t, std::string_view timespec);
void appendIsoDate(std::string* out, int year, int month, int day);
// strftime as CPython's wrap_strftime: %z, %:z (no: 3.12), %Z and %f are
// expanded here from `object` (a time or datetime; tzinfoarg passed to the
// tzinfo calls), the rest by time.strftime(format, timetuple).
Value wrapStrftime(Value object, Value format, Value timetuple, Value tzinfoarg);
// time.struct_time for the fields (dstflag -1/0/1).
Value buildStructTime(int year, int month, int day, int hour, int minute, int second, int dstflag);
// ctime()'s "Sun Jan  1 00:00:00 2023".
Value formatCtime(int year, int month, int day, int hour, int minute, int second);
// A repr's "ClassName" (tp_name of the instance's type).
std::string reprName(Value self);
// Calls time.<name>(args) (time.strftime, ...).
Value callTimeModule(const char* name, const Value* args, size_t nargs);

// fromisoformat's parsers: the fields parsed from text (UTF-8); false with
// ValueError "Invalid isoformat string: '...'" (the caller raises).
bool parseIsoDate(std::string_view s, int* year, int* month, int* day, size_t* consumed);
// Parses a time and an optional UTC offset; `tz` receives the offset in
// microseconds and `has_tz` whether there was one.
bool parseIsoTime(std::string_view s, TimeFields* t, bool* has_tz, int64_t* tz_us);
// The timezone for an offset in microseconds (utc for 0).
Value timezoneForOffset(int64_t us);

// Comparison of two int64-ordered things as a richcompare result.
inline Value compareResult(int c, int op) { return Bool(orderingSatisfies(c, op)); }

}  // namespace tern::datetime
