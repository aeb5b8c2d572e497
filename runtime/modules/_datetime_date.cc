// datetime.date, the calendar arithmetic behind every type of the module,
// the argument checks they share, and IsoCalendarDate (what isocalendar()
// returns: a tuple subclass with named fields).
#include <cmath>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_datetime.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"

namespace tern::datetime {

// ===========================================================================
// Calendar

void ordToYmd(int64_t ord, int* year, int* month, int* day) {
  // Whole 400-, 100-, 4- and 1-year cycles before the date, then the month.
  int64_t n = ord - 1;
  int64_t n400 = n / 146097;
  n %= 146097;
  int64_t n100 = n / 36524;
  n %= 36524;
  int64_t n4 = n / 1461;
  n %= 1461;
  int64_t n1 = n / 365;
  n %= 365;
  int64_t y = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
  if (n1 == 4 || n100 == 4) {
    // The last day of a leap cycle: December 31 of the year before.
    *year = static_cast<int>(y - 1);
    *month = 12;
    *day = 31;
    return;
  }
  int m = static_cast<int>((n + 50) >> 5);
  int before = daysBeforeMonth(static_cast<int>(y), m);
  if (before > n) {
    --m;
    before -= daysInMonth(static_cast<int>(y), m);
  }
  *year = static_cast<int>(y);
  *month = m;
  *day = static_cast<int>(n - before + 1);
}

bool addDaysToDate(int* year, int* month, int* day, int64_t days) {
  int64_t ord = ymdToOrd(*year, *month, *day) + days;
  if (ord < 1 || ord > kMaxOrdinal) {
    raise(exc::OverflowError, "date value out of range");
    return false;
  }
  ordToYmd(ord, year, month, day);
  return true;
}

namespace {
// Floor division for carries.
int64_t floorDivMod(int64_t* value, int64_t by) {
  int64_t q = *value / by, r = *value % by;
  if (r < 0) {
    r += by;
    --q;
  }
  *value = r;
  return q;
}
}  // namespace

bool normalizeDateTime(int64_t* year, int64_t* month, int64_t* day, int64_t* hour, int64_t* minute, int64_t* second,
                       int64_t* microsecond) {
  *second += floorDivMod(microsecond, kUsPerSecond);
  *minute += floorDivMod(second, 60);
  *hour += floorDivMod(minute, 60);
  int64_t days = floorDivMod(hour, 24);
  int y = static_cast<int>(*year), m = static_cast<int>(*month), d = static_cast<int>(*day);
  if (days != 0 && !addDaysToDate(&y, &m, &d, days)) return false;
  *year = y;
  *month = m;
  *day = d;
  return true;
}

// ===========================================================================
// Argument checks

bool argInt(Value v, int64_t* out) {
  if (!argIndex(v, out)) return false;
  if (*out > INT32_MAX) {
    raise(exc::OverflowError, "signed integer is greater than maximum");
    return false;
  }
  if (*out < INT32_MIN) {
    raise(exc::OverflowError, "signed integer is less than minimum");
    return false;
  }
  return true;
}

bool checkDateArgs(int64_t year, int64_t month, int64_t day) {
  if (year < kMinYear || year > kMaxYear) {
    raisef(exc::ValueError, "year %lld is out of range", static_cast<long long>(year));
    return false;
  }
  if (month < 1 || month > 12) {
    raise(exc::ValueError, "month must be in 1..12");
    return false;
  }
  if (day < 1 || day > daysInMonth(static_cast<int>(year), static_cast<int>(month))) {
    raise(exc::ValueError, "day is out of range for month");
    return false;
  }
  return true;
}

Value newDate(int year, int month, int day, Type* type) {
  if (!checkDateArgs(year, month, day)) return Value();
  auto* d = static_cast<DateObj*>(newObject(type, type->basic_size));
  d->year = year;
  d->month = month;
  d->day = day;
  return Value(d);
}

Value newDateSubclass(int year, int month, int day, Type* cls) {
  if (cls == g_date_type) return newDate(year, month, day, cls);
  Value args[] = {newInt(year), newInt(month), newInt(day)};
  return call(typeValue(cls), args, 3);
}

std::string reprName(Value self) { return typeNameOf(self); }

Value formatCtime(int year, int month, int day, int hour, int minute, int second) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[96];
  snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", kDays[weekday(year, month, day)], kMonths[month - 1], day,
           hour, minute, second, year);
  return newStr(buf);
}

