// object.h's functions that are not about one type (CPython's
// Objects/object.c): the recursion guard of C containers' reprs, and the
// function forms of Py_XINCREF/Py_XDECREF.
//
// Py_ReprEnter keeps the objects whose repr is running in a list under
// "Py_Repr" in the thread's state dict, as CPython does; the runtime's own
// containers guard their reprs separately, so a C container inside a list
// inside that C container shows as "..." at the C container's level.
// _Py_IncRef/_Py_DecRef accept NULL (CPython's crash on it).
#include "Python.h"

namespace {

// The thread's list of objects whose repr is running, made on first use when
// `make`; NULL without an exception when there is none (or no thread state).
PyObject* reprList(bool make) {
  PyObject* dict = PyThreadState_GetDict();
  if (dict == nullptr) return nullptr;
  PyObject* list = PyDict_GetItemString(dict, "Py_Repr");
  if (list != nullptr || !make) return list;
  list = PyList_New(0);
  if (list == nullptr) return nullptr;
  int r = PyDict_SetItemString(dict, "Py_Repr", list);
  Py_DECREF(list);  // the dict holds it
  return r < 0 ? nullptr : list;
}

// The index of `obj` (by identity) in `list`, searching from the end, or -1.
Py_ssize_t lastIndexOf(PyObject* list, PyObject* obj) {
  for (Py_ssize_t i = PyList_GET_SIZE(list) - 1; i >= 0; --i) {
    if (PyList_GET_ITEM(list, i) == obj) return i;
  }
  return -1;
}

}  // namespace

extern "C" {

// 1 when obj's repr is already running on this thread (print "..."), 0 after
// marking it as running, -1 on error.
int Py_ReprEnter(PyObject* obj) {
  PyObject* list = reprList(true);
  if (list == nullptr) return PyErr_Occurred() ? -1 : 0;
  if (lastIndexOf(list, obj) >= 0) return 1;
  return PyList_Append(list, obj) < 0 ? -1 : 0;
}

// Unmarks obj; keeps the pending exception, reports nothing.
void Py_ReprLeave(PyObject* obj) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyObject* list = reprList(false);
  if (list != nullptr && PyList_Check(list)) {
    Py_ssize_t i = lastIndexOf(list, obj);
    if (i >= 0) PyList_SetSlice(list, i, i + 1, nullptr);
  }
  PyErr_Restore(type, value, tb);
}

void _Py_IncRef(PyObject* o) { Py_XINCREF(o); }
void _Py_DecRef(PyObject* o) { Py_XDECREF(o); }

}  // extern "C"
