// cpyext: the complex API (CPython's Objects/complexobject.c surface) and
// complex proxies (a PyComplexObject: the Py_complex at offset 16, which
// Cython reads directly).
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

}  // extern "C"
