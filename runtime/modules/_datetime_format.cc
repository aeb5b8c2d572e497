// Text in and out of the _datetime types: ISO 8601 formatting and parsing
// (isoformat, fromisoformat), strftime's own directives (%z, %Z, %f; the
// rest goes to time.strftime, as CPython's wrap_strftime), and the clock:
// timestamps to broken-down time, rounded as CPython's _PyTime functions.
//
// fromisoformat accepts what CPython 3.11's C parser accepts: ASCII digits
// only (no signs, spaces or other Unicode digits), the date forms
// YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D], and times
// HH[:MM[:SS[.fff[fff]]]] (or without colons) with an optional offset
// (+HH[:MM[:SS[.ffffff]]] or Z).
#include <sys/time.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_datetime.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::datetime {

// ===========================================================================
// Formatting

void appendIsoDate(std::string* out, int year, int month, int day) {
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  *out += buf;
}

bool appendIsoTime(std::string* out, const TimeFields& t, std::string_view timespec) {
  char buf[64];
  int h = static_cast<int>(t.hour), m = static_cast<int>(t.minute), s = static_cast<int>(t.second);
  int us = static_cast<int>(t.microsecond);
  if (timespec == "auto") timespec = us != 0 ? "microseconds" : "seconds";
  if (timespec == "hours") {
    snprintf(buf, sizeof buf, "%02d", h);
  } else if (timespec == "minutes") {
    snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  } else if (timespec == "seconds") {
    snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
  } else if (timespec == "milliseconds") {
    snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", h, m, s, us / 1000);
  } else if (timespec == "microseconds") {
    snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", h, m, s, us);
  } else {
    raise(exc::ValueError, "Unknown timespec value");
    return false;
  }
  *out += buf;
  return true;
}

void appendOffset(std::string* out, Value delta, const char* sep) {
  __int128 us = deltaMicroseconds(delta);
  char sign = '+';
  if (us < 0) {
    sign = '-';
    us = -us;
  }
  int64_t total = static_cast<int64_t>(us);
  int micro = static_cast<int>(total % kUsPerSecond);
  int64_t seconds = total / kUsPerSecond;
  int s = static_cast<int>(seconds % 60), m = static_cast<int>(seconds / 60 % 60);
  int h = static_cast<int>(seconds / 3600);
  char buf[64];
  if (micro != 0) {
    snprintf(buf, sizeof buf, "%c%02d%s%02d%s%02d.%06d", sign, h, sep, m, sep, s, micro);
  } else if (s != 0) {
    snprintf(buf, sizeof buf, "%c%02d%s%02d%s%02d", sign, h, sep, m, sep, s);
  } else {
    snprintf(buf, sizeof buf, "%c%02d%s%02d", sign, h, sep, m);
  }
  *out += buf;
}

namespace {

// The tzinfo of a time or datetime (None for a date).
Value tzinfoOf(Value object) {
  if (isDateTime(object)) return asDateTime(object)->tzinfo.get();
  if (isTime(object)) return asTime(object)->tzinfo.get();
  return None();
}

int64_t microsecondOf(Value object) {
  if (isDateTime(object)) return asDateTime(object)->t.microsecond;
  if (isTime(object)) return asTime(object)->t.microsecond;
  return 0;
}

// %z's text: the UTC offset without separators, "" when there is none.
bool zReplacement(Value object, Value tzinfoarg, std::string* out) {
  Value tzinfo = tzinfoOf(object);
  if (isNone(tzinfo)) return true;
  Value offset = callUtcOffset(tzinfo, tzinfoarg);
  if (offset.isNull()) return false;
  if (!isNone(offset)) appendOffset(out, offset, "");
  return true;
}

// %Z's text: tzname() with % doubled, "" when there is none.
bool bigZReplacement(Value object, Value tzinfoarg, std::string* out) {
  Value tzinfo = tzinfoOf(object);
  if (isNone(tzinfo)) return true;
  Value name = callTzname(tzinfo, tzinfoarg);
  if (name.isNull()) return false;
  if (isNone(name)) return true;
  // Through the name's own replace(), as CPython (a str subclass may override it).
  Value args[] = {newStr("%"), newStr("%%")};
  Value escaped = callMethod(name, internStr("replace"), args, 2);
  if (escaped.isNull()) return false;
  if (!isStr(escaped)) {
    raise(exc::TypeError, "tzname.replace() did not return a string");
    return false;
  }
  *out += strToUtf8(escaped);
  return true;
}

}  // namespace