Value callTimeModule(const char* name, const Value* args, size_t nargs) {
  Value module = importModule(internStr("time"));
  if (module.isNull()) return module;
  Value fn = getAttr(module, internStr(name));
  if (fn.isNull()) return fn;
  return call(fn, args, nargs);
}

Value buildStructTime(int year, int month, int day, int hour, int minute, int second, int dstflag) {
  int64_t yday = daysBeforeMonth(year, month) + day;
  Value fields = newTupleOf({newInt(year), newInt(month), newInt(day), newInt(hour), newInt(minute), newInt(second),
                             newInt(weekday(year, month, day)), newInt(yday), newInt(dstflag)});
  if (fields.isNull()) return fields;
  return callTimeModule("struct_time", &fields, 1);
}

bool pickleStateBytes(Value state, size_t n, std::string* bytes) {
  if (isBytes(state)) {
    std::string_view v;
    if (!bytesLikeView(state, &v) || v.size() != n) return false;
    *bytes = std::string(v);
    return true;
  }
  if (!isStr(state)) return false;
  // A str state is a pickle from Python 2 read with encoding='latin1'.
  std::u32string text = strToUcs4(state);
  if (text.size() != n) return false;
  bytes->clear();
  for (char32_t c : text) {
    if (c > 0xff) return false;
    bytes->push_back(static_cast<char>(c));
  }
  return true;
}

bool bindUnnamed(const MethodDef* def, const Value* args, size_t nargs, Value kwnames, Value* out) {
  if (bindArguments(def, Value(), args, nargs, kwnames, out)) return true;
  if (!errorMatches(exc::TypeError)) return false;
  // CPython's constructors parse with a format naming no function:
  // "function takes at most 3 arguments", "... for this function".
  Value message = str(takeError());
  if (message.isNull()) return false;
  std::string text = strToUtf8(message);
  std::string named = std::string(def->name) + "()";
  if (text.compare(0, named.size(), named) == 0) {
    text = "function" + text.substr(named.size());
  } else if (size_t at = text.rfind("for " + named); at != std::string::npos) {
    text = text.substr(0, at) + "for this function";
  }
  raise(exc::TypeError, text);
  return false;
}

namespace {

// ===========================================================================
// Construction

// The 4 bytes of a pickled date: year high, year low, month, day.
bool isDatePickle(Value state, std::string* bytes) {
  if (!pickleStateBytes(state, 4, bytes)) return false;
  unsigned month = static_cast<unsigned char>((*bytes)[2]);
  return month >= 1 && month <= 12;
}

const MethodDef kDateNewDef = {.name = "date", .signature = "(year, month, day)", .flags = method_flags::kLegacyArity};

Value date_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  std::string state;
  if (nargs == 1 && (kwnames.isNull() || tupleLength(kwnames) == 0) && isDatePickle(args[0], &state)) {
    auto* d = static_cast<DateObj*>(newObject(type, type->basic_size));
    d->year = static_cast<unsigned char>(state[0]) * 256 + static_cast<unsigned char>(state[1]);
    d->month = static_cast<unsigned char>(state[2]);
    d->day = static_cast<unsigned char>(state[3]);
    return Value(d);
  }
  Value a[3];
  if (!bindUnnamed(&kDateNewDef, args, nargs, kwnames, a)) return Value();
  int64_t y, m, d;
  if (!argInt(a[0], &y) || !argInt(a[1], &m) || !argInt(a[2], &d)) return Value();
  return newDate(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d), type);
}

