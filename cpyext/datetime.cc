// The datetime C API (datetime.h) over Debian's pure-Python datetime module.
//
// CPython's _datetime is a C module; Tern runs datetime.py's classes, so
// there is no capsule until an extension asks for one.  PyDateTime_IMPORT
// (PyCapsule_Import("datetime.datetime_CAPI")) reaches installDateTimeCapsule,
// which builds the PyDateTime_CAPI table once and sets it as the module's
// `datetime_CAPI` attribute, as CPython's module has it:
//   - the type pointers are the type proxies of datetime.py's date, datetime,
//     time, timedelta and tzinfo, with CPython's tp_basicsize (Cython checks
//     it when it imports the types);
//   - the constructors call those classes (or the subclass C passes).
// The accessor macros (PyDateTime_GET_YEAR, PyDateTime_DELTA_GET_DAYS, ...)
// read packed bytes from the object, so from then on an instance of these
// classes gets a proxy in CPython's layout, filled once from its slots when
// it is made: the objects are immutable, as PyPy's cpyext reasons too.
#include <cstring>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#define _PY_DATETIME_IMPL  // the table is made here, not imported
#include "datetime.h"
#include "runtime/gc/roots.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/object.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

namespace {

// The classes the table names; null until the capsule exists.
enum Family { kDate, kDateTime, kTime, kDelta, kTZInfo, kFamilies };
gc::GlobalRoot g_classes[kFamilies];
bool g_installed = false;

// CPython's struct size for each family's instances.
constexpr size_t kBytes[kFamilies] = {sizeof(PyDateTime_Date), sizeof(PyDateTime_DateTime),
                                      sizeof(PyDateTime_Time), sizeof(PyDateTime_Delta),
                                      sizeof(PyDateTime_TZInfo)};

Type* classOf(Family f) { return static_cast<Type*>(g_classes[f].get().asObject()); }

// The family of `type`'s instances (datetime before date: it derives from it).
Family familyOf(Type* type) {
  static constexpr Family kOrder[] = {kDateTime, kDate, kTime, kDelta, kTZInfo};
  for (Family f : kOrder) {
    if (isSubtype(type, classOf(f))) return f;
  }
  return kFamilies;
}

// The small int in slot `name` of v (0 if it is missing or not a small int:
// only a subclass deleting datetime.py's own slots gets there).
int slotInt(Value v, const char* name) {
  Value r = getAttr(v, internStr(name));
  if (r.isNull()) {
    PyErr_Clear();
    return 0;
  }
  return r.isSmallInt() ? static_cast<int>(r.asSmallInt()) : 0;
}

void putYMD(unsigned char* data, Value v) {
  int year = slotInt(v, "_year");
  data[0] = static_cast<unsigned char>(year >> 8);
  data[1] = static_cast<unsigned char>(year & 0xff);
  data[2] = static_cast<unsigned char>(slotInt(v, "_month"));
  data[3] = static_cast<unsigned char>(slotInt(v, "_day"));
}

void putHMSU(unsigned char* data, Value v) {
  data[0] = static_cast<unsigned char>(slotInt(v, "_hour"));
  data[1] = static_cast<unsigned char>(slotInt(v, "_minute"));
  data[2] = static_cast<unsigned char>(slotInt(v, "_second"));
  int us = slotInt(v, "_microsecond");
  data[3] = static_cast<unsigned char>(us >> 16);
  data[4] = static_cast<unsigned char>((us >> 8) & 0xff);
  data[5] = static_cast<unsigned char>(us & 0xff);
}

// hastzinfo and the tzinfo pointer, which the proxy keeps a reference to
// (PyDateTime_DATE_GET_TZINFO returns it borrowed).
template <typename T>
void putTZInfo(PyObject* o, T* fields, Value v) {
  fields->fold = static_cast<unsigned char>(slotInt(v, "_fold"));
  Value tz = getAttr(v, internStr("_tzinfo"));
  if (tz.isNull()) {
    PyErr_Clear();
    return;
  }
  if (isNone(tz)) return;
  fields->hastzinfo = 1;
  fields->tzinfo = toNew(tz);
  keepAlive(o, fields->tzinfo);
}

PyObject* typeObject(PyTypeObject* type) { return reinterpret_cast<PyObject*>(type); }

// The constructors of the table.  `type` is the class to instantiate (the
// family's own or a subclass C passes).

PyObject* dateFromDate(int year, int month, int day, PyTypeObject* type) {
  return PyObject_CallFunction(typeObject(type), "iii", year, month, day);
}

// type(*args, fold=fold); takes `args` (null: the error from building it).
PyObject* callWithFold(PyTypeObject* type, PyObject* args, int fold) {
  if (args == nullptr) return nullptr;
  PyObject* kwargs = Py_BuildValue("{s:i}", "fold", fold);
  PyObject* r = kwargs != nullptr ? PyObject_Call(typeObject(type), args, kwargs) : nullptr;
  Py_DECREF(args);
  Py_XDECREF(kwargs);
  return r;
}

PyObject* dateTimeFromDateAndTimeAndFold(int year, int month, int day, int hour, int minute, int second,
                                         int usecond, PyObject* tzinfo, int fold, PyTypeObject* type) {
  return callWithFold(type, Py_BuildValue("(iiiiiiiO)", year, month, day, hour, minute, second, usecond, tzinfo),
                      fold);
}

PyObject* dateTimeFromDateAndTime(int year, int month, int day, int hour, int minute, int second, int usecond,
                                  PyObject* tzinfo, PyTypeObject* type) {
  return dateTimeFromDateAndTimeAndFold(year, month, day, hour, minute, second, usecond, tzinfo, 0, type);
}

PyObject* timeFromTimeAndFold(int hour, int minute, int second, int usecond, PyObject* tzinfo, int fold,
                              PyTypeObject* type) {
  return callWithFold(type, Py_BuildValue("(iiiiO)", hour, minute, second, usecond, tzinfo), fold);
}

PyObject* timeFromTime(int hour, int minute, int second, int usecond, PyObject* tzinfo, PyTypeObject* type) {
  return timeFromTimeAndFold(hour, minute, second, usecond, tzinfo, 0, type);
}

// `normalize` 0 promises normalised components; the constructor normalises
// anyway, which leaves such components as they are.
PyObject* deltaFromDelta(int days, int seconds, int microseconds, int /*normalize*/, PyTypeObject* type) {
  return PyObject_CallFunction(typeObject(type), "iii", days, seconds, microseconds);
}

PyObject* timeZoneFromTimeZone(PyObject* offset, PyObject* name) {
  PyObject* module = PyImport_ImportModule("datetime");
  if (module == nullptr) return nullptr;
  PyObject* timezone = PyObject_GetAttrString(module, "timezone");
  Py_DECREF(module);
  if (timezone == nullptr) return nullptr;
  PyObject* r = name == nullptr ? PyObject_CallOneArg(timezone, offset)
                                : PyObject_CallFunctionObjArgs(timezone, offset, name, nullptr);
  Py_DECREF(timezone);
  return r;
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

// The table over `module`'s classes, as a capsule; null with the exception
// pending.
// The five classes of `module`, borrowed from it (it keeps them, as
// CPython's static types live for good); false with the exception pending.
bool classesOf(PyObject* module, PyTypeObject* types[kFamilies]) {
  static constexpr const char* kNames[kFamilies] = {"date", "datetime", "time", "timedelta", "tzinfo"};
  for (int f = 0; f < kFamilies; ++f) {
    PyObject* cls = PyObject_GetAttrString(module, kNames[f]);
    if (cls == nullptr) return false;
    Py_DECREF(cls);
    if (!PyType_Check(cls)) {
      PyErr_Format(PyExc_TypeError, "datetime.%s is not a class", kNames[f]);
      return false;
    }
    types[f] = reinterpret_cast<PyTypeObject*>(cls);
  }
  return true;
}

// From here on instances get CPython's layout, and the types say so.
void registerClasses(PyTypeObject* types[kFamilies]) {
  for (int f = 0; f < kFamilies; ++f) {
    g_classes[f].set(fromC(typeObject(types[f])));
    types[f]->tp_basicsize = static_cast<Py_ssize_t>(kBytes[f]);
  }
  g_installed = true;
}

PyObject* newDateTimeCapsule(PyObject* module) {
  PyTypeObject* types[kFamilies];
  if (!classesOf(module, types)) return nullptr;
  PyObject* timezone = PyObject_GetAttrString(module, "timezone");
  if (timezone == nullptr) return nullptr;
  PyObject* utc = PyObject_GetAttrString(timezone, "utc");
  Py_DECREF(timezone);
  if (utc == nullptr) return nullptr;

  auto* table = new PyDateTime_CAPI{};
  table->DateType = types[kDate];
  table->DateTimeType = types[kDateTime];
  table->TimeType = types[kTime];
  table->DeltaType = types[kDelta];
  table->TZInfoType = types[kTZInfo];
  table->TimeZone_UTC = utc;  // owned by the table for good, as CPython's
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
  if (capsule == nullptr) {
    delete table;
    return nullptr;
  }
  registerClasses(types);
  return capsule;
}

// Whether a class on t's MRO comes from the datetime module.
bool fromDateTimeModule(Type* t) {
  Value mro = t->mro.get();
  if (mro.isNull()) return false;
  for (int64_t i = 0; i < tupleLength(mro); ++i) {
    Value module = dictGet(static_cast<Type*>(tupleItem(mro, i).asObject())->dict.get(), names::__module__);
    if (!module.isNull() && isStr(module) && strEqualsAscii(module, "datetime")) return true;
  }
  return false;
}

// An instance of datetime's classes is crossing before any PyDateTime_IMPORT:
// its proxy gets CPython's layout all the same, as C may hold it until an
// import makes the macros usable.
void registerEarly() {
  PyObject* name = PyUnicode_FromString("datetime");
  PyObject* module = name != nullptr ? PyImport_GetModule(name) : nullptr;
  Py_XDECREF(name);
  if (module == nullptr) {
    PyErr_Clear();
    return;
  }
  PyTypeObject* types[kFamilies];
  if (classesOf(module, types)) {
    registerClasses(types);
  } else {
    PyErr_Clear();
  }
  Py_DECREF(module);
}

}  // namespace

size_t dateTimeProxyBytes(Type* type) {
  if (!g_installed) {
    if (!type->hasFlag(type_flags::kHeapType) || !fromDateTimeModule(type)) return 0;
    registerEarly();
    if (!g_installed) return 0;
  }
  Family f = familyOf(type);
  return f == kFamilies ? 0 : kBytes[f];
}

void refreshDateTime(PyObject* o, Value v) {
  if (!g_installed) return;
  switch (familyOf(typeOf(v))) {
    case kDate: {
      auto* d = reinterpret_cast<PyDateTime_Date*>(o);
      d->hashcode = -1;
      putYMD(d->data, v);
      break;
    }
    case kDateTime: {
      auto* dt = reinterpret_cast<PyDateTime_DateTime*>(o);
      dt->hashcode = -1;
      putYMD(dt->data, v);
      putHMSU(dt->data + _PyDateTime_DATE_DATASIZE, v);
      putTZInfo(o, dt, v);
      break;
    }
    case kTime: {
      auto* t = reinterpret_cast<PyDateTime_Time*>(o);
      t->hashcode = -1;
      putHMSU(t->data, v);
      putTZInfo(o, t, v);
      break;
    }
    case kDelta: {
      auto* d = reinterpret_cast<PyDateTime_Delta*>(o);
      d->hashcode = -1;
      d->days = slotInt(v, "_days");
      d->seconds = slotInt(v, "_seconds");
      d->microseconds = slotInt(v, "_microseconds");
      break;
    }
    case kTZInfo:
    case kFamilies:
      break;
  }
}

int installDateTimeCapsule(PyObject* module) {
  if (PyObject_HasAttrString(module, "datetime_CAPI")) return 0;
  PyObject* capsule = newDateTimeCapsule(module);
  if (capsule == nullptr) return -1;
  int r = PyObject_SetAttrString(module, "datetime_CAPI", capsule);
  Py_DECREF(capsule);
  return r;
}

}  // namespace tern::cpyext