Value wrapStrftime(Value object, Value format, Value timetuple, Value tzinfoarg) {
  std::string in = strToUtf8(format), out;
  std::string z, big_z;
  bool have_z = false, have_big_z = false;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c != '%' || i + 1 == in.size()) {
      out += c;
      continue;
    }
    char d = in[++i];
    if (d == 'z') {
      if (!have_z && !zReplacement(object, tzinfoarg, &z)) return Value();
      have_z = true;
      out += z;
    } else if (d == 'Z') {
      if (!have_big_z && !bigZReplacement(object, tzinfoarg, &big_z)) return Value();
      have_big_z = true;
      out += big_z;
    } else if (d == 'f') {
      char buf[16];
      snprintf(buf, sizeof buf, "%06d", static_cast<int>(microsecondOf(object)));
      out += buf;
    } else {
      out += '%';
      out += d;
    }
  }
  Value args[] = {newStr(out), timetuple};
  if (args[0].isNull()) return Value();
  return callTimeModule("strftime", args, 2);
}

// ===========================================================================
// Parsing

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// `n` ASCII digits at s[pos..]; false when they are not there.
bool digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!isDigit(s[pos + i])) return false;
    v = v * 10 + (s[pos + i] - '0');
  }
  *out = v;
  return true;
}

// HH[:MM[:SS[.f+]]] or HHMMSS.f+: hour, minute, second, microsecond.
bool parseHhMmSsFf(std::string_view s, int comps[4]) {
  comps[0] = comps[1] = comps[2] = comps[3] = 0;
  size_t pos = 0;
  bool has_sep = false;
  for (int comp = 0; comp < 3; ++comp) {
    if (!digits(s, pos, 2, &comps[comp])) return false;
    pos += 2;
    if (pos == s.size() || comp >= 2) break;
    char next = s[pos];
    if (comp == 0) has_sep = next == ':';
    if (next == '.' || next == ',') break;  // a fraction may follow any component
    if (has_sep && next != ':') return false;
    pos += has_sep ? 1 : 0;
  }
  if (pos < s.size()) {
    if (s[pos] != '.' && s[pos] != ',') return false;
    ++pos;
    size_t remainder = s.size() - pos;
    size_t n = remainder >= 6 ? 6 : remainder;
    if (n == 0 || !digits(s, pos, n, &comps[3])) return false;
    for (size_t i = n; i < 6; ++i) comps[3] *= 10;
    for (size_t i = pos + n; i < s.size(); ++i) {
      if (!isDigit(s[i])) return false;
    }
  }
  return true;
}

}  // namespace

bool parseIsoDate(std::string_view s, int* year, int* month, int* day, size_t* consumed) {
  if (!digits(s, 0, 4, year)) return false;
  bool has_sep = s.size() > 4 && s[4] == '-';
  size_t pos = 4 + (has_sep ? 1 : 0);
  if (pos < s.size() && s[pos] == 'W') {
    int week, dayno = 1;
    if (!digits(s, ++pos, 2, &week)) return false;
    pos += 2;
    if (pos < s.size()) {
      if ((s[pos] == '-') != has_sep) return false;
      pos += has_sep ? 1 : 0;
      if (!digits(s, pos, 1, &dayno)) return false;
      ++pos;
    }
    if (*year < kMinYear || *year > kMaxYear || dayno < 1 || dayno > 7) return false;
    if (week < 1 || week > 53) return false;
    if (week == 53) {
      int64_t first_weekday = ymdToOrd(*year, 1, 1) % 7;
      if (!(first_weekday == 4 || (first_weekday == 3 && isLeap(*year)))) return false;
    }
    int64_t ord = isoWeek1Monday(*year) + (week - 1) * 7 + (dayno - 1);
    ordToYmd(ord, year, month, day);
    *consumed = pos;
    return true;
  }
  if (!digits(s, pos, 2, month)) return false;
  pos += 2;
  if ((pos < s.size() && s[pos] == '-') != has_sep) return false;
  pos += has_sep ? 1 : 0;
  if (!digits(s, pos, 2, day)) return false;
  *consumed = pos + 2;
  return true;
}

