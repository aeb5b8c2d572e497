// cpyext: the trashcan (Py_TRASHCAN_BEGIN / Py_TRASHCAN_END, object.h), which
// bounds the C stack when one tp_dealloc releases a chain of objects whose
// own tp_dealloc run inside it.  Past kUnwindLevel nested deallocations an
// object's tp_dealloc is deferred: the outermost Py_TRASHCAN_END runs the
// deferred ones, each again at depth 1.  The depth is the thread state's
// trash_delete_nesting, as in CPython; the deferred objects wait in a
// per-thread list (CPython threads them through their GC headers).
#include <vector>

#include "Python.h"

namespace {

constexpr int kUnwindLevel = 50;  // CPython's PyTrash_UNWIND_LEVEL

thread_local std::vector<PyObject*> t_deferred;

}  // namespace

extern "C" {

// Only a type's own tp_dealloc takes part: a subclass's dealloc calling its
// base's runs the base's body inside its own trashcan.
int _PyTrash_cond(PyObject* op, destructor dealloc) { return Py_TYPE(op)->tp_dealloc == dealloc ? 1 : 0; }

// 1: too deep, `op` is deferred and its tp_dealloc must return at once.
int _PyTrash_begin(PyThreadState* tstate, PyObject* op) {
  if (tstate->trash_delete_nesting >= kUnwindLevel) {
    t_deferred.push_back(op);
    return 1;
  }
  ++tstate->trash_delete_nesting;
  return 0;
}

void _PyTrash_end(PyThreadState* tstate) {
  --tstate->trash_delete_nesting;
  if (tstate->trash_delete_nesting > 0) return;
  // A deferred dealloc may defer more: the list is read until empty.
  while (!t_deferred.empty()) {
    PyObject* op = t_deferred.back();
    t_deferred.pop_back();
    ++tstate->trash_delete_nesting;
    Py_TYPE(op)->tp_dealloc(op);
    --tstate->trash_delete_nesting;
  }
}

}  // extern "C"
