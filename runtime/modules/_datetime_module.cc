// The _datetime module: datetime.py ends with `from _datetime import *`, so
// importing datetime gives these native types instead of its Python classes.
// The types exist from start-up (the type registry makes them); importing
// the module sets their class attributes (min, max, resolution, utc) and
// exports them with MINYEAR, MAXYEAR and UTC.  The C API capsule
// (datetime.datetime_CAPI) is made by cpyext when an extension imports it
// (cpyext/datetime.cc).
#include "runtime/interp/errors.h"
#include "runtime/modules/_datetime.h"
#include "runtime/modules/module.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"

namespace tern::datetime {

bool initTimezones();  // _datetime_tz.cc

namespace {

bool setClassAttr(Type* type, const char* name, Value value) {
  if (value.isNull()) return false;
  if (dictSet(type->dict.get(), internStr(name), value) < 0) return false;
  typeModified(type);
  return true;
}

bool setRange(Type* type, Value min, Value max, Value resolution) {
  return setClassAttr(type, "min", min) && setClassAttr(type, "max", max) &&
         setClassAttr(type, "resolution", resolution);
}

Value delta(int64_t days, int64_t seconds, int64_t us) { return newDelta(days, seconds, us, false, g_delta_type); }

bool initClassAttributes() {
  if (!setRange(g_delta_type, delta(-kMaxDeltaDays, 0, 0), delta(kMaxDeltaDays, kSecondsPerDay - 1, kUsPerSecond - 1),
                delta(0, 0, 1))) {
    return false;
  }
  if (!setRange(g_date_type, newDate(kMinYear, 1, 1, g_date_type), newDate(kMaxYear, 12, 31, g_date_type),
                delta(1, 0, 0))) {
    return false;
  }
  TimeFields midnight = {};
  TimeFields last = {.hour = 23, .minute = 59, .second = 59, .microsecond = 999999, .fold = 0};
  if (!setRange(g_time_type, newTime(midnight, None(), g_time_type), newTime(last, None(), g_time_type),
                delta(0, 0, 1))) {
    return false;
  }
  if (!setRange(g_datetime_type, newDateTime(kMinYear, 1, 1, midnight, None(), g_datetime_type),
                newDateTime(kMaxYear, 12, 31, last, None(), g_datetime_type), delta(0, 0, 1))) {
    return false;
  }
  // timezone.min and max: -23:59 and +23:59.
  constexpr int64_t kMaxOffset = 23 * 3600 + 59 * 60;
  Value min_offset = delta(-1, kSecondsPerDay - kMaxOffset, 0);
  if (min_offset.isNull()) return false;
  Value max_offset = delta(0, kMaxOffset, 0);
  if (max_offset.isNull()) return false;
  return setClassAttr(g_timezone_type, "utc", utcTimezone()) &&
         setClassAttr(g_timezone_type, "min", newTimezone(min_offset, Value())) &&
         setClassAttr(g_timezone_type, "max", newTimezone(max_offset, Value()));
}

bool datetimeInit(Value module) {
  if (!initTimezones() || !initClassAttributes()) return false;
  struct Export {
    const char* name;
    Type* type;
  };
  const Export kTypes[] = {{"date", g_date_type},       {"datetime", g_datetime_type}, {"time", g_time_type},
                           {"timedelta", g_delta_type}, {"tzinfo", g_tzinfo_type},     {"timezone", g_timezone_type}};
  Value dict = moduleDict(module);
  for (const Export& e : kTypes) {
    if (dictSet(dict, internStr(e.name), typeValue(e.type)) < 0) return false;
  }
  return dictSet(dict, internStr("MINYEAR"), newInt(kMinYear)) == 0 &&
         dictSet(dict, internStr("MAXYEAR"), newInt(kMaxYear)) == 0 &&
         dictSet(dict, internStr("UTC"), utcTimezone()) == 0;
}

const NativeModuleDef kDateTimeModule = {
    .name = "_datetime",
    .init = datetimeInit,
    .doc = "Fast implementation of the datetime type.",
};
TERN_REGISTER_MODULE(kDateTimeModule);

}  // namespace

}  // namespace tern::datetime