Type* classArg(Value v) { return static_cast<Type*>(v.asObject()); }

Value date_today(Value* args) {
  Value now = callTimeModule("time", nullptr, 0);
  if (now.isNull()) return now;
  return callMethod(args[0], internStr("fromtimestamp"), &now, 1);
}

Value date_fromtimestamp(Value* args) {
  int64_t seconds;
  if (!timestampToSeconds(args[1], &seconds)) return Value();
  struct tm tm;
  if (!localTime(seconds, &tm)) return Value();
  return newDateSubclass(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, classArg(args[0]));
}

Value date_fromordinal(Value* args) {
  int64_t ord;
  if (!argInt(args[1], &ord)) return Value();
  if (ord < 1) return raise(exc::ValueError, "ordinal must be >= 1");
  int y, m, d;
  ordToYmd(ord, &y, &m, &d);
  return newDateSubclass(y, m, d, classArg(args[0]));
}

Value invalidIsoString(Value s) {
  Value r = repr(s);
  if (r.isNull()) return r;
  return raisef(exc::ValueError, "Invalid isoformat string: %s", strToUtf8(r).c_str());
}

Value date_fromisoformat(Value* args) {
  Value s = args[1];
  if (!isStr(s)) return raise(exc::TypeError, "fromisoformat: argument must be str");
  std::string text = strToUtf8(s);
  int y, m, d;
  size_t consumed;
  size_t length = strToUcs4(s).size();
  if ((length != 7 && length != 8 && length != 10) || text.size() != length ||
      !parseIsoDate(text, &y, &m, &d, &consumed) || consumed != length) {
    if (errorPending() && !errorMatches(exc::ValueError)) return Value();
    clearError();
    return invalidIsoString(s);
  }
  return newDateSubclass(y, m, d, classArg(args[0]));
}

Value date_fromisocalendar(Value* args) {
  int64_t year, week, day;
  if (!argInt(args[1], &year) || !argInt(args[2], &week) || !argInt(args[3], &day)) {
    if (!errorMatches(exc::OverflowError)) return Value();
    clearError();
    return raise(exc::ValueError, "ISO calendar component out of range");
  }
  if (year < kMinYear || year > kMaxYear)
    return raisef(exc::ValueError, "Year is out of range: %lld", static_cast<long long>(year));
  if (week <= 0 || week >= 53) {
    bool ok = false;
    if (week == 53) {
      // Week 53 exists when the year starts on a Thursday (or a Wednesday in leap years).
      int64_t first_weekday = ymdToOrd(static_cast<int>(year), 1, 1) % 7;
      ok = first_weekday == 4 || (first_weekday == 3 && isLeap(static_cast<int>(year)));
    }
    if (!ok) return raisef(exc::ValueError, "Invalid week: %lld", static_cast<long long>(week));
  }
  if (day <= 0 || day >= 8)
    return raisef(exc::ValueError, "Invalid day: %lld (range is [1, 7])", static_cast<long long>(day));
  int64_t ord = isoWeek1Monday(static_cast<int>(year)) + (week - 1) * 7 + (day - 1);
  int y, m, d;
  ordToYmd(ord, &y, &m, &d);
  return newDateSubclass(y, m, d, classArg(args[0]));
}

// ===========================================================================
// Arithmetic and comparison

Value date_add(Value a, Value b) {
  if (isDateTime(a) || isDateTime(b)) return NotImplemented();
  if (isDate(a) && isDelta(b)) {
    DateObj* d = asDate(a);
    int y = static_cast<int>(d->year), m = static_cast<int>(d->month), day = static_cast<int>(d->day);
    if (!addDaysToDate(&y, &m, &day, asDelta(b)->days)) return Value();
    return newDateSubclass(y, m, day, typeOf(a));
  }
  if (isDelta(a) && isDate(b)) return date_add(b, a);
  return NotImplemented();
}

