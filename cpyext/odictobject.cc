// collections.OrderedDict from C (PyODict_*; CPython's Objects/odictobject.c).
// Tern's OrderedDict is the pure-Python one of collections/__init__.py, a
// dict subclass, so the reading macros (PyODict_GetItem & co., the dict
// functions) work on it as they are.  PyODict_SetItem and PyODict_DelItem
// call OrderedDict's own __setitem__/__delitem__, never a subclass's, as
// CPython's functions bypass overrides.
#include "Python.h"

namespace {

PyObject* orderedDictType() {
  PyObject* module = PyImport_ImportModule("collections");
  if (module == nullptr) return nullptr;
  PyObject* type = PyObject_GetAttrString(module, "OrderedDict");
  Py_DECREF(module);
  return type;
}

// OrderedDict.<method>(od, args...) with od checked to be an OrderedDict
// (SystemError naming `api` otherwise).
int callOwnMethod(const char* api, const char* method, PyObject* od, PyObject* key, PyObject* value) {
  PyObject* type = orderedDictType();
  if (type == nullptr) return -1;
  int is_odict = od == nullptr || key == nullptr ? 0 : PyObject_IsInstance(od, type);
  if (is_odict <= 0) {
    Py_DECREF(type);
    if (is_odict == 0) PyErr_Format(PyExc_SystemError, "%s: bad argument to internal function", api);
    return -1;
  }
  PyObject* fn = PyObject_GetAttrString(type, method);
  Py_DECREF(type);
  if (fn == nullptr) return -1;
  PyObject* r = value == nullptr ? PyObject_CallFunctionObjArgs(fn, od, key, nullptr)
                                 : PyObject_CallFunctionObjArgs(fn, od, key, value, nullptr);
  Py_DECREF(fn);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

}  // namespace

extern "C" {

PyObject* PyODict_New(void) {
  PyObject* type = orderedDictType();
  if (type == nullptr) return nullptr;
  PyObject* od = PyObject_CallNoArgs(type);
  Py_DECREF(type);
  return od;
}

int PyODict_SetItem(PyObject* od, PyObject* key, PyObject* value) {
  if (value == nullptr) {
    PyErr_BadInternalCall();
    return -1;
  }
  return callOwnMethod("PyODict_SetItem", "__setitem__", od, key, value);
}

int PyODict_DelItem(PyObject* od, PyObject* key) {
  return callOwnMethod("PyODict_DelItem", "__delitem__", od, key, nullptr);
}

}  // extern "C"
