// slice across the boundary: plain proxies laid out as PySliceObject whose
// start, stop and step (read directly by some C code) are filled once with
// references the proxy owns (a slice never changes); and the PySlice_* API
// over the runtime's slice arithmetic (runtime/objects/slice.h).
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/slice.h"

namespace tern::cpyext {

void refreshSlice(PyObject* o, Value v) {
  auto* s = reinterpret_cast<PySliceObject*>(o);
  if (s->start != nullptr) return;
  SliceObj* slice = asSlice(v);
  // Each field holds a reference the proxy gives back when it is freed.
  PyObject* fields[3] = {toNew(slice->start.get()), toNew(slice->stop.get()), toNew(slice->step.get())};
  for (PyObject* f : fields) keepAlive(o, f);
  s->start = fields[0];
  s->stop = fields[1];
  s->step = fields[2];
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

namespace {

bool isCSlice(PyObject* o) { return o != nullptr && PySlice_Check(o); }

// One bound of PySlice_GetIndices: None gives `absent`; an int is taken as is
// (negative counts from the end); anything else fails without an exception.
bool oldStyleBound(PyObject* bound, Py_ssize_t absent, Py_ssize_t length, bool from_end, Py_ssize_t* out) {
  if (bound == Py_None) {
    *out = absent;
    return true;
  }
  if (!PyLong_Check(bound)) return false;
  *out = PyLong_AsSsize_t(bound);
  if (*out == -1 && PyErr_Occurred()) return false;
  if (from_end && *out < 0) *out += length;
  return true;
}

}  // namespace

extern "C" {

PyObject* PySlice_New(PyObject* start, PyObject* stop, PyObject* step) {
  return returnNew(newSlice(fromCOrNull(start), fromCOrNull(stop), fromCOrNull(step)));
}

PyObject* _PySlice_FromIndices(Py_ssize_t start, Py_ssize_t stop) {
  return returnNew(newSlice(newInt(start), newInt(stop), None()));
}

int PySlice_Unpack(PyObject* slice, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t* step) {
  if (!isCSlice(slice)) return badInternalCall("PySlice_Unpack"), -1;
  int64_t a, b, c;
  if (!sliceUnpack(fromC(slice), &a, &b, &c)) return -1;
  *start = a;
  *stop = b;
  *step = c;
  return 0;
}

Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t step) {
  int64_t a = *start, b = *stop;
  int64_t n = sliceAdjustIndices(length, &a, &b, step);
  *start = a;
  *stop = b;
  return n;
}

// The exported function behind the PySlice_GetIndicesEx macro, for binaries
// built against headers that call it.
#undef PySlice_GetIndicesEx
int PySlice_GetIndicesEx(PyObject* slice, Py_ssize_t length, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t* step,
                         Py_ssize_t* slicelength) {
  if (PySlice_Unpack(slice, start, stop, step) < 0) {
    *slicelength = 0;
    return -1;
  }
  *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
  return 0;
}

int PySlice_GetIndices(PyObject* slice, Py_ssize_t length, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t* step) {
  if (!isCSlice(slice)) return badInternalCall("PySlice_GetIndices"), -1;
  auto* s = reinterpret_cast<PySliceObject*>(slice);
  // The pre-3.x rules: ints only, no clipping, -1 (often without an
  // exception) for what does not fit.
  if (!oldStyleBound(s->step, 1, length, false, step)) return -1;
  if (!oldStyleBound(s->start, *step < 0 ? length - 1 : 0, length, true, start)) return -1;
  if (!oldStyleBound(s->stop, *step < 0 ? -1 : length, length, true, stop)) return -1;
  if (*stop > length || *start >= length || *step == 0) return -1;
  return 0;
}

int _PySlice_GetLongIndices(PySliceObject* self, PyObject* length, PyObject** start, PyObject** stop, PyObject** step) {
  Value a, b, c;
  if (!sliceIndicesLong(fromC(reinterpret_cast<PyObject*>(self)), fromC(length), &a, &b, &c)) return -1;
  *start = toNew(a);
  *stop = toNew(b);
  *step = toNew(c);
  return 0;
}

}  // extern "C"
