// The exception API: the runtime's pending exception is the C API's (the
// error conventions match, DESIGN.md §4), so these functions read and write it
// directly.  Tern keeps exceptions normalised: PyErr_Fetch returns the type,
// the instance and its traceback.
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/unimplemented.h"
#include "runtime/entry.h"
#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/runtime.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/_warnings.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

bool isType(Value v) { return v.isObject() && hasTypeFlag(v, type_flags::kTypeSubclass); }

BaseExceptionObj* asExc(Value v) { return static_cast<BaseExceptionObj*>(v.asObject()); }

bool isExceptionType(Value v) {
  return isType(v) && isSubtype(static_cast<Type*>(v.asObject()), exc::BaseException);
}

// An instance of `type` for `value` as CPython normalises: the value itself
// if it is an instance, else type(*value) for a tuple, type(value) otherwise.
Value instantiate(Value type, Value value) {
  if (!value.isNull() && isInstanceOf(value, static_cast<Type*>(type.asObject()))) return value;
  if (value.isNull() || value == None()) return call0(type);
  if (isTuple(value)) return callTupleDict(type, value, Value());
  return call1(type, value);
}

void setObject(Value type, Value value) {
  if (!isExceptionType(type)) {
    raisef(exc::SystemError, "_PyErr_SetObject: exception %s is not a BaseException subclass",
           strToUtf8(repr(type)).c_str());
    return;
  }
  Value e = instantiate(type, value);
  if (e.isNull()) return;
  if (!isInstanceOf(e, exc::BaseException)) {
    raisef(exc::TypeError, "calling %s should have returned an instance of BaseException, not %s",
           strToUtf8(repr(type)).c_str(), typeNameOf(e).c_str());
    return;
  }
  raiseException(e);
}

}  // namespace

