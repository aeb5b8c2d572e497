// Context variables from C (PyContextVar_*), over the runtime's contextvars
// module: a ContextVar made in C is the same object Python code sees.
#include "Python.h"
#include "cpyext/proxy.h"

extern "C" {

PyObject* PyContextVar_New(const char* name, PyObject* def) {
  PyObject* module = PyImport_ImportModule("contextvars");
  if (module == nullptr) return nullptr;
  PyObject* cls = PyObject_GetAttrString(module, "ContextVar");
  Py_DECREF(module);
  if (cls == nullptr) return nullptr;
  PyObject* args = Py_BuildValue("(s)", name);
  PyObject* kwargs = def == nullptr ? nullptr : Py_BuildValue("{sO}", "default", def);
  PyObject* r = args == nullptr || (def != nullptr && kwargs == nullptr) ? nullptr : PyObject_Call(cls, args, kwargs);
  Py_XDECREF(args);
  Py_XDECREF(kwargs);
  Py_DECREF(cls);
  return r;
}

// 0 with *value set (a new reference, or NULL when the variable has no value
// and no default); -1 on error.
int PyContextVar_Get(PyObject* var, PyObject* default_value, PyObject** value) {
  *value = nullptr;
  PyObject* get = PyObject_GetAttrString(var, "get");
  if (get == nullptr) return -1;
  PyObject* r = default_value == nullptr ? PyObject_CallNoArgs(get) : PyObject_CallOneArg(get, default_value);
  Py_DECREF(get);
  if (r == nullptr) {
    if (!PyErr_ExceptionMatches(PyExc_LookupError)) return -1;
    PyErr_Clear();
    return 0;
  }
  *value = r;
  return 0;
}

PyObject* PyContextVar_Set(PyObject* var, PyObject* value) { return PyObject_CallMethod(var, "set", "O", value); }

}  // extern "C"
