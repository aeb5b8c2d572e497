// cpyext: the float API (CPython's Objects/floatobject.c surface) and float
// proxies (a PyFloatObject: the double at offset 16, read inline by
// PyFloat_AS_DOUBLE).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/float.h"
#include "runtime/objects/str.h"

namespace tern::cpyext {

PyObject* newFloatProxy(Value v) {
  PyTypeObject* type = typeProxy(typeOf(v));
  size_t bytes = sizeof(PyFloatObject);
  // An instance of a C type deriving from float with fields of its own.
  if (typeOf(v) != types::float_type) {
    if (PyTypeObject* c_type = cTypeOf(v)) bytes = std::max(bytes, static_cast<size_t>(c_type->tp_basicsize));
  }
  PyObject* p = allocProxy(ProxyKind::kFloat, bytes, type);
  reinterpret_cast<PyFloatObject*>(p)->ob_fval = floatValue(v);
  linkProxy(p, v);
  return p;
}

Value floatOfFilled(PyObject* o) { return newFloat(reinterpret_cast<PyFloatObject*>(o)->ob_fval); }

namespace {

void storeOrdered(const void* src, char* p, size_t n, int le) {
  const auto* s = static_cast<const unsigned char*>(src);  // native order: little-endian on x86-64
  for (size_t i = 0; i < n; ++i) p[i] = static_cast<char>(le ? s[i] : s[n - 1 - i]);
}

void loadOrdered(void* dst, const char* p, size_t n, int le) {
  auto* d = static_cast<unsigned char*>(dst);
  for (size_t i = 0; i < n; ++i) d[i] = static_cast<unsigned char>(le ? p[i] : p[n - 1 - i]);
}

}  // namespace

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

// A float C makes is a proxy only (kFilling) until it crosses over, so one
// handed back as a result is never linked (takeNew).
PyObject* PyFloat_FromDouble(double d) {
  PyObject* p = allocProxy(ProxyKind::kFloat, sizeof(PyFloatObject), &PyFloat_Type);
  reinterpret_cast<PyFloatObject*>(p)->ob_fval = d;
  prefixOf(p)->flags |= proxy_flags::kFilling;
  return p;
}

double PyFloat_AsDouble(PyObject* o) {
  if (o == nullptr) {
    raise(exc::TypeError, "bad argument type for built-in operation");
    return -1.0;
  }
  if (inArena(o) && prefixOf(o)->kind == ProxyKind::kFloat) return reinterpret_cast<PyFloatObject*>(o)->ob_fval;
  Value v = fromC(o);
  if (v.isNull()) return -1.0;
  if (!v.isSmallInt() && typeOf(v) == types::float_type) return floatValue(v);
  double d;
  if (!asDouble(v, &d)) return -1.0;
  return d;
}

PyObject* PyFloat_FromString(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyFloat_FromString");
  Value v = fromC(o);
  if (v.isNull()) return nullptr;
  if (!isStr(v) && !isBytes(v) && !isByteArray(v)) {
    std::string_view view;
    if (!bytesLikeView(v, &view)) {
      raisef(exc::TypeError, "float() argument must be a string or a real number, not '%s'", typeNameOf(v).c_str());
      return nullptr;
    }
  }
  return returnNew(toFloat(v));
}

double PyFloat_GetMax(void) { return std::numeric_limits<double>::max(); }
double PyFloat_GetMin(void) { return std::numeric_limits<double>::min(); }

PyObject* PyFloat_GetInfo(void) {
  Value sys = importModule(internStr("sys"));
  if (sys.isNull()) return nullptr;
  return returnNew(getAttr(sys, internStr("float_info")));
}

int PyFloat_Pack2(double x, char* p, int le) {
  uint16_t h;
  if (!floatToHalf(x, &h)) {
    raise(exc::OverflowError, "float too large to pack with e format");
    return -1;
  }
  storeOrdered(&h, p, 2, le);
  return 0;
}

int PyFloat_Pack4(double x, char* p, int le) {
  float y = static_cast<float>(x);
  if (std::isinf(y) && !std::isinf(x)) {
    raise(exc::OverflowError, "float too large to pack with f format");
    return -1;
  }
  storeOrdered(&y, p, 4, le);
  return 0;
}

int PyFloat_Pack8(double x, char* p, int le) {
  storeOrdered(&x, p, 8, le);
  return 0;
}

double PyFloat_Unpack2(const char* p, int le) {
  uint16_t h;
  loadOrdered(&h, p, 2, le);
  return floatFromHalf(h);
}

double PyFloat_Unpack4(const char* p, int le) {
  float y;
  loadOrdered(&y, p, 4, le);
  return y;
}

double PyFloat_Unpack8(const char* p, int le) {
  double x;
  loadOrdered(&x, p, 8, le);
  return x;
}

}  // extern "C"