extern "C" {

void PyErr_SetObject(PyObject* type, PyObject* value) { setObject(fromC(type), fromCOrNull(value)); }

void PyErr_SetString(PyObject* type, const char* message) {
  Value msg = newStr(message);
  if (msg.isNull()) return;
  setObject(fromC(type), msg);
}

void PyErr_SetNone(PyObject* type) { setObject(fromC(type), Value()); }

PyObject* PyErr_FormatV(PyObject* type, const char* format, va_list ap) {
  PyObject* msg = PyUnicode_FromFormatV(format, ap);
  if (msg == nullptr) return nullptr;
  setObject(fromC(type), fromC(msg));
  Py_DECREF(msg);
  return nullptr;
}

PyObject* PyErr_Format(PyObject* type, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  PyErr_FormatV(type, format, ap);
  va_end(ap);
  return nullptr;
}

PyObject* PyErr_Occurred(void) {
  Value e = pendingError();
  if (e.isNull()) return nullptr;
  return reinterpret_cast<PyObject*>(typeProxy(typeOf(e)));
}

void PyErr_Clear(void) { clearError(); }

void PyErr_Fetch(PyObject** ptype, PyObject** pvalue, PyObject** ptraceback) {
  Value e = takeError();
  if (e.isNull()) {
    *ptype = *pvalue = *ptraceback = nullptr;
    return;
  }
  *ptype = toNew(typeValue(typeOf(e)));
  *pvalue = toNew(e);
  Value tb = asExc(e)->traceback.get();
  *ptraceback = tb.isNull() || tb == None() ? nullptr : toNew(tb);
}

void PyErr_Restore(PyObject* type, PyObject* value, PyObject* traceback) {
  if (type == nullptr) {
    clearError();
    Py_XDECREF(value);
    Py_XDECREF(traceback);
    return;
  }
  Value t = fromC(type), v = fromCOrNull(value), tb = fromCOrNull(traceback);
  Py_DECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(traceback);
  // Restoring replaces what is pending; building the instance must not see it.
  clearError();
  if (!isExceptionType(t)) {
    raisef(exc::SystemError, "exception %s not a BaseException subclass", strToUtf8(repr(t)).c_str());
    return;
  }
  Value e = instantiate(t, v);
  if (e.isNull()) return;
  if (!tb.isNull()) asExc(e)->traceback.set(tb);
  restoreError(e);
}

void PyErr_NormalizeException(PyObject**, PyObject**, PyObject**) {
  // PyErr_Fetch hands out normalised exceptions already; a (type, value)
  // pair built by C is normalised when restored.
}

PyObject* PyErr_GetRaisedException(void) { return returnNew(takeError()); }
void PyErr_SetRaisedException(PyObject* e) {
  if (e == nullptr) {
    clearError();
    return;
  }
  restoreError(fromC(e));
  Py_DECREF(e);
}

int PyErr_GivenExceptionMatches(PyObject* given, PyObject* expected) {
  if (given == nullptr || expected == nullptr) return 0;
  Value g = fromC(given), x = fromC(expected);
  if (isTuple(x)) {
    for (int64_t i = 0; i < tupleLength(x); ++i) {
      PyObject* item = toNew(tupleItem(x, i));
      int r = PyErr_GivenExceptionMatches(given, item);
      Py_DECREF(item);
      if (r) return 1;
    }
    return 0;
  }
  if (!isType(g)) g = typeValue(typeOf(g));
  if (isExceptionType(g) && isExceptionType(x)) {
    return isSubtype(static_cast<Type*>(g.asObject()), static_cast<Type*>(x.asObject())) ? 1 : 0;
  }
  return g == x;
}

int PyErr_ExceptionMatches(PyObject* type) { return PyErr_GivenExceptionMatches(PyErr_Occurred(), type); }

PyObject* PyErr_NoMemory(void) {
  raiseNoMemory();
  return nullptr;
}

int PyErr_BadArgument(void) {
  raise(exc::TypeError, "bad argument type for built-in operation");
  return 0;
}

void(PyErr_BadInternalCall)(void) { raise(exc::SystemError, "bad argument to internal function"); }
void _PyErr_BadInternalCall(const char* filename, int lineno) {
  raisef(exc::SystemError, "%s:%d: bad argument to internal function", filename, lineno);
}

PyObject* PyErr_SetFromErrnoWithFilenameObjects(PyObject* type, PyObject* name1, PyObject* name2) {
  int err = errno;
  Value args = name1 == nullptr ? newTupleOf({newInt(err), newStr(std::strerror(err))})
               : name2 == nullptr
                   ? newTupleOf({newInt(err), newStr(std::strerror(err)), fromC(name1)})
                   : newTupleOf({newInt(err), newStr(std::strerror(err)), fromC(name1), newInt(0), fromC(name2)});
  if (err == EINTR && PyErr_CheckSignals() != 0) return nullptr;
  setObject(fromC(type), args);
  return nullptr;
}
PyObject* PyErr_SetFromErrnoWithFilenameObject(PyObject* type, PyObject* name) {
  return PyErr_SetFromErrnoWithFilenameObjects(type, name, nullptr);
}
PyObject* PyErr_SetFromErrno(PyObject* type) { return PyErr_SetFromErrnoWithFilenameObjects(type, nullptr, nullptr); }
PyObject* PyErr_SetFromErrnoWithFilename(PyObject* type, const char* filename) {
  if (filename == nullptr) return PyErr_SetFromErrno(type);
  int err = errno;
  PyObject* name = PyUnicode_DecodeFSDefault(filename);
  errno = err;
  PyErr_SetFromErrnoWithFilenameObjects(type, name, nullptr);
  Py_XDECREF(name);
  return nullptr;
}

PyObject* PyErr_NewException(const char* name, PyObject* base, PyObject* dict) {
  const char* dot = std::strrchr(name, '.');
  if (dot == nullptr) {
    raise(exc::SystemError, "PyErr_NewException: name must be module.class");
    return nullptr;
  }
  Value d = dict == nullptr ? newDict() : fromC(dict);
  if (dictGetStr(d, internStr("__module__")).isNull() &&
      dictSet(d, internStr("__module__"), newStr(std::string_view(name, dot - name))) < 0)
    return nullptr;
  Value bases;
  if (base == nullptr) {
    bases = newTupleOf({typeValue(exc::Exception)});
  } else if (isTuple(fromC(base))) {
    bases = fromC(base);
  } else {
    bases = newTupleOf({fromC(base)});
  }
  Value args[3] = {newStr(dot + 1), bases, d};
  return returnNew(call(typeValue(typeOf(typeValue(exc::Exception))), args, 3));
}

PyObject* PyErr_NewExceptionWithDoc(const char* name, const char* doc, PyObject* base, PyObject* dict) {
  Value d = dict == nullptr ? newDict() : fromC(dict);
  if (doc != nullptr && dictSet(d, internStr("__doc__"), newStr(doc)) < 0) return nullptr;
  PyObject* pd = toNew(d);
  PyObject* r = PyErr_NewException(name, base, pd);
  Py_DECREF(pd);
  return r;
}

// --- exception objects ---

PyObject* PyException_GetTraceback(PyObject* e) {
  Value tb = asExc(fromC(e))->traceback.get();
  return tb.isNull() || tb == None() ? nullptr : toNew(tb);
}
int PyException_SetTraceback(PyObject* e, PyObject* tb) {
  return setAttr(fromC(e), internStr("__traceback__"), tb == nullptr ? None() : fromC(tb));
}
PyObject* PyException_GetCause(PyObject* e) {
  Value c = asExc(fromC(e))->cause.get();
  return c.isNull() || c == None() ? nullptr : toNew(c);
}
void PyException_SetCause(PyObject* e, PyObject* cause) {
  Value x = fromC(e);
  asExc(x)->cause.set(cause == nullptr ? None() : fromC(cause));
  asExc(x)->suppress_context = 1;
  Py_XDECREF(cause);
}
PyObject* PyException_GetContext(PyObject* e) {
  Value c = asExc(fromC(e))->context.get();
  return c.isNull() || c == None() ? nullptr : toNew(c);
}
void PyException_SetContext(PyObject* e, PyObject* context) {
  asExc(fromC(e))->context.set(context == nullptr ? None() : fromC(context));
  Py_XDECREF(context);
}
PyObject* PyException_GetArgs(PyObject* e) { return toNew(asExc(fromC(e))->args.get()); }

}  // extern "C"

