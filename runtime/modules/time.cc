// The time module: clocks, sleep, struct_time conversions, strftime (and
// strptime through the pure-Python _strptime, as CPython does), and the
// timezone data.
//
// Clocks are read with clock_gettime as nanosecond integers and converted to
// float seconds the way CPython's _PyTime_AsSecondsDouble does, so the
// float clocks and their _ns twins agree.  Seconds given by the caller
// (gmtime, localtime, ctime) are rounded towards minus infinity, sleep's
// towards plus infinity (CPython's ROUND_FLOOR and ROUND_TIMEOUT).
#include <time.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

using posix::setAttrStr;

// ===========================================================================
// Clocks

constexpr int64_t kNsPerSec = 1000000000;

// clock_gettime as nanoseconds; false with OSError pending.
bool clockNs(clockid_t clock, int64_t* out) {
  struct timespec ts;
  if (::clock_gettime(clock, &ts) < 0) {
    posix::raiseErrno(errno);
    return false;
  }
  *out = static_cast<int64_t>(ts.tv_sec) * kNsPerSec + ts.tv_nsec;
  return true;
}

double nsToSeconds(int64_t ns) {
  if (ns % kNsPerSec == 0) return static_cast<double>(ns / kNsPerSec);
  return static_cast<double>(ns) / 1e9;
}

Value clockFloat(clockid_t clock) {
  int64_t ns;
  if (!clockNs(clock, &ns)) return Value();
  return newFloat(nsToSeconds(ns));
}

Value clockInt(clockid_t clock) {
  int64_t ns;
  if (!clockNs(clock, &ns)) return Value();
  return newInt(ns);
}

Value time_time(Value*) { return clockFloat(CLOCK_REALTIME); }
Value time_time_ns(Value*) { return clockInt(CLOCK_REALTIME); }
Value time_monotonic(Value*) { return clockFloat(CLOCK_MONOTONIC); }
Value time_monotonic_ns(Value*) { return clockInt(CLOCK_MONOTONIC); }
Value time_perf_counter(Value*) { return clockFloat(CLOCK_MONOTONIC); }
Value time_perf_counter_ns(Value*) { return clockInt(CLOCK_MONOTONIC); }
Value time_process_time(Value*) { return clockFloat(CLOCK_PROCESS_CPUTIME_ID); }
Value time_process_time_ns(Value*) { return clockInt(CLOCK_PROCESS_CPUTIME_ID); }
Value time_thread_time(Value*) { return clockFloat(CLOCK_THREAD_CPUTIME_ID); }
Value time_thread_time_ns(Value*) { return clockInt(CLOCK_THREAD_CPUTIME_ID); }

bool clockIdArg(Value v, clockid_t* out) {
  int id;
  if (!posix::convertFd(v, &id)) return false;
  *out = static_cast<clockid_t>(id);
  return true;
}

Value time_clock_gettime(Value* args) {
  clockid_t clock;
  if (!clockIdArg(args[1], &clock)) return Value();
  return clockFloat(clock);
}

Value time_clock_gettime_ns(Value* args) {
  clockid_t clock;
  if (!clockIdArg(args[1], &clock)) return Value();
  return clockInt(clock);
}

