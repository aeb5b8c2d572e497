// C trace and profile functions (PyEval_SetTrace, PyEval_SetProfile): the
// runtime's tracing (runtime/interp/tracing.h) gives a C function every event
// of every frame of the calling thread, as CPython 3.11 gives its
// c_tracefunc / c_profilefunc; sys.gettrace() / getprofile() return the
// object the function was set with.
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/pystate.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/tracing.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

// One event for the Py_tracefunc `fn`; its frame, object and argument are
// lent for the call, as CPython lends them.
bool callTraceFunction(void* fn, Value obj, Value frame, int what, Value arg) {
  CCallScope scope;
  PyObject* o = obj.isNull() ? nullptr : toNew(obj);
  PyObject* f = toNew(frame);
  PyObject* a = toNew(arg);
  int r = reinterpret_cast<Py_tracefunc>(fn)(o, reinterpret_cast<PyFrameObject*>(f), what, a);
  Py_XDECREF(o);
  Py_DECREF(f);
  Py_DECREF(a);
  if (r == 0) return true;
  if (!scope.errorPending()) raise(exc::SystemError, "trace function failed without setting an exception");
  return false;
}

interp::CTraceHook hookFor(Py_tracefunc func) {
  if (func == nullptr) return {};
  return {.call = callTraceFunction, .fn = reinterpret_cast<void*>(func)};
}

}  // namespace

extern "C" {

void PyEval_SetTrace(Py_tracefunc func, PyObject* obj) {
  if (PySys_Audit("sys.settrace", nullptr) < 0) return;
  interp::setCTraceFunction(hookFor(func), fromCOrNull(obj));
}

void PyEval_SetProfile(Py_tracefunc func, PyObject* obj) {
  if (PySys_Audit("sys.setprofile", nullptr) < 0) return;
  interp::setCProfileFunction(hookFor(func), fromCOrNull(obj));
}

}  // extern "C"