extern "C" {

int PyErr_CheckSignals(void) { return runSignalHandlers() ? 0 : -1; }

int PyErr_WarnEx(PyObject* category, const char* message, Py_ssize_t stacklevel) {
  Type* cat = category == nullptr ? exc::RuntimeWarning : static_cast<Type*>(fromC(category).asObject());
  return warn(cat, message, static_cast<int>(stacklevel)) ? 0 : -1;
}

int PyErr_WarnFormat(PyObject* category, Py_ssize_t stacklevel, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  PyObject* msg = PyUnicode_FromFormatV(format, ap);
  va_end(ap);
  if (msg == nullptr) return -1;
  Type* cat = category == nullptr ? exc::RuntimeWarning : static_cast<Type*>(fromC(category).asObject());
  bool ok = warn(cat, strToUtf8(fromC(msg)), static_cast<int>(stacklevel));
  Py_DECREF(msg);
  return ok ? 0 : -1;
}

// Through sys.unraisablehook when a program replaced it, else the default
// printer (printUnraisable, runtime/modules/unraisable.cc).
void PyErr_WriteUnraisable(PyObject* obj) { printUnraisable(fromCOrNull(obj)); }

// ImportError (or a subclass) with name and path set, as the import system
// raises it.
PyObject* PyErr_SetImportErrorSubclass(PyObject* exception, PyObject* msg, PyObject* name, PyObject* path) {
  if (exception == nullptr || !isExceptionType(fromC(exception)) ||
      !isSubtype(static_cast<Type*>(fromC(exception).asObject()), exc::ImportError)) {
    PyErr_SetString(PyExc_TypeError, "expected a subclass of ImportError");
    return nullptr;
  }
  if (msg == nullptr) {
    PyErr_SetString(PyExc_TypeError, "expected a message argument");
    return nullptr;
  }
  Value err = call1(fromC(exception), fromC(msg));
  if (err.isNull()) return nullptr;
  if (!isInstanceOf(err, exc::ImportError)) {
    raiseException(err);
    return nullptr;
  }
  auto* ie = static_cast<ImportErrorObj*>(err.asObject());
  ie->name.set(name == nullptr ? None() : fromC(name));
  ie->path.set(path == nullptr ? None() : fromC(path));
  raiseException(err);
  return nullptr;
}

PyObject* PyErr_SetImportError(PyObject* msg, PyObject* name, PyObject* path) {
  return PyErr_SetImportErrorSubclass(PyExc_ImportError, msg, name, path);
}

// As CPython: a SystemExit ends the process (Py_Exit with its status) unless
// the program asked for the prompt afterwards (-i); anything else goes to
// sys.excepthook.
void PyErr_PrintEx(int set_sys_last_vars) {
  Value e = takeError();
  if (e.isNull()) return;
  if (isInstance(e, exc::SystemExit) && config().inspect == 0) Py_Exit(systemExitStatus(e));
  printUncaughtException(e, set_sys_last_vars != 0);
}
void PyErr_Print(void) { PyErr_PrintEx(1); }

// The default sys.excepthook's output, to sys.stderr, without the hook.
void PyErr_Display(PyObject* type, PyObject* value, PyObject* tb) {
  if (value == nullptr) return;
  PyObject* hook = PySys_GetObject("__excepthook__");
  PyObject* r = hook == nullptr ? nullptr
                                : PyObject_CallFunctionObjArgs(hook, type != nullptr ? type : Py_None, value,
                                                               tb != nullptr ? tb : Py_None, nullptr);
  if (r == nullptr) {
    PyErr_Clear();
    printException(fromC(value));
  }
  Py_XDECREF(r);
}

// Raises a new exception whose __cause__ (and __context__) is the pending one.
PyObject* _PyErr_FormatFromCause(PyObject* type, const char* format, ...) {
  Value cause = takeError();
  va_list ap;
  va_start(ap, format);
  PyErr_FormatV(type, format, ap);
  va_end(ap);
  Value e = pendingError();
  if (!e.isNull() && !cause.isNull()) {
    asExc(e)->cause.set(cause);
    asExc(e)->context.set(cause);
    asExc(e)->suppress_context = 1;
  }
  return nullptr;
}

// PyErr_WriteUnraisable with CPython's err_msg: "Exception ignored <msg>".
void _PyErr_WriteUnraisableMsg(const char* msg, PyObject* obj) {
  if (msg == nullptr) {
    PyErr_WriteUnraisable(obj);
    return;
  }
  printUnraisable(fromCOrNull(obj), (std::string("Exception ignored ") + msg).c_str());
}

}  // extern "C"

// --- the stubs of the C API not implemented yet (unimplemented.h) -------------

namespace tern::cpyext {

void raiseUnimplemented(const char* function) {
  if (interp::currentThread() == nullptr) {
    std::fprintf(stderr, "Fatal Python error: %s: not implemented in Tern (called without a thread state)\n",
                 function);
    std::abort();
  }
  raisef(exc::SystemError, "%s is not implemented in Tern", function);
}

void abortUnimplemented(const char* function) {
  std::fflush(stdout);
  std::fprintf(stderr, "Fatal Python error: %s: not implemented in Tern\n", function);
  std::abort();
}

}  // namespace tern::cpyext