bool parseIsoTime(std::string_view s, TimeFields* t, bool* has_tz, int64_t* tz_us) {
  *has_tz = false;
  if (s.size() < 2) return false;
  size_t tz = s.find('-');
  if (tz == std::string_view::npos) tz = s.find('+');
  if (tz == std::string_view::npos) tz = s.find('Z');
  int comps[4];
  if (!parseHhMmSsFf(s.substr(0, tz), comps)) return false;
  t->hour = comps[0];
  t->minute = comps[1];
  t->second = comps[2];
  t->microsecond = comps[3];
  if (tz == std::string_view::npos) return true;
  *has_tz = true;
  if (tz + 1 == s.size() && s[tz] == 'Z') {
    *tz_us = 0;
    return true;
  }
  std::string_view zs = s.substr(tz + 1);
  if (zs.size() == 0 || zs.size() == 1 || zs.size() == 3) return false;
  int z[4];
  if (!parseHhMmSsFf(zs, z)) return false;
  int64_t us = ((static_cast<int64_t>(z[0]) * 60 + z[1]) * 60 + z[2]) * kUsPerSecond + z[3];
  *tz_us = s[tz] == '-' ? -us : us;
  return true;
}

Value timezoneForOffset(int64_t us) {
  if (us == 0) return utcTimezone();
  Value delta = deltaFromMicroseconds128(us, g_delta_type);
  if (delta.isNull()) return delta;
  return call(typeValue(g_timezone_type), &delta, 1);
}

// ===========================================================================
// The clock

namespace {
// OSError from errno, as CPython's _PyTime_localtime/_PyTime_gmtime.
bool timeError(int err) {
  posix::raiseErrno(err);
  return false;
}
}  // namespace

bool localTime(int64_t t, struct tm* out) {
  time_t tt = static_cast<time_t>(t);
  errno = 0;
  if (localtime_r(&tt, out) == nullptr) return timeError(errno != 0 ? errno : EINVAL);
  return true;
}

bool utcTime(int64_t t, struct tm* out) {
  time_t tt = static_cast<time_t>(t);
  errno = 0;
  if (gmtime_r(&tt, out) == nullptr) return timeError(errno != 0 ? errno : EINVAL);
  return true;
}

namespace {
// NaN is ValueError, a value past time_t OverflowError, as CPython.
bool checkFloatTimestamp(double d) {
  if (std::isnan(d)) {
    raise(exc::ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
    raise(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  return true;
}

bool intTimestamp(Value timestamp, int64_t* seconds) {
  Value i = index(timestamp);
  if (i.isNull()) return false;
  if (!intToInt64(i, seconds)) {
    clearError();
    raise(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  return true;
}
}  // namespace

bool timestampToSeconds(Value timestamp, int64_t* seconds) {
  if (!isFloat(timestamp)) return intTimestamp(timestamp, seconds);
  double d = std::floor(floatValue(timestamp));
  if (!checkFloatTimestamp(d)) return false;
  *seconds = static_cast<int64_t>(d);
  return true;
}

bool timestampToTimeval(Value timestamp, int64_t* seconds, int64_t* us) {
  if (!isFloat(timestamp)) {
    *us = 0;
    return intTimestamp(timestamp, seconds);
  }
  double d = floatValue(timestamp);
  if (std::isnan(d)) return checkFloatTimestamp(d);
  double intpart;
  double frac = std::modf(d, &intpart) * 1e6;
  double rounded = std::round(frac);
  if (std::fabs(frac - rounded) == 0.5) rounded = 2.0 * std::round(frac / 2.0);  // half to even
  if (rounded >= 1e6) {
    rounded -= 1e6;
    intpart += 1.0;
  } else if (rounded < 0) {
    rounded += 1e6;
    intpart -= 1.0;
  }
  if (!checkFloatTimestamp(intpart)) return false;
  *seconds = static_cast<int64_t>(intpart);
  *us = static_cast<int64_t>(rounded);
  return true;
}

void currentTimeval(int64_t* seconds, int64_t* us) {
  // Microseconds rounded down from nanoseconds, as CPython's
  // datetime_best_possible (_PyTime_ROUND_FLOOR).
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  *seconds = ts.tv_sec;
  *us = ts.tv_nsec / 1000;
}

}  // namespace tern::datetime
