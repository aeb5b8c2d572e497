// Python functions from C (PyFunction_*; CPython's Objects/funcobject.c),
// over the runtime's FunctionObj (runtime/interp/function.h).
//
// The getters return borrowed references the function keeps valid (until the
// attribute is replaced), or NULL without an exception for an attribute the
// function lacks (no defaults, no closure, annotations never asked for, no
// __name__ in the globals it was made with).  The setters take None for
// "none" and check the type as CPython does (SystemError, also for NULL),
// and further what the runtime relies on and CPython leaves to the caller:
// a closure must hold exactly one cell per free variable of the code
// (docs/cpyext.md, "Python functions, code objects and contexts made in C").
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/function.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

// The function `op` stands for, or null after SystemError naming `api`.
FunctionObj* functionArg(PyObject* op, const char* api) {
  if (op == nullptr || !isFunction(fromC(op))) {
    badInternalCall(api);
    return nullptr;
  }
  return asFunction(fromC(op));
}

PyObject* borrowedField(PyObject* op, const char* api, gc::HeapValue FunctionObj::*field) {
  FunctionObj* f = functionArg(op, api);
  if (f == nullptr) return nullptr;
  Value v = (f->*field).get();
  return v.isNull() ? nullptr : toBorrowed(op, v);
}

// Is `closure` (null: none) a valid closure for `code`: a tuple of exactly
// co_nfreevars cells?  Raises SystemError otherwise.
bool checkClosure(Value code, Value closure) {
  int64_t nfree = asCode(code)->nfrees;
  int64_t n = closure.isNull() ? 0 : tupleLength(closure);
  if (n != nfree) {
    raisef(exc::SystemError, "closure of %lld items for a code object with %lld free variables",
           static_cast<long long>(n), static_cast<long long>(nfree));
    return false;
  }
  for (int64_t i = 0; i < n; ++i) {
    if (!isCell(tupleItem(closure, i))) {
      raisef(exc::SystemError, "closure item %lld is a '%s', not a cell", static_cast<long long>(i),
             typeNameOf(tupleItem(closure, i)).c_str());
      return false;
    }
  }
  return true;
}

// A closure of empty cells, one per free variable of `code` (null when it
// has none), so that a function made before its PyFunction_SetClosure
// raises NameError for a free variable instead of reading nothing.
Value emptyClosure(Value code) {
  int64_t nfree = asCode(code)->nfrees;
  if (nfree == 0) return Value();
  Value closure = newTuple(nfree);
  if (closure.isNull()) return closure;
  for (int64_t i = 0; i < nfree; ++i) {
    Value cell = newCell(Value());
    if (cell.isNull()) return cell;
    tupleInit(closure, i, cell);
  }
  return closure;
}

// Stores `value` (None: none) as attribute `name` of the function (whose
// setter bumps the version call-site caches compare) when `accept` says it
// has the right type, else SystemError `message` (NULL too, as in CPython).
int setAttribute(PyObject* op, const char* api, const char* name, PyObject* value, bool (*accept)(Value),
                 const char* message) {
  if (functionArg(op, api) == nullptr) return -1;
  if (value == nullptr || (value != Py_None && !accept(fromC(value)))) {
    raise(exc::SystemError, message);
    return -1;
  }
  return setAttr(fromC(op), internStr(name), fromC(value));
}

bool acceptTuple(Value v) { return isTuple(v); }
bool acceptDict(Value v) { return isDict(v); }

}  // namespace

extern "C" {

PyObject* PyFunction_NewWithQualName(PyObject* code, PyObject* globals, PyObject* qualname) {
  if (code == nullptr || globals == nullptr || !isCode(fromC(code)) || !isDict(fromC(globals)) ||
      (qualname != nullptr && !isStr(fromC(qualname)))) {
    return badInternalCall("PyFunction_NewWithQualName");
  }
  if (asCode(fromC(code))->ninstr == 0) {
    // PyCode_NewEmpty's: CPython's raises AssertionError when called; Tern's
    // has no instructions at all to run.
    raisef(exc::SystemError,
           "PyFunction_New: code object %s has no instructions (PyCode_NewEmpty): Tern cannot call it",
           strToUtf8(asCode(fromC(code))->name.get()).c_str());
    return nullptr;
  }
  Value closure = emptyClosure(fromC(code));
  if (closure.isNull() && errorPending()) return nullptr;
  Value f = newFunction(fromC(code), fromC(globals));
  if (f.isNull()) return nullptr;
  // The runtime's __module__ is None without globals['__name__']; CPython's
  // field is NULL then (None to Python code too).
  if (dictGetStr(fromC(globals), internStr("__name__")).isNull()) asFunction(f)->module.set(Value());
  if (qualname != nullptr) asFunction(f)->qualname.set(fromC(qualname));
  asFunction(f)->closure.set(closure);
  return toNew(f);
}

PyObject* PyFunction_New(PyObject* code, PyObject* globals) {
  return PyFunction_NewWithQualName(code, globals, nullptr);
}

PyObject* PyFunction_GetCode(PyObject* op) { return borrowedField(op, "PyFunction_GetCode", &FunctionObj::code); }
PyObject* PyFunction_GetGlobals(PyObject* op) {
  return borrowedField(op, "PyFunction_GetGlobals", &FunctionObj::globals);
}
PyObject* PyFunction_GetModule(PyObject* op) { return borrowedField(op, "PyFunction_GetModule", &FunctionObj::module); }
PyObject* PyFunction_GetDefaults(PyObject* op) {
  return borrowedField(op, "PyFunction_GetDefaults", &FunctionObj::defaults);
}
PyObject* PyFunction_GetKwDefaults(PyObject* op) {
  return borrowedField(op, "PyFunction_GetKwDefaults", &FunctionObj::kwdefaults);
}
PyObject* PyFunction_GetClosure(PyObject* op) {
  return borrowedField(op, "PyFunction_GetClosure", &FunctionObj::closure);
}
PyObject* PyFunction_GetAnnotations(PyObject* op) {
  return borrowedField(op, "PyFunction_GetAnnotations", &FunctionObj::annotations);
}

int PyFunction_SetDefaults(PyObject* op, PyObject* defaults) {
  return setAttribute(op, "PyFunction_SetDefaults", "__defaults__", defaults, acceptTuple, "non-tuple default args");
}

int PyFunction_SetKwDefaults(PyObject* op, PyObject* defaults) {
  return setAttribute(op, "PyFunction_SetKwDefaults", "__kwdefaults__", defaults, acceptDict,
                      "non-dict keyword only default args");
}

int PyFunction_SetAnnotations(PyObject* op, PyObject* annotations) {
  return setAttribute(op, "PyFunction_SetAnnotations", "__annotations__", annotations, acceptDict,
                      "non-dict annotations");
}

int PyFunction_SetClosure(PyObject* op, PyObject* closure) {
  if (functionArg(op, "PyFunction_SetClosure") == nullptr) return -1;
  if (closure == nullptr) return badInternalCall("PyFunction_SetClosure"), -1;
  Value c = closure == Py_None ? Value() : fromC(closure);
  if (!c.isNull() && !isTuple(c)) {
    raisef(exc::SystemError, "expected tuple for closure, got '%s'", typeNameOf(c).c_str());
    return -1;
  }
  if (!checkClosure(asFunction(fromC(op))->code.get(), c)) return -1;
  asFunction(fromC(op))->closure.set(c);
  return 0;
}

}  // extern "C"
