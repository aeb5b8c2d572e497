// cpyext: _PyErr_ChainExceptions (CPython's Python/errors.c), the private
// helper C modules use to raise a new exception "during handling of" one
// they fetched earlier: with an exception pending, the fetched one (type,
// value, traceback; stolen references) becomes the pending one's
// __context__; with none pending, it is simply restored.  A NULL type means
// nothing was fetched and does nothing.
#include "Python.h"

extern "C" {

void _PyErr_ChainExceptions(PyObject* type, PyObject* value, PyObject* traceback) {
  if (type == nullptr) return;
  if (!PyErr_Occurred()) {
    PyErr_Restore(type, value, traceback);
    return;
  }
  PyObject *now_type, *now_value, *now_tb;
  PyErr_Fetch(&now_type, &now_value, &now_tb);
  // Restoring and fetching again normalises the earlier exception into an
  // instance carrying its traceback, whatever form C kept it in.
  PyErr_Restore(type, value, traceback);
  PyObject *old_type, *old_value, *old_tb;
  PyErr_Fetch(&old_type, &old_value, &old_tb);
  Py_XDECREF(old_type);
  Py_XDECREF(old_tb);
  if (old_value != nullptr) {
    if (now_value != nullptr && now_value != old_value) {
      PyException_SetContext(now_value, old_value);  // steals old_value
    } else {
      Py_DECREF(old_value);
    }
  }
  PyErr_Restore(now_type, now_value, now_tb);
}

}  // extern "C"