Value date_subtract(Value a, Value b) {
  if (isDateTime(a) || isDateTime(b) || !isDate(a)) return NotImplemented();
  if (isDate(b)) {
    int64_t days = ymdToOrd(static_cast<int>(asDate(a)->year), static_cast<int>(asDate(a)->month),
                            static_cast<int>(asDate(a)->day)) -
                   ymdToOrd(static_cast<int>(asDate(b)->year), static_cast<int>(asDate(b)->month),
                            static_cast<int>(asDate(b)->day));
    return newDelta(days, 0, 0, false, g_delta_type);
  }
  if (isDelta(b)) {
    DateObj* d = asDate(a);
    int y = static_cast<int>(d->year), m = static_cast<int>(d->month), day = static_cast<int>(d->day);
    if (!addDaysToDate(&y, &m, &day, -asDelta(b)->days)) return Value();
    return newDateSubclass(y, m, day, typeOf(a));
  }
  return NotImplemented();
}

int compareDates(DateObj* a, DateObj* b) {
  if (a->year != b->year) return a->year < b->year ? -1 : 1;
  if (a->month != b->month) return a->month < b->month ? -1 : 1;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  return 0;
}

Value date_richcompare(Value a, Value b, int op) {
  if (!isDate(b)) return NotImplemented();
  return compareResult(compareDates(asDate(a), asDate(b)), op);
}

void dateBytes(DateObj* d, unsigned char out[4]) {
  out[0] = static_cast<unsigned char>(d->year >> 8);
  out[1] = static_cast<unsigned char>(d->year & 0xff);
  out[2] = static_cast<unsigned char>(d->month);
  out[3] = static_cast<unsigned char>(d->day);
}

int64_t date_hash(Value self) {
  unsigned char data[4];
  dateBytes(asDate(self), data);
  Value b = newBytes(data, 4);
  if (b.isNull()) return -1;
  return bytesHash(b);
}

Value date_repr(Value self) {
  DateObj* d = asDate(self);
  char buf[64];
  snprintf(buf, sizeof buf, "(%d, %d, %d)", static_cast<int>(d->year), static_cast<int>(d->month),
           static_cast<int>(d->day));
  return newStr(reprName(self) + buf);
}

Value date_str(Value self) { return callMethod(self, internStr("isoformat"), nullptr, 0); }

// ===========================================================================
// Methods

Value date_isoformat(Value* args) {
  DateObj* d = asDate(args[0]);
  std::string out;
  appendIsoDate(&out, static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day));
  return newStr(out);
}

Value date_ctime(Value* args) {
  DateObj* d = asDate(args[0]);
  return formatCtime(static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day), 0, 0, 0);
}

Value date_timetuple(Value* args) {
  DateObj* d = asDate(args[0]);
  return buildStructTime(static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day), 0, 0, 0, -1);
}

Value date_strftime(Value* args) {
  Value self = args[0], format = args[1];
  if (!isStr(format))
    return raisef(exc::TypeError, "strftime() argument 1 must be str, not %s", typeNameOf(format).c_str());
  Value tuple = callMethod(self, internStr("timetuple"), nullptr, 0);
  if (tuple.isNull()) return tuple;
  return wrapStrftime(self, format, tuple, self);
}

Value date___format__(Value* args) {
  Value self = args[0], format = args[1];
  if (!isStr(format))
    return raisef(exc::TypeError, "__format__() argument 1 must be str, not %s", typeNameOf(format).c_str());
  if (strToUcs4(format).empty()) return str(self);
  return callMethod(self, internStr("strftime"), &format, 1);
}

Value date_toordinal(Value* args) {
  DateObj* d = asDate(args[0]);
  return newInt(ymdToOrd(static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day)));
}

Value date_weekday(Value* args) {
  DateObj* d = asDate(args[0]);
  return newInt(weekday(static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day)));
}

Value date_isoweekday(Value* args) {
  DateObj* d = asDate(args[0]);
  return newInt(weekday(static_cast<int>(d->year), static_cast<int>(d->month), static_cast<int>(d->day)) + 1);
}

