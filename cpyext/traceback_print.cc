// PyTraceBack_Print (CPython's Python/traceback.c): the header line, then
// the last sys.tracebacklimit entries (1,000 by default; nothing for a limit
// of 0 or less), as the traceback module formats them.
#include <climits>

#include "Python.h"

namespace {

constexpr long kDefaultLimit = 1000;  // CPython's PyTraceBack_LIMIT

// sys.tracebacklimit when it is an int (LONG_MAX above a long), else the
// default.
long tracebackLimit() {
  PyObject* limit = PySys_GetObject("tracebacklimit");
  if (limit == nullptr || !PyLong_Check(limit)) return kDefaultLimit;
  int overflow = 0;
  long n = PyLong_AsLongAndOverflow(limit, &overflow);
  if (overflow > 0) return LONG_MAX;
  if (overflow < 0) return 0;
  return n;
}

}  // namespace

extern "C" {

int PyTraceBack_Print(PyObject* tb, PyObject* f) {
  if (tb == nullptr) return 0;
  if (!PyTraceBack_Check(tb)) {
    PyErr_BadInternalCall();
    return -1;
  }
  long limit = tracebackLimit();
  if (limit <= 0) return 0;
  if (PyFile_WriteString("Traceback (most recent call last):\n", f) < 0) return -1;
  PyObject* traceback = PyImport_ImportModule("traceback");
  if (traceback == nullptr) return -1;
  // print_tb's negative limit keeps the last entries, as CPython's printer.
  PyObject* r = PyObject_CallMethod(traceback, "print_tb", "OlO", tb, -limit, f);
  Py_DECREF(traceback);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

}  // extern "C"
