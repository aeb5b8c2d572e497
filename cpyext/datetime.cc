// The datetime C API (datetime.h) over the native _datetime types
// (runtime/modules/_datetime*.cc).
//
// PyDateTime_IMPORT (PyCapsule_Import("datetime.datetime_CAPI")) reaches
// installDateTimeCapsule, which builds the PyDateTime_CAPI table once and
// sets it as the module's `datetime_CAPI` attribute, as CPython's module has
// it:
//   - the type pointers are the proxies of the native date, datetime, time,
//     timedelta and tzinfo types, with CPython's tp_basicsize (Cython checks
//     it when it imports the types);
//   - the constructors make instances of the native types (or of the
//     subclass C passes) directly, as CPython's new_*_ex do, without calling
//     a subclass's __new__.
// The accessor macros (PyDateTime_GET_YEAR, PyDateTime_DELTA_GET_DAYS, ...)
// read packed bytes from the object, so an instance of these types (and of
// their subclasses) always gets a proxy in CPython's layout, filled once from
// its native fields when it is made: the objects are immutable.
#include <cstring>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#define _PY_DATETIME_IMPL  // the table is made here, not imported
#include "datetime.h"
#include "runtime/modules/_datetime.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/object.h"
#include "runtime/objects/str.h"

namespace tern::cpyext {

namespace {

namespace dt = tern::datetime;

enum Family { kDate, kDateTime, kTime, kDelta, kTZInfo, kFamilies };

// CPython's struct size for each family's instances.
constexpr size_t kBytes[kFamilies] = {sizeof(PyDateTime_Date), sizeof(PyDateTime_DateTime), sizeof(PyDateTime_Time),
                                      sizeof(PyDateTime_Delta), sizeof(PyDateTime_TZInfo)};

Type* familyType(Family f) {
  switch (f) {
    case kDate:
      return dt::g_date_type;
    case kDateTime:
      return dt::g_datetime_type;
    case kTime:
      return dt::g_time_type;
    case kDelta:
      return dt::g_delta_type;
    default:
      return dt::g_tzinfo_type;
  }
}

// The family of `type`'s instances: the native types by pointer, then
// classes derived from them (datetime before date: it derives from it).
Family familyOf(Type* type) {
  for (int f = 0; f < kFamilies; ++f) {
    if (type == familyType(static_cast<Family>(f))) return static_cast<Family>(f);
  }
  if (type == dt::g_timezone_type) return kTZInfo;
  if (!type->hasFlag(type_flags::kHeapType)) return kFamilies;
  static constexpr Family kOrder[] = {kDateTime, kDate, kTime, kDelta, kTZInfo};
  for (Family f : kOrder) {
    if (isSubtype(type, familyType(f))) return f;
  }
  return kFamilies;
}

void putYMD(unsigned char* data, const dt::DateObj* d) {
  data[0] = static_cast<unsigned char>(d->year >> 8);
  data[1] = static_cast<unsigned char>(d->year & 0xff);
  data[2] = static_cast<unsigned char>(d->month);
  data[3] = static_cast<unsigned char>(d->day);
}

// fold, hastzinfo and the tzinfo pointer, which the proxy keeps a reference
// to (PyDateTime_DATE_GET_TZINFO returns it borrowed).
template <typename T>
void putTZInfo(PyObject* o, T* fields, const dt::TimeFields& t, Value tz) {
  fields->fold = static_cast<unsigned char>(t.fold);
  if (isNone(tz)) return;
  fields->hastzinfo = 1;
  fields->tzinfo = toNew(tz);
  keepAlive(o, fields->tzinfo);
}

Type* runtimeType(PyTypeObject* type) {
  return static_cast<Type*>(fromC(reinterpret_cast<PyObject*>(type)).asObject());
}

// ===========================================================================
// The table's constructors.  `type` is the class to instantiate (the
// family's own or a subclass C passes).

PyObject* dateFromDate(int year, int month, int day, PyTypeObject* type) {
  return returnNew(dt::newDate(year, month, day, runtimeType(type)));
}

dt::TimeFields timeFields(int hour, int minute, int second, int usecond, int fold) {
  return {.hour = hour, .minute = minute, .second = second, .microsecond = usecond, .fold = fold};
}

PyObject* dateTimeFromDateAndTimeAndFold(int year, int month, int day, int hour, int minute, int second, int usecond,
                                         PyObject* tzinfo, int fold, PyTypeObject* type) {
  return returnNew(dt::newDateTime(year, month, day, timeFields(hour, minute, second, usecond, fold), fromC(tzinfo),
                                   runtimeType(type)));
}

PyObject* dateTimeFromDateAndTime(int year, int month, int day, int hour, int minute, int second, int usecond,
                                  PyObject* tzinfo, PyTypeObject* type) {
  return dateTimeFromDateAndTimeAndFold(year, month, day, hour, minute, second, usecond, tzinfo, 0, type);
}

PyObject* timeFromTimeAndFold(int hour, int minute, int second, int usecond, PyObject* tzinfo, int fold,
                              PyTypeObject* type) {
  return returnNew(dt::newTime(timeFields(hour, minute, second, usecond, fold), fromC(tzinfo), runtimeType(type)));
}

PyObject* timeFromTime(int hour, int minute, int second, int usecond, PyObject* tzinfo, PyTypeObject* type) {
  return timeFromTimeAndFold(hour, minute, second, usecond, tzinfo, 0, type);
}

// `normalize` 0 promises normalised components, which are then kept as given.
PyObject* deltaFromDelta(int days, int seconds, int microseconds, int normalize, PyTypeObject* type) {
  return returnNew(dt::newDelta(days, seconds, microseconds, normalize != 0, runtimeType(type)));
}

// timezone(offset[, name]): checked as the constructor checks.
PyObject* timeZoneFromTimeZone(PyObject* offset, PyObject* name) {
  PyObject* timezone = reinterpret_cast<PyObject*>(typeProxy(dt::g_timezone_type));
  return name == nullptr ? PyObject_CallOneArg(timezone, offset)
                         : PyObject_CallFunctionObjArgs(timezone, offset, name, nullptr);
}

PyObject* fromTimestamp(PyObject* cls, PyObject* args, PyObject* kwargs) {
  PyObject* method = PyObject_GetAttrString(cls, "fromtimestamp");
  if (method == nullptr) return nullptr;
  PyObject* r = PyObject_Call(method, args, kwargs);
  Py_DECREF(method);
  return r;
}

PyObject* dateFromTimestamp(PyObject* cls, PyObject* args) { return fromTimestamp(cls, args, nullptr); }

void freeTable(PyObject* capsule) {
  delete static_cast<PyDateTime_CAPI*>(PyCapsule_GetPointer(capsule, PyDateTime_CAPSULE_NAME));
}

PyTypeObject* familyProxy(Family f) { return typeProxy(familyType(f)); }

// The proxies of datetime and time, set once the datetime C API's table
// exists (adoptDateTimeFold).
PyTypeObject* g_datetime_proxy = nullptr;
PyTypeObject* g_time_proxy = nullptr;

// The table as a capsule; null with the exception pending.
PyObject* newDateTimeCapsule() {
  auto* table = new PyDateTime_CAPI{};
  table->DateType = familyProxy(kDate);
  table->DateTimeType = familyProxy(kDateTime);
  table->TimeType = familyProxy(kTime);
  table->DeltaType = familyProxy(kDelta);
  table->TZInfoType = familyProxy(kTZInfo);
  for (int f = 0; f < kFamilies; ++f)
    familyProxy(static_cast<Family>(f))->tp_basicsize = static_cast<Py_ssize_t>(kBytes[f]);
  g_datetime_proxy = table->DateTimeType;
  g_time_proxy = table->TimeType;
  table->TimeZone_UTC = toNew(dt::utcTimezone());  // owned by the table for good, as CPython's
  table->Date_FromDate = dateFromDate;
  table->DateTime_FromDateAndTime = dateTimeFromDateAndTime;
  table->Time_FromTime = timeFromTime;
  table->Delta_FromDelta = deltaFromDelta;
  table->TimeZone_FromTimeZone = timeZoneFromTimeZone;
  table->DateTime_FromTimestamp = fromTimestamp;
  table->Date_FromTimestamp = dateFromTimestamp;
  table->DateTime_FromDateAndTimeAndFold = dateTimeFromDateAndTimeAndFold;
  table->Time_FromTimeAndFold = timeFromTimeAndFold;
  PyObject* capsule = PyCapsule_New(table, PyDateTime_CAPSULE_NAME, freeTable);
  if (capsule == nullptr) delete table;
  return capsule;
}

}  // namespace

size_t dateTimeProxyBytes(Type* type) {
  Family f = familyOf(type);
  return f == kFamilies ? 0 : kBytes[f];
}

void refreshDateTime(PyObject* o, Value v) {
  switch (familyOf(typeOf(v))) {
    case kDate: {
      auto* d = reinterpret_cast<PyDateTime_Date*>(o);
      d->hashcode = -1;
      putYMD(d->data, dt::asDate(v));
      break;
    }
    case kDateTime: {
      auto* d = reinterpret_cast<PyDateTime_DateTime*>(o);
      d->hashcode = -1;
      putYMD(d->data, dt::asDate(v));
      dt::timeToBytes(dt::asDateTime(v)->t, d->data + _PyDateTime_DATE_DATASIZE);
      putTZInfo(o, d, dt::asDateTime(v)->t, dt::asDateTime(v)->tzinfo.get());
      break;
    }
    case kTime: {
      auto* t = reinterpret_cast<PyDateTime_Time*>(o);
      t->hashcode = -1;
      dt::timeToBytes(dt::asTime(v)->t, t->data);  // CPython's packing, as in its pickles
      putTZInfo(o, t, dt::asTime(v)->t, dt::asTime(v)->tzinfo.get());
      break;
    }
    case kDelta: {
      auto* d = reinterpret_cast<PyDateTime_Delta*>(o);
      dt::DeltaObj* delta = dt::asDelta(v);
      d->hashcode = -1;
      d->days = static_cast<int>(delta->days);
      d->seconds = static_cast<int>(delta->seconds);
      d->microseconds = static_cast<int>(delta->microseconds);
      break;
    }
    case kTZInfo:
    case kFamilies:
      break;
  }
}

// CPython's _zoneinfo sets `fold` in place on a datetime it just made (its
// fromutc adds an offset, then marks the result as the second of two equal
// wall times) and returns it; it does so only on an exact datetime (a
// subclass gets replace(fold=1)).  The struct's other fields are never
// written so by C that CPython ships.  A fold C wrote into an exact datetime
// or time it gives back the only reference to becomes the object's (a
// fresh one: nobody else can have seen it).  Only C that imported the
// datetime C API knows the struct: before that, the proxies are not known
// and nothing matches.
void adoptDateTimeFold(PyObject* o, Value v) {
  PyTypeObject* type = Py_TYPE(o);
  if (type == g_datetime_proxy) {
    dt::asDateTime(v)->t.fold = reinterpret_cast<PyDateTime_DateTime*>(o)->fold != 0;
  } else if (type == g_time_proxy) {
    dt::asTime(v)->t.fold = reinterpret_cast<PyDateTime_Time*>(o)->fold != 0;
  }
}

int installDateTimeCapsule(PyObject* module) {
  if (PyObject_HasAttrString(module, "datetime_CAPI")) return 0;
  PyObject* capsule = newDateTimeCapsule();
  if (capsule == nullptr) return -1;
  int r = PyObject_SetAttrString(module, "datetime_CAPI", capsule);
  Py_DECREF(capsule);
  return r;
}

}  // namespace tern::cpyext