Value newIsoCalendarDate(int year, int week, int weekday_number) {
  Value r = newStructSeq(g_isocalendar_type);
  if (r.isNull()) return r;
  tupleInit(r, 0, newInt(year));
  tupleInit(r, 1, newInt(week));
  tupleInit(r, 2, newInt(weekday_number));
  return r;
}

Value date_isocalendar(Value* args) {
  DateObj* d = asDate(args[0]);
  int year = static_cast<int>(d->year);
  int64_t today = ymdToOrd(year, static_cast<int>(d->month), static_cast<int>(d->day));
  int64_t offset = today - isoWeek1Monday(year);
  int64_t week = offset >= 0 ? offset / 7 : -((-offset + 6) / 7);
  int64_t day = offset - week * 7;
  if (week < 0) {
    --year;
    offset = today - isoWeek1Monday(year);
    week = offset / 7;
    day = offset % 7;
  } else if (week >= 52 && today >= isoWeek1Monday(year + 1)) {
    ++year;
    week = 0;
  }
  return newIsoCalendarDate(year, static_cast<int>(week + 1), static_cast<int>(day + 1));
}

Value date_replace(Value* args) {
  Value self = args[0];
  DateObj* d = asDate(self);
  int64_t y = d->year, m = d->month, day = d->day;
  if (!args[1].isNull() && !argInt(args[1], &y)) return Value();
  if (!args[2].isNull() && !argInt(args[2], &m)) return Value();
  if (!args[3].isNull() && !argInt(args[3], &day)) return Value();
  return newDate(static_cast<int>(y), static_cast<int>(m), static_cast<int>(day), typeOf(self));
}

Value date___reduce__(Value* args) {
  unsigned char data[4];
  dateBytes(asDate(args[0]), data);
  Value b = newBytes(data, 4);
  if (b.isNull()) return b;
  Value state = newTupleOf({b});
  if (state.isNull()) return state;
  return newTupleOf({typeValue(typeOf(args[0])), state});
}

// ===========================================================================
// IsoCalendarDate

const MethodDef kIsoCalendarNewDef = {.name = "IsoCalendarDate", .signature = "(year, week, weekday)"};

Value isocalendar_new(Type* /*type*/, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bindArguments(&kIsoCalendarNewDef, Value(), args, nargs, kwnames, a)) return Value();
  int64_t y, w, d;
  if (!argInt(a[0], &y) || !argInt(a[1], &w) || !argInt(a[2], &d)) return Value();
  return newIsoCalendarDate(static_cast<int>(y), static_cast<int>(w), static_cast<int>(d));
}

Value IsoCalendarDate___reduce__(Value* args) {
  Value self = args[0];
  Value plain = newTupleOf({tupleItem(self, 0), tupleItem(self, 1), tupleItem(self, 2)});
  if (plain.isNull()) return plain;
  Value state = newTupleOf({plain});
  if (state.isNull()) return state;
  return newTupleOf({typeValue(types::tuple_type), state});
}

const MethodDef kIsoCalendarMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = IsoCalendarDate___reduce__},
};

const MemberDef kIsoCalendarFields[] = {
    structseqField("year", 0),
    structseqField("week", 1),
    structseqField("weekday", 2),
};

const TypeSpec kIsoCalendarSpec = {
    .name = "IsoCalendarDate",
    .module = "datetime",
    .type = &g_isocalendar_type,
    .base = &types::tuple_type,
    .slots = {.tp_repr = structseq_repr, .tp_new = isocalendar_new},
    .methods = kIsoCalendarMethods,
    .members = kIsoCalendarFields,
};
TERN_REGISTER_TYPE(kIsoCalendarSpec);

// ===========================================================================
// Tables

