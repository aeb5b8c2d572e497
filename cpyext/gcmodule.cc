// The collector from C (PyGC_*; CPython's Modules/gcmodule.c), through the
// gc module: PyGC_Collect is gc.collect() (nothing when automatic
// collection is disabled, as in CPython, and the pending exception kept),
// PyGC_Enable/PyGC_Disable return whether collection was enabled before.
#include "Python.h"

namespace {

// gc.<name>() as a new reference, NULL on error.
PyObject* callGc(const char* name) {
  PyObject* gc = PyImport_ImportModule("gc");
  if (gc == nullptr) return nullptr;
  PyObject* r = PyObject_CallMethod(gc, name, nullptr);
  Py_DECREF(gc);
  return r;
}

// gc.<name>()'s result as a C int (truth), -1 on error.
int callGcTruth(const char* name) {
  PyObject* r = callGc(name);
  if (r == nullptr) return -1;
  int truth = PyObject_IsTrue(r);
  Py_DECREF(r);
  return truth;
}

// The previous state after gc.<name>() (enable or disable), -1 on error.
int switchGc(const char* name) {
  int was = callGcTruth("isenabled");
  if (was < 0) return -1;
  PyObject* r = callGc(name);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return was;
}

}  // namespace

extern "C" {

int PyGC_IsEnabled(void) { return callGcTruth("isenabled"); }
int PyGC_Enable(void) { return switchGc("enable"); }
int PyGC_Disable(void) { return switchGc("disable"); }

Py_ssize_t PyGC_Collect(void) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  Py_ssize_t n = 0;
  int enabled = callGcTruth("isenabled");
  PyObject* r = enabled > 0 ? callGc("collect") : nullptr;
  if (r != nullptr) {
    n = PyLong_AsSsize_t(r);
    Py_DECREF(r);
  }
  if (PyErr_Occurred()) {
    PyErr_WriteUnraisable(nullptr);
    n = 0;
  }
  PyErr_Restore(type, value, tb);
  return n;
}

}  // extern "C"
