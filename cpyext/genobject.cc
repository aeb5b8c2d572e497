// cpyext: _PyGen_FetchStopIterationValue (CPython's Objects/genobject.c), the
// private helper `_asyncio` steps its coroutines with: it takes the value a
// generator returned out of the pending StopIteration.
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/objects/exceptions.h"

using namespace tern;
using namespace tern::cpyext;

extern "C" {

// With a StopIteration (or a subclass) pending: clears it and gives its
// `value` in *pvalue (a new reference).  With nothing pending: None.  With
// any other exception: -1, the exception left pending.
PyAPI_FUNC(int) _PyGen_FetchStopIterationValue(PyObject** pvalue) {
  Value value = None();
  if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
    PyObject *type, *exc, *traceback;
    PyErr_Fetch(&type, &exc, &traceback);
    // Fetching gives the instance (the runtime keeps no unnormalised form).
    Value stored = exc != nullptr ? static_cast<StopIterationObj*>(fromC(exc).asObject())->value.get() : Value();
    if (!stored.isNull()) value = stored;
    Py_XDECREF(type);
    Py_XDECREF(exc);
    Py_XDECREF(traceback);
  } else if (PyErr_Occurred()) {
    return -1;
  }
  *pvalue = toNew(value);
  return 0;
}

}  // extern "C"
