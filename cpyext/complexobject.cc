// cpyext: the complex API (CPython's Objects/complexobject.c surface) and
// complex proxies (a PyComplexObject: the Py_complex at offset 16, which
// Cython reads directly).
#include <cerrno>
#include <cmath>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/str.h"

namespace tern::cpyext {

void refreshComplex(PyObject* o, Value v) {
  auto* c = reinterpret_cast<PyComplexObject*>(o);
  c->cval.real = asComplex(v)->real;
  c->cval.imag = asComplex(v)->imag;
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyComplex_FromDoubles(double real, double imag) { return returnNew(newComplex(real, imag)); }

PyObject* PyComplex_FromCComplex(Py_complex c) { return returnNew(newComplex(c.real, c.imag)); }

double PyComplex_RealAsDouble(PyObject* op) {
  if (op == nullptr) return PyFloat_AsDouble(op);
  Value v = fromC(op);
  if (v.isNull()) return -1.0;
  if (isComplex(v)) return asComplex(v)->real;
  return PyFloat_AsDouble(op);
}

double PyComplex_ImagAsDouble(PyObject* op) {
  if (op == nullptr) return 0.0;
  Value v = fromC(op);
  if (!v.isNull() && isComplex(v)) return asComplex(v)->imag;
  return 0.0;
}

Py_complex PyComplex_AsCComplex(PyObject* op) {
  Py_complex r = {-1.0, 0.0};
  if (op == nullptr) {
    badInternalCall("PyComplex_AsCComplex");
    return r;
  }
  Value v = fromC(op);
  if (v.isNull()) return r;
  if (isComplex(v)) return Py_complex{asComplex(v)->real, asComplex(v)->imag};
  // __complex__ first, then the float conversion.
  Value method = lookupSpecial(typeOf(v), internStr("__complex__"));
  if (!method.isNull()) {
    Value c = call1(method, v);
    if (c.isNull()) return r;
    if (!isComplex(c)) {
      raisef(exc::TypeError, "__complex__ returned non-complex (type %s)", typeNameOf(c).c_str());
      return r;
    }
    return Py_complex{asComplex(c)->real, asComplex(c)->imag};
  }
  if (errorPending()) return r;
  r.real = PyFloat_AsDouble(op);
  r.imag = 0.0;
  return r;
}

// ---------------------------------------------------------------------------
// Complex arithmetic on Py_complex values (errors through errno, as in
// CPython: EDOM for division by zero and 0 to a negative or complex power,
// ERANGE for overflow in _Py_c_abs).

Py_complex _Py_c_sum(Py_complex a, Py_complex b) { return Py_complex{a.real + b.real, a.imag + b.imag}; }
Py_complex _Py_c_diff(Py_complex a, Py_complex b) { return Py_complex{a.real - b.real, a.imag - b.imag}; }
Py_complex _Py_c_neg(Py_complex a) { return Py_complex{-a.real, -a.imag}; }
Py_complex _Py_c_prod(Py_complex a, Py_complex b) {
  return Py_complex{a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// Smith's method: divide by the larger part of b to avoid overflow.
Py_complex _Py_c_quot(Py_complex a, Py_complex b) {
  double abs_real = std::fabs(b.real);
  double abs_imag = std::fabs(b.imag);
  Py_complex r;
  if (abs_real >= abs_imag) {
    if (abs_real == 0.0) {
      errno = EDOM;
      return Py_complex{0.0, 0.0};
    }
    double ratio = b.imag / b.real;
    double denom = b.real + b.imag * ratio;
    r.real = (a.real + a.imag * ratio) / denom;
    r.imag = (a.imag - a.real * ratio) / denom;
  } else if (abs_imag >= abs_real) {
    double ratio = b.real / b.imag;
    double denom = b.real * ratio + b.imag;
    r.real = (a.real * ratio + a.imag) / denom;
    r.imag = (a.imag * ratio - a.real) / denom;
  } else {
    r.real = r.imag = std::nan("");  // a NaN part in b
  }
  return r;
}

Py_complex _Py_c_pow(Py_complex a, Py_complex b) {
  if (b.real == 0.0 && b.imag == 0.0) return Py_complex{1.0, 0.0};
  if (a.real == 0.0 && a.imag == 0.0) {
    if (b.imag != 0.0 || b.real < 0.0) errno = EDOM;
    return Py_complex{0.0, 0.0};
  }
  double vabs = std::hypot(a.real, a.imag);
  double len = std::pow(vabs, b.real);
  double at = std::atan2(a.imag, a.real);
  double phase = at * b.real;
  if (b.imag != 0.0) {
    len /= std::exp(at * b.imag);
    phase += b.imag * std::log(vabs);
  }
  return Py_complex{len * std::cos(phase), len * std::sin(phase)};
}

double _Py_c_abs(Py_complex z) {
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    // An infinite part wins over a NaN one.
    errno = 0;
    if (std::isinf(z.real)) return std::fabs(z.real);
    if (std::isinf(z.imag)) return std::fabs(z.imag);
    return std::nan("");
  }
  double r = std::hypot(z.real, z.imag);
  errno = std::isfinite(r) ? 0 : ERANGE;
  return r;
}

}  // extern "C"
