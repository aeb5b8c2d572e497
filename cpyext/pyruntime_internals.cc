// The internal CPython functions that the modules reading _PyRuntime call
// (pyruntime.h): what CPython's inline helpers compiled into `_ctypes` and
// `_lsprof` reach out to; each takes the thread state those modules read
// from tstate_current.
#include "Python.h"

extern "C" {

// --- profiling -------------------------------------------------------------------

// Profiles the calling thread (the only one `tstate` may name: _lsprof
// passes its own) with the C function `func`, or stops with NULL: what
// PyEval_SetProfile does (ceval_trace.cc), with its error reported.
// Precondition, as for any C-API call: no exception pending.
PyAPI_FUNC(int) _PyEval_SetProfile(PyThreadState*, Py_tracefunc func, PyObject* arg) {
  PyEval_SetProfile(func, arg);
  return PyErr_Occurred() != nullptr ? -1 : 0;
}

// --- calls ---------------------------------------------------------------------

// The slow path of CPython's inline vectorcall: `keywords` is a tuple of
// names (their values follow the positional arguments) or a dict.
PyAPI_FUNC(PyObject*) _PyObject_MakeTpCall(PyThreadState*, PyObject* callable, PyObject* const* args,
                                           Py_ssize_t nargs, PyObject* keywords) {
  if (keywords != nullptr && PyDict_Check(keywords)) {
    return PyObject_VectorcallDict(callable, args, static_cast<size_t>(nargs), keywords);
  }
  return PyObject_Vectorcall(callable, args, static_cast<size_t>(nargs), keywords);
}

// A call's result checked against the error indicator: NULL needs an
// exception, a result must come without one (CPython's SystemErrors).
PyAPI_FUNC(PyObject*) _Py_CheckFunctionResult(PyThreadState*, PyObject* callable, PyObject* result,
                                              const char* where) {
  bool pending = PyErr_Occurred() != nullptr;
  if (result == nullptr) {
    if (pending) return nullptr;
    if (callable != nullptr) {
      PyErr_Format(PyExc_SystemError, "%R returned NULL without setting an exception", callable);
    } else {
      PyErr_Format(PyExc_SystemError, "%s returned NULL without setting an exception", where);
    }
    return nullptr;
  }
  if (!pending) return result;
  Py_DECREF(result);
  if (callable != nullptr) {
    _PyErr_FormatFromCause(PyExc_SystemError, "%R returned a result with an exception set", callable);
  } else {
    _PyErr_FormatFromCause(PyExc_SystemError, "%s returned a result with an exception set", where);
  }
  return nullptr;
}

// Py_EnterRecursiveCall's slow path: the C nesting count of `tstate`
// (recursion_remaining, which the caller already decremented) ran out.
// RecursionError, with headroom for handling it; past that much more, fatal.
PyAPI_FUNC(int) _Py_CheckRecursiveCall(PyThreadState* tstate, const char* where) {
  if (tstate->recursion_headroom) {
    if (tstate->recursion_remaining < -50) Py_FatalError("Cannot recover from stack overflow.");
    return 0;
  }
  if (tstate->recursion_remaining > 0) return 0;
  ++tstate->recursion_headroom;
  PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
  --tstate->recursion_headroom;
  ++tstate->recursion_remaining;
  return -1;
}

// --- dicts ----------------------------------------------------------------------

// dict.__sizeof__ of mp (ctypes adds its own fields to it); -1 on error.
PyAPI_FUNC(Py_ssize_t) _PyDict_SizeOf(PyDictObject* mp) {
  PyObject* size = PyObject_CallMethod(reinterpret_cast<PyObject*>(&PyDict_Type), "__sizeof__", "O", mp);
  if (size == nullptr) return -1;
  Py_ssize_t n = PyLong_AsSsize_t(size);
  Py_DECREF(size);
  return n;
}

}  // extern "C"