Value time_clock_getres(Value* args) {
  clockid_t clock;
  if (!clockIdArg(args[1], &clock)) return Value();
  struct timespec ts;
  if (::clock_getres(clock, &ts) < 0) return posix::raiseErrno(errno);
  return newFloat(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

Value time_get_clock_info(Value* args) {
  Value name = args[1];
  if (!isStr(name)) {
    return raisef(exc::TypeError, "get_clock_info() argument must be str, not %s", typeNameOf(name).c_str());
  }
  struct Clock {
    const char* name;
    const char* implementation;
    clockid_t id;
    bool monotonic, adjustable;
  };
  static const Clock kClocks[] = {
      {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true},
      {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
      {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
      {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true, false},
      {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true, false},
  };
  for (const Clock& c : kClocks) {
    if (!strEqualsAscii(name, c.name)) continue;
    struct timespec res;
    double resolution = 1e-9;
    if (::clock_getres(c.id, &res) == 0) {
      resolution = static_cast<double>(res.tv_sec) + static_cast<double>(res.tv_nsec) * 1e-9;
    }
    Value info = call0(typeValue(types::namespace_type));
    if (info.isNull()) return Value();
    Value d = instanceDict(info);
    if (d.isNull() || dictSet(d, internStr("implementation"), newStr(c.implementation)) < 0 ||
        dictSet(d, internStr("monotonic"), Bool(c.monotonic)) < 0 ||
        dictSet(d, internStr("adjustable"), Bool(c.adjustable)) < 0 ||
        dictSet(d, internStr("resolution"), newFloat(resolution)) < 0) {
      return Value();
    }
    return info;
  }
  return raise(exc::ValueError, "unknown clock");
}

// ===========================================================================
// sleep

Value time_sleep(Value* args) {
  Value secs = args[1];
  int64_t ns;
  if (isFloat(secs)) {
    double d = floatValue(secs);
    if (std::isnan(d)) return raise(exc::ValueError, "Invalid value NaN (not a number)");
    double total = std::ceil(d * 1e9);
    if (!(total >= -9.2e18 && total <= 9.2e18)) {
      return raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    ns = static_cast<int64_t>(total);
  } else {
    if (!isInt(secs)) {
      return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(secs).c_str());
    }
    int64_t s;
    if (!intToInt64(secs, &s) || s > INT64_MAX / kNsPerSec || s < INT64_MIN / kNsPerSec) {
      clearError();
      return raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    ns = s * kNsPerSec;
  }
  if (ns < 0) return raise(exc::ValueError, "sleep length must be non-negative");
  // An absolute deadline on the monotonic clock: EINTR resumes where it was.
  struct timespec deadline;
  ::clock_gettime(CLOCK_MONOTONIC, &deadline);
  int64_t end = static_cast<int64_t>(deadline.tv_sec) * kNsPerSec + deadline.tv_nsec + ns;
  deadline.tv_sec = end / kNsPerSec;
  deadline.tv_nsec = end % kNsPerSec;
  for (;;) {
    int r;
    {
      interp::AllowThreads allow;  // gil.h
      r = ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr);
    }
    if (r == 0) break;
    if (r != EINTR) return posix::raiseErrno(r);
  }
  return None();
}

// ===========================================================================
// struct_time

Type* g_struct_time_type = nullptr;
constexpr int64_t kStructTimeVisible = 9, kStructTimeTotal = 11;

const MemberDef kStructTimeFields[] = {
    structseqField("tm_year", 0, "year, for example, 1993"),
    structseqField("tm_mon", 1, "month of year, range [1, 12]"),
    structseqField("tm_mday", 2, "day of month, range [1, 31]"),
    structseqField("tm_hour", 3, "hours, range [0, 23]"),
    structseqField("tm_min", 4, "minutes, range [0, 59]"),
    structseqField("tm_sec", 5, "seconds, range [0, 61])"),
    structseqField("tm_wday", 6, "day of week, range [0, 6], Monday is 0"),
    structseqField("tm_yday", 7, "day of year, range [1, 366]"),
    structseqField("tm_isdst", 8, "1 if summer time is in effect, 0 if not, and -1 if unknown"),
    structseqField("tm_zone", 9, "abbreviation of timezone name"),
    structseqField("tm_gmtoff", 10, "offset from UTC in seconds"),
};

const TypeSpec kStructTimeSpec = {
    .name = "struct_time",
    .module = "time",
    .type = &g_struct_time_type,
    .base = &types::tuple_type,
    .slots = {.tp_repr = structseq_repr, .tp_new = posix::structseqHiddenNew},
    .methods = kStructSeqMethods,
    .members = kStructTimeFields,
    .doc = "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), "
           "mktime() and strftime().  May be considered as a\n sequence of 9 integers.",
};
TERN_REGISTER_TYPE(kStructTimeSpec);

Value structTime(const struct tm& tm) {
  Value r = posix::newStructSeqHidden(g_struct_time_type, kStructTimeVisible, kStructTimeTotal);
  tupleInit(r, 0, newInt(static_cast<int64_t>(tm.tm_year) + 1900));
  tupleInit(r, 1, newInt(tm.tm_mon + 1));
  tupleInit(r, 2, newInt(tm.tm_mday));
  tupleInit(r, 3, newInt(tm.tm_hour));
  tupleInit(r, 4, newInt(tm.tm_min));
  tupleInit(r, 5, newInt(tm.tm_sec));
  tupleInit(r, 6, newInt((tm.tm_wday + 6) % 7));
  tupleInit(r, 7, newInt(tm.tm_yday + 1));
  tupleInit(r, 8, newInt(tm.tm_isdst));
  Value zone = tm.tm_zone != nullptr ? posix::fsDecode(tm.tm_zone) : None();
  if (zone.isNull()) return Value();
  tupleInit(r, 9, zone);
  tupleInit(r, 10, newInt(tm.tm_gmtoff));
  return r;
}

// Seconds for gmtime/localtime/ctime: None is now; floats round down.
bool timeArg(Value v, time_t* out) {
  if (v.isNull() || isNone(v)) {
    *out = ::time(nullptr);
    return true;
  }
  if (isFloat(v)) {
    double d = floatValue(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
      raise(exc::OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<time_t>(d);
    return true;
  }
  if (!isInt(v)) {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(v).c_str());
    return false;
  }
  int64_t n;
  if (!intToInt64(v, &n)) {
    clearError();
    raise(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = n;
  return true;
}

Value time_gmtime(Value* args) {
  time_t t;
  if (!timeArg(args[1], &t)) return Value();
  struct tm tm;
  errno = 0;
  if (::gmtime_r(&t, &tm) == nullptr) return posix::raiseErrno(errno != 0 ? errno : EOVERFLOW);
  return structTime(tm);
}

Value time_localtime(Value* args) {
  time_t t;
  if (!timeArg(args[1], &t)) return Value();
  struct tm tm;
  errno = 0;
  if (::localtime_r(&t, &tm) == nullptr) return posix::raiseErrno(errno != 0 ? errno : EOVERFLOW);
  return structTime(tm);
}

// A struct tm from a 9-sequence or struct_time (CPython's gettmarg); the
// zone text, when the argument is a struct_time that has one, is kept in
// *zone so that tm_zone can point into it.
bool tmArg(Value v, const char* function, struct tm* tm, std::string* zone) {
  std::memset(tm, 0, sizeof *tm);
  if (!isTuple(v)) {
    raise(exc::TypeError, "Tuple or struct_time argument required");
    return false;
  }
  int64_t n = tupleLength(v);
  if (n != 9) {
    raisef(exc::TypeError, "%s(): illegal time tuple argument", function);
    return false;
  }
  int values[9];
  for (int i = 0; i < 9; ++i) {
    Value item = tupleItem(v, i);
    if (isFloat(item)) {
      raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
      return false;
    }
    int64_t x;
    if (!indexToInt64(item, &x, exc::OverflowError)) return false;
    if (x > INT32_MAX || x < INT32_MIN) {
      raise(exc::OverflowError, x > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
      return false;
    }
    values[i] = static_cast<int>(x);
  }
  int64_t year = values[0];
  tm->tm_year = static_cast<int>(year - 1900);
  tm->tm_mon = values[1] - 1;
  tm->tm_mday = values[2];
  tm->tm_hour = values[3];
  tm->tm_min = values[4];
  tm->tm_sec = values[5];
  tm->tm_wday = (values[6] + 1) % 7;
  if (tm->tm_wday < 0) {
    raise(exc::ValueError, "day of week out of range");
    return false;
  }
  tm->tm_yday = values[7] - 1;
  tm->tm_isdst = values[8];
  if (typeOf(v) == g_struct_time_type) {
    TupleObj* t = asTuple(v);
    Value z = t->items[9].get();
    if (!z.isNull() && isStr(z)) {
      *zone = strToUtf8(z);
      tm->tm_zone = zone->c_str();
    }
    Value off = t->items[10].get();
    int64_t gmtoff;
    if (!off.isNull() && isInt(off) && intToInt64(off, &gmtoff)) tm->tm_gmtoff = gmtoff;
  }
  return true;
}

// CPython's checktm: the ranges asctime and strftime accept.
bool checkTm(struct tm* tm) {
  if (tm->tm_mon == -1) {
    tm->tm_mon = 0;
  } else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
    raise(exc::ValueError, "month out of range");
    return false;
  }
  if (tm->tm_mday == 0) {
    tm->tm_mday = 1;
  } else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
    raise(exc::ValueError, "day of month out of range");
    return false;
  }
  if (tm->tm_hour < 0 || tm->tm_hour > 23) {
    raise(exc::ValueError, "hour out of range");
    return false;
  }
  if (tm->tm_min < 0 || tm->tm_min > 59) {
    raise(exc::ValueError, "minute out of range");
    return false;
  }
  if (tm->tm_sec < 0 || tm->tm_sec > 61) {
    raise(exc::ValueError, "seconds out of range");
    return false;
  }
  if (tm->tm_wday < 0) {
    raise(exc::ValueError, "day of week out of range");
    return false;
  }
  if (tm->tm_yday == -1) {
    tm->tm_yday = 0;
  } else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
    raise(exc::ValueError, "day of year out of range");
    return false;
  }
  return true;
}

Value time_mktime(Value* args) {
  struct tm tm;
  std::string zone;
  if (!tmArg(args[1], "mktime", &tm, &zone)) return Value();
  tm.tm_wday = -1;  // mktime sets it: a way to tell -1 the error from -1 the time
  time_t t = ::mktime(&tm);
  if (t == static_cast<time_t>(-1) && tm.tm_wday == -1) {
    return raise(exc::OverflowError, "mktime argument out of range");
  }
  return newFloat(static_cast<double>(t));
}

// "Sun Jun 20 23:21:05 1993" (CPython formats it itself, not with asctime(3)).
Value formatAsctime(const struct tm& tm) {
  static const char kDays[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s %s%3d %.2d:%.2d:%.2d %lld", kDays[tm.tm_wday], kMonths[tm.tm_mon],
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(tm.tm_year) + 1900);
  return newStr(buffer);
}

Value time_asctime(Value* args) {
  struct tm tm;
  std::string zone;
  if (args[1].isNull()) {
    time_t now = ::time(nullptr);
    if (::localtime_r(&now, &tm) == nullptr) return posix::raiseErrno(errno);
  } else {
    if (!tmArg(args[1], "asctime", &tm, &zone) || !checkTm(&tm)) return Value();
  }
  return formatAsctime(tm);
}

Value time_ctime(Value* args) {
  time_t t;
  if (!timeArg(args[1], &t)) return Value();
  struct tm tm;
  errno = 0;
  if (::localtime_r(&t, &tm) == nullptr) return posix::raiseErrno(errno != 0 ? errno : EOVERFLOW);
  return formatAsctime(tm);
}

Value time_strftime(Value* args) {
  Value format = args[1];
  if (!isStr(format)) {
    return raisef(exc::TypeError, "strftime() argument 1 must be str, not %s", typeNameOf(format).c_str());
  }
  struct tm tm;
  std::string zone;
  if (args[2].isNull()) {
    time_t now = ::time(nullptr);
    if (::localtime_r(&now, &tm) == nullptr) return posix::raiseErrno(errno);
  } else {
    if (!tmArg(args[2], "strftime", &tm, &zone) || !checkTm(&tm)) return Value();
  }
  if (tm.tm_isdst < -1) {
    tm.tm_isdst = -1;
  } else if (tm.tm_isdst > 1) {
    tm.tm_isdst = 1;
  }
  std::string fmt;
  if (!posix::fsEncode(format, &fmt)) return Value();
  if (fmt.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null character");
  if (fmt.empty()) return newStr("");
  // strftime returns 0 both for "too small" and for an empty result: grow
  // the buffer up to a bound proportional to the format, as CPython does.
  for (size_t size = 1024;; size *= 2) {
    std::string out(size, '\0');
    size_t n = ::strftime(out.data(), size, fmt.c_str(), &tm);
    if (n > 0 || size >= 256 * fmt.size() + 1024) {
      out.resize(n);
      return posix::fsDecode(out);
    }
  }
}

Value time_strptime(Value* args) {
  Value module = importModule(internStr("_strptime"));
  if (module.isNull()) return Value();
  Value fn = getAttr(module, internStr("_strptime_time"));
  if (fn.isNull()) return Value();
  Value call_args[2] = {args[1], args[2]};
  return call(fn, call_args, 2);
}

// ===========================================================================
// Timezone data (CPython's init_timezone on glibc: the zones in effect in
// January and July of this year)

bool setTimezone(Value module) {
  ::tzset();
  constexpr time_t kYear = (365 * 24 + 6) * 3600;
  time_t t = (::time(nullptr) / kYear) * kYear;
  struct tm jan, jul;
  ::localtime_r(&t, &jan);
  time_t t2 = t + kYear / 2;
  ::localtime_r(&t2, &jul);
  int64_t janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  Value janname = posix::fsDecode(jan.tm_zone != nullptr ? jan.tm_zone : "");
  Value julname = posix::fsDecode(jul.tm_zone != nullptr ? jul.tm_zone : "");
  if (janname.isNull() || julname.isNull()) return false;
  bool southern = janzone < julzone;  // DST is reversed in the southern hemisphere
  return setAttrStr(module, "timezone", newInt(southern ? julzone : janzone)) &&
         setAttrStr(module, "altzone", newInt(southern ? janzone : julzone)) &&
         setAttrStr(module, "daylight", newInt(janzone != julzone ? 1 : 0)) &&
         setAttrStr(module, "tzname", southern ? newTupleOf({julname, janname}) : newTupleOf({janname, julname}));
}

gc::GlobalRoot g_time_module;

Value time_tzset(Value*) {
  if (!g_time_module.get().isNull() && !setTimezone(g_time_module.get())) return Value();
  return None();
}

// ===========================================================================
// The module

const MethodDef kTimeFunctions[] = {
    {.name = "time", .signature = "($module, /)", .fn = time_time,
     .doc = "Return the current time in seconds since the Epoch."},
    {.name = "time_ns", .signature = "($module, /)", .fn = time_time_ns,
     .doc = "Return the current time in nanoseconds since the Epoch."},
    {.name = "monotonic", .signature = "($module, /)", .fn = time_monotonic,
     .doc = "Monotonic clock, cannot go backward."},
    {.name = "monotonic_ns", .signature = "($module, /)", .fn = time_monotonic_ns,
     .doc = "Monotonic clock, cannot go backward, as nanoseconds."},
    {.name = "perf_counter", .signature = "($module, /)", .fn = time_perf_counter,
     .doc = "Performance counter for benchmarking."},
    {.name = "perf_counter_ns", .signature = "($module, /)", .fn = time_perf_counter_ns,
     .doc = "Performance counter for benchmarking as nanoseconds."},
    {.name = "process_time", .signature = "($module, /)", .fn = time_process_time,
     .doc = "Process time for profiling: sum of the kernel and user-space CPU time."},
    {.name = "process_time_ns", .signature = "($module, /)", .fn = time_process_time_ns,
     .doc = "Process time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {.name = "thread_time", .signature = "($module, /)", .fn = time_thread_time,
     .doc = "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {.name = "thread_time_ns", .signature = "($module, /)", .fn = time_thread_time_ns,
     .doc = "Thread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {.name = "clock_gettime", .signature = "($module, clk_id, /)", .fn = time_clock_gettime, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Return the time of the specified clock clk_id."},
    {.name = "clock_gettime_ns", .signature = "($module, clk_id, /)", .fn = time_clock_gettime_ns, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Return the time of the specified clock clk_id as nanoseconds (int)."},
    {.name = "clock_getres", .signature = "($module, clk_id, /)", .fn = time_clock_getres, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Return the resolution (precision) of the specified clock clk_id."},
    {.name = "get_clock_info", .signature = "($module, name, /)", .fn = time_get_clock_info, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Get information of the specified clock."},
    {.name = "sleep", .signature = "($module, secs, /)", .fn = time_sleep,
     .doc = "Delay execution for a given number of seconds.  The argument may be\na floating point number for "
            "subsecond precision."},
    {.name = "gmtime", .signature = "($module, seconds=None, /)", .fn = time_gmtime, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Convert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\nGMT)."},
    {.name = "localtime", .signature = "($module, seconds=None, /)", .fn = time_localtime, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Convert seconds since the Epoch to a time tuple expressing local time."},
    {.name = "mktime", .signature = "($module, tuple, /)", .fn = time_mktime,
     .doc = "Convert a time tuple in local time to seconds since the Epoch."},
    {.name = "asctime", .signature = "($module, tuple=<unrepresentable>, /)", .fn = time_asctime, .flags = method_flags::kVarArgs,
     .doc = "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {.name = "ctime", .signature = "($module, seconds=None, /)", .fn = time_ctime, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Convert a time in seconds since the Epoch to a string in local time."},
    {.name = "strftime", .signature = "($module, format, tuple=<unrepresentable>, /)", .fn = time_strftime, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Convert a time tuple to a string according to a format specification."},
    {.name = "strptime", .signature = "($module, string, format='%a %b %d %H:%M:%S %Y', /)", .fn = time_strptime, .flags = method_flags::kVarArgs,
     .doc = "Parse a string to a time tuple according to a format specification."},
    {.name = "tzset", .signature = "($module, /)", .fn = time_tzset,
     .doc = "Initialize, or reinitialize, the local timezone to the value of the environment variable TZ."},
};

bool timeInit(Value module) {
  g_time_module.set(module);
  struct {
    const char* name;
    int64_t value;
  } constants[] = {
      {"CLOCK_REALTIME", CLOCK_REALTIME},
      {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
      {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
      {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
      {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
      {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
      {"CLOCK_TAI", CLOCK_TAI},
  };
  for (auto& c : constants) {
    if (!posix::setInt(module, c.name, c.value)) return false;
  }
  return setAttrStr(module, "struct_time", typeValue(g_struct_time_type)) &&
         setAttrStr(module, "_STRUCT_TM_ITEMS", newInt(11)) &&
         posix::setStructSeqCounts(g_struct_time_type, kStructTimeVisible, kStructTimeTotal, 0) &&
         setTimezone(module);
}

const NativeModuleDef kTimeModule = {
    .name = "time",
    .methods = kTimeFunctions,
    .init = timeInit,
    .doc = "This module provides various functions to manipulate time values.",
};
TERN_REGISTER_MODULE(kTimeModule);

}  // namespace

}  // namespace tern
