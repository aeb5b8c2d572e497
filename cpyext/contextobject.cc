// Contexts and context variables from C (PyContext_*, PyContextVar_*;
// CPython's Python/context.c), over the runtime's _contextvars module
// (runtime/modules/_contextvars.h): a Context or ContextVar made in C is the
// same object Python code sees, and PyContext_Enter/Exit switch the same
// current context Context.run() does.  Every function checks its argument's
// exact type first, with CPython's TypeError.
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_contextvars.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

bool checkContext(PyObject* o) {
  if (o != nullptr && isContextObject(fromC(o))) return true;
  PyErr_SetString(PyExc_TypeError, "an instance of Context was expected");
  return false;
}

bool checkContextVar(PyObject* o) {
  if (o != nullptr && isContextVarObject(fromC(o))) return true;
  PyErr_SetString(PyExc_TypeError, "an instance of ContextVar was expected");
  return false;
}

bool checkToken(PyObject* o) {
  if (o != nullptr && isContextTokenObject(fromC(o))) return true;
  PyErr_SetString(PyExc_TypeError, "an instance of Token was expected");
  return false;
}

}  // namespace

extern "C" {

PyObject* PyContext_New(void) { return returnNew(newContextObject()); }

PyObject* PyContext_Copy(PyObject* ctx) {
  if (!checkContext(ctx)) return nullptr;
  return returnNew(copyContextObject(fromC(ctx)));
}

PyObject* PyContext_CopyCurrent(void) { return returnNew(copyCurrentContext()); }

int PyContext_Enter(PyObject* ctx) {
  if (!checkContext(ctx)) return -1;
  return enterContext(fromC(ctx)) ? 0 : -1;
}

int PyContext_Exit(PyObject* ctx) {
  if (!checkContext(ctx)) return -1;
  return exitContext(fromC(ctx)) ? 0 : -1;
}

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
  if (!checkContextVar(var)) return -1;
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

PyObject* PyContextVar_Set(PyObject* var, PyObject* value) {
  if (!checkContextVar(var)) return nullptr;
  return PyObject_CallMethod(var, "set", "O", value);
}

int PyContextVar_Reset(PyObject* var, PyObject* token) {
  if (!checkContextVar(var) || !checkToken(token)) return -1;
  PyObject* r = PyObject_CallMethod(var, "reset", "O", token);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

}  // extern "C"
