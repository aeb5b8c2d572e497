// tuple across the boundary: PyTupleObject proxies whose ob_item holds owned
// references to the items' proxies (PyTuple_GET_ITEM is a macro), and the
// PyTuple_* API.
//
// A tuple made by PyTuple_New is C's while C fills it (kFilling, no runtime
// tuple yet): PyTuple_SET_ITEM writes ob_item directly.  The runtime tuple is
// made from ob_item when the proxy first crosses into the runtime; from then
// on it is immutable on both sides, as CPython requires of shared tuples.
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"

namespace tern::cpyext {

namespace {

PyTupleObject* asCTuple(PyObject* o) { return reinterpret_cast<PyTupleObject*>(o); }

PyObject* allocTuple(Py_ssize_t n, PyTypeObject* type) {
  // ob_item is declared with one element: n items need n - 1 more words.
  size_t bytes = sizeof(PyTupleObject) + (n > 0 ? n - 1 : 0) * sizeof(PyObject*);
  PyObject* o = allocProxy(ProxyKind::kTuple, bytes, type);
  Py_SET_SIZE(reinterpret_cast<PyVarObject*>(o), n);
  return o;
}

bool isCTuple(PyObject* o) { return o != nullptr && PyTuple_Check(o); }

}  // namespace

PyObject* newTupleProxy(Value v) {
  int64_t n = tupleLength(v);
  PyObject* o = allocTuple(n, typeProxy(typeOf(v)));
  linkProxy(o, v);
  for (int64_t i = 0; i < n; ++i) asCTuple(o)->ob_item[i] = toNew(tupleItem(v, i));
  return o;
}

Value realiseTuple(PyObject* o) {
  ProxyPrefix* prefix = prefixOf(o);
  if (!(prefix->flags & proxy_flags::kFilling)) return prefix->link.target;
  Py_ssize_t n = Py_SIZE(o);
  // A struct sequence C filled (PyStructSequence_New) becomes one of its type.
  Value t = Py_TYPE(o) == &PyTuple_Type ? newTuple(n) : newStructSeq(runtimeTypeOfC(Py_TYPE(o)));
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = asCTuple(o)->ob_item[i];
    if (item == nullptr) {
      // CPython would crash later; an unfilled slot reads as None here.
      asCTuple(o)->ob_item[i] = item = Py_NewRef(Py_None);
    }
    tupleInit(t, i, fromC(item));
  }
  prefix->flags &= ~proxy_flags::kFilling;
  linkProxy(o, t);
  return t;
}

Value handOverTuple(PyObject* o) {
  Py_ssize_t n = Py_SIZE(o);
  Value t = Py_TYPE(o) == &PyTuple_Type ? newTuple(n) : newStructSeq(runtimeTypeOfC(Py_TYPE(o)));
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = asCTuple(o)->ob_item[i];
    asCTuple(o)->ob_item[i] = nullptr;
    Value v = item == nullptr ? None() : takeNew(item);  // an unfilled slot reads as None, as in realiseTuple
    if (v.isNull()) return Value();
    tupleInit(t, i, v);
  }
  return t;
}

PyObject* newFillingTuple(Py_ssize_t n, PyTypeObject* type) {
  PyObject* o = allocTuple(n, type);
  prefixOf(o)->flags |= proxy_flags::kFilling;
  return o;
}

PyObject* tupleOfArgs(const Value* args, size_t n) {
  if (n == 0) return toNew(newTuple(0));
  PyObject* o = allocTuple(static_cast<Py_ssize_t>(n), &PyTuple_Type);
  prefixOf(o)->flags |= proxy_flags::kFilling;
  for (size_t i = 0; i < n; ++i) asCTuple(o)->ob_item[i] = toNew(args[i]);
  return o;
}

void releaseTupleContents(PyObject* o) {
  for (Py_ssize_t i = 0; i < Py_SIZE(o); ++i) Py_XDECREF(asCTuple(o)->ob_item[i]);
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyTuple_New(Py_ssize_t n) {
  if (n < 0) return badInternalCall("PyTuple_New");
  if (n == 0) return toNew(newTuple(0));
  PyObject* o = allocTuple(n, &PyTuple_Type);
  prefixOf(o)->flags |= proxy_flags::kFilling;
  return o;
}

Py_ssize_t PyTuple_Size(PyObject* o) {
  if (!isCTuple(o)) return badInternalCall("PyTuple_Size"), -1;
  return Py_SIZE(o);
}

PyObject* PyTuple_GetItem(PyObject* o, Py_ssize_t i) {
  if (!isCTuple(o)) return badInternalCall("PyTuple_GetItem");
  if (i < 0 || i >= Py_SIZE(o)) {
    raise(exc::IndexError, "tuple index out of range");
    return nullptr;
  }
  return asCTuple(o)->ob_item[i];
}

int PyTuple_SetItem(PyObject* o, Py_ssize_t i, PyObject* item) {
  if (!isCTuple(o) || !(prefixOf(o)->flags & proxy_flags::kFilling)) {
    Py_XDECREF(item);
    badInternalCall("PyTuple_SetItem");
    return -1;
  }
  if (i < 0 || i >= Py_SIZE(o)) {
    Py_XDECREF(item);
    raise(exc::IndexError, "tuple assignment index out of range");
    return -1;
  }
  PyObject* old = asCTuple(o)->ob_item[i];
  asCTuple(o)->ob_item[i] = item;
  Py_XDECREF(old);
  return 0;
}

PyObject* PyTuple_GetSlice(PyObject* o, Py_ssize_t lo, Py_ssize_t hi) {
  if (!isCTuple(o)) return badInternalCall("PyTuple_GetSlice");
  Py_ssize_t n = Py_SIZE(o);
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (hi < lo) hi = lo;
  if (lo == 0 && hi == n && PyTuple_CheckExact(o)) return Py_NewRef(o);
  PyObject* r = PyTuple_New(hi - lo);
  for (Py_ssize_t i = lo; i < hi; ++i) PyTuple_SET_ITEM(r, i - lo, Py_NewRef(asCTuple(o)->ob_item[i]));
  return r;
}

PyObject* PyTuple_Pack(Py_ssize_t n, ...) {
  va_list ap;
  va_start(ap, n);
  PyObject* r = PyTuple_New(n);
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = va_arg(ap, PyObject*);
    if (r != nullptr) PyTuple_SET_ITEM(r, i, Py_NewRef(item));
  }
  va_end(ap);
  return r;
}

int _PyTuple_Resize(PyObject** p, Py_ssize_t n) {
  PyObject* o = *p;
  if (!isCTuple(o) || n < 0 || (Py_SIZE(o) != 0 && !(prefixOf(o)->flags & proxy_flags::kFilling))) {
    *p = nullptr;
    Py_XDECREF(o);
    badInternalCall("_PyTuple_Resize");
    return -1;
  }
  PyObject* r = PyTuple_New(n);
  Py_ssize_t keep = Py_SIZE(o) < n ? Py_SIZE(o) : n;
  for (Py_ssize_t i = 0; i < keep; ++i) {
    PyTuple_SET_ITEM(r, i, asCTuple(o)->ob_item[i]);
    asCTuple(o)->ob_item[i] = nullptr;
  }
  Py_DECREF(o);
  *p = r;
  return 0;
}

}  // extern "C"