const MethodDef kDateMethods[] = {
    {.name = "fromtimestamp",
     .signature = "($type, timestamp, /)",
     .fn = date_fromtimestamp,
     .flags = method_flags::kClassMethod,
     .doc = "Create a date from a POSIX timestamp.\n\nThe timestamp is a number, e.g. created via time.time(), that is "
            "interpreted\nas local time."},
    {.name = "fromordinal",
     .signature = "($type, ordinal, /)",
     .fn = date_fromordinal,
     .flags = method_flags::kClassMethod,
     .doc = "int -> date corresponding to a proleptic Gregorian ordinal."},
    {.name = "fromisoformat",
     .signature = "($type, date_string, /)",
     .fn = date_fromisoformat,
     .flags = method_flags::kClassMethod,
     .doc = "str -> Construct a date from a string in ISO 8601 format."},
    {.name = "fromisocalendar",
     .signature = "($type, /, year, week, day)",
     .fn = date_fromisocalendar,
     .flags = method_flags::kClassMethod,
     .doc = "int, int, int -> Construct a date from the ISO year, week number and weekday.\n\nThis is the inverse of "
            "the date.isocalendar() function"},
    {.name = "today",
     .signature = "($type, /)",
     .fn = date_today,
     .flags = method_flags::kClassMethod,
     .doc = "Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."},
    {.name = "ctime", .signature = "($self, /)", .fn = date_ctime, .doc = "Return ctime() style string."},
    {.name = "strftime",
     .signature = "($self, /, format)",
     .fn = date_strftime,
     .flags = method_flags::kLegacyArity,
     .doc = "format -> strftime() style string."},
    {.name = "__format__",
     .signature = "($self, format, /)",
     .fn = date___format__,
     .doc = "Formats self with strftime."},
    {.name = "timetuple",
     .signature = "($self, /)",
     .fn = date_timetuple,
     .doc = "Return time tuple, compatible with time.localtime()."},
    {.name = "isocalendar",
     .signature = "($self, /)",
     .fn = date_isocalendar,
     .doc = "Return a named tuple containing ISO year, week number, and weekday."},
    {.name = "isoformat",
     .signature = "($self, /)",
     .fn = date_isoformat,
     .doc = "Return string in ISO 8601 format, YYYY-MM-DD."},
    {.name = "isoweekday",
     .signature = "($self, /)",
     .fn = date_isoweekday,
     .doc = "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {.name = "toordinal",
     .signature = "($self, /)",
     .fn = date_toordinal,
     .doc = "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {.name = "weekday",
     .signature = "($self, /)",
     .fn = date_weekday,
     .doc = "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {.name = "replace",
     .signature = "($self, /, year=<unrepresentable>, month=<unrepresentable>, day=<unrepresentable>)",
     .fn = date_replace,
     .flags = method_flags::kLegacyArity,
     .doc = "Return date with new specified fields."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = date___reduce__, .doc = "__reduce__() -> (cls, state)"},
};

const MemberDef kDateMembers[] = {
    {.name = "year", .kind = MemberKind::kInt64, .offset = offsetof(DateObj, year), .readonly = true},
    {.name = "month", .kind = MemberKind::kInt64, .offset = offsetof(DateObj, month), .readonly = true},
    {.name = "day", .kind = MemberKind::kInt64, .offset = offsetof(DateObj, day), .readonly = true},
};

const uint32_t kDateFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kDateLayout = {.name = "datetime.date", .fields = kDateFields};

const TypeSpec kDateSpec = {
    .name = "date",
    .module = "datetime",
    .type = &g_date_type,
    .layout = &kDateLayout,
    .basic_size = sizeof(DateObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = date_repr,
              .tp_str = date_str,
              .tp_hash = date_hash,
              .tp_richcompare = date_richcompare,
              .tp_new = date_new,
              .nb_add = date_add,
              .nb_subtract = date_subtract},
    .methods = kDateMethods,
    .members = kDateMembers,
    .doc = "date(year, month, day) --> date object",
};
TERN_REGISTER_TYPE(kDateSpec);

}  // namespace

}  // namespace tern::datetime
