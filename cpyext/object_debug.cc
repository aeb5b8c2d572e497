// cpyext: CPython's debugging aids for objects, _PyObject_Dump and the
// _PyObject_ASSERT macros' _PyObject_AssertFailed (object.h), with
// CPython 3.11's output.
#include <cstdio>

#include "Python.h"

extern "C" {

// What is known of `op` on stderr: address, reference count, type and repr
// (an exception pending is kept).
void _PyObject_Dump(PyObject* op) {
  if (op == nullptr) {
    std::fprintf(stderr, "<object at NULL>\n");
    return;
  }
  std::fprintf(stderr, "object address  : %p\n", static_cast<void*>(op));
  std::fprintf(stderr, "object refcount : %zd\n", Py_REFCNT(op));
  std::fflush(stderr);
  PyTypeObject* type = Py_TYPE(op);
  std::fprintf(stderr, "object type     : %p\n", static_cast<void*>(type));
  std::fprintf(stderr, "object type name: %s\n", type == nullptr ? "NULL" : type->tp_name);
  std::fprintf(stderr, "object repr     : ");
  std::fflush(stderr);
  PyGILState_STATE gil = PyGILState_Ensure();
  PyObject *exc_type, *exc_value, *exc_tb;
  PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
  PyObject* repr = PyObject_Repr(op);
  const char* text = repr != nullptr ? PyUnicode_AsUTF8(repr) : nullptr;
  if (text != nullptr) {
    std::fputs(text, stderr);
  } else {
    std::fputs("<repr failed>", stderr);
    PyErr_Clear();
  }
  Py_XDECREF(repr);
  PyErr_Restore(exc_type, exc_value, exc_tb);
  PyGILState_Release(gil);
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

[[noreturn]] void _PyObject_AssertFailed(PyObject* obj, const char* expr, const char* msg, const char* file, int line,
                                         const char* function) {
  std::fprintf(stderr, "%s:%d: ", file, line);
  if (function != nullptr) std::fprintf(stderr, "%s: ", function);
  if (expr != nullptr) {
    std::fprintf(stderr, "Assertion \"%s\" failed", expr);
  } else {
    std::fprintf(stderr, "Assertion failed");
  }
  if (msg != nullptr) std::fprintf(stderr, ": %s", msg);
  std::fprintf(stderr, "\n");
  std::fflush(stderr);
  _PyObject_Dump(obj);
  Py_FatalError("_PyObject_AssertFailed");
}

}  // extern "C"
