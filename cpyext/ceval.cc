// Running code from C and asking about the running frame (CPython's
// Python/ceval.c and Python/pythonrun.c): PyEval_Get*, PyEval_EvalCode,
// PyRun_*, Py_CompileString*, the recursion guard, the generator helpers
// Cython calls, and pending calls.  The GIL half of ceval.c is in pystate.cc.
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/function.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/runtime.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/builtins.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

// A borrowed reference to a heap object that lives at least as long as the
// running frame (its globals, builtins, the frame object itself).
PyObject* borrowed(Value v) { return v.isNull() ? nullptr : toBorrowed(nullptr, v); }

const char* modeName(int start) {
  switch (start) {
    case Py_file_input:
      return "exec";
    case Py_eval_input:
      return "eval";
    case Py_single_input:
      return "single";
    case Py_func_type_input:
      return "func_type";
    default:
      return nullptr;
  }
}

// builtins.compile(source, filename, mode, flags, dont_inherit=True,
// optimize): what every C entry point that compiles comes down to, so that
// PyCF_ONLY_AST and the other flags mean what compile() makes of them.
Value compileFromC(const char* str, Value filename, int start, PyCompilerFlags* flags, int optimize) {
  const char* mode = modeName(start);
  if (mode == nullptr) return raise(exc::ValueError, "invalid start argument");
  int cf = flags == nullptr ? 0 : flags->cf_flags;
  // A C string is bytes to the tokenizer, which honours a coding cookie,
  // unless the caller says the text is UTF-8 already.
  Value source = (cf & PyCF_IGNORE_COOKIE) != 0 ? newStr(str) : newBytes(str, std::strlen(str));
  if (source.isNull()) return Value();
  Value compile = dictGetStr(builtinsDict(), internStr("compile"));
  if (compile.isNull()) return raise(exc::RuntimeError, "lost builtins.compile");
  Value args[6] = {source, filename,        newStr(mode), newInt(cf & ~(PyCF_SOURCE_IS_UTF8 | PyCF_IGNORE_COOKIE)),
                   True(), newInt(optimize)};
  return call(compile, args, 6);
}

Value evalWith(Value code, PyObject* globals, PyObject* locals) {
  if (globals == nullptr || !isDict(fromC(globals))) {
    return raise(exc::SystemError, "globals must be a dict");
  }
  return evalCode(code, fromC(globals), locals == nullptr ? Value() : fromC(locals));
}

// As CPython's run_eval_code_obj: the code's builtins become visible.
bool ensureBuiltins(PyObject* globals) {
  if (globals == nullptr || !isDict(fromC(globals))) return true;  // evalWith raises
  Value g = fromC(globals);
  Value key = internStr("__builtins__");
  if (!dictGetStr(g, key).isNull()) return true;
  if (errorPending()) return false;
  return dictSet(g, key, builtinsModule()) >= 0;
}

std::string readAll(FILE* fp) {
  std::string text;
  char buffer[8192];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, fp)) > 0) text.append(buffer, n);
  return text;
}

}  // namespace

extern "C" {

// --- the running frame ------------------------------------------------------------

PyFrameObject* PyEval_GetFrame(void) {
  interp::Frame* f = interp::currentFrame();
  if (f == nullptr) return nullptr;
  Value fo = interp::frameObject(f);
  if (fo.isNull()) {
    clearError();
    return nullptr;
  }
  return reinterpret_cast<PyFrameObject*>(borrowed(fo));
}

PyObject* PyEval_GetGlobals(void) {
  interp::Frame* f = interp::currentFrame();
  return f == nullptr ? nullptr : borrowed(f->globals);
}

PyObject* PyEval_GetBuiltins(void) {
  interp::Frame* f = interp::currentFrame();
  return borrowed(f == nullptr ? builtinsDict() : f->builtins);
}

PyObject* PyEval_GetLocals(void) {
  interp::Frame* f = interp::currentFrame();
  if (f == nullptr) {
    raise(exc::SystemError, "frame does not exist");
    return nullptr;
  }
  Value locals = interp::frameLocals(f);
  if (locals.isNull()) return nullptr;
  // The frame keeps a function frame's snapshot dict in its frame object.
  Value fo = interp::frameObject(f);
  if (!fo.isNull()) {
    PyObject* owner = toNew(fo);
    PyObject* r = toBorrowed(owner, locals);
    Py_DECREF(owner);
    return r;
  }
  clearError();
  return borrowed(locals);
}

PyObject* _PyEval_GetBuiltin(PyObject* name) {
  Value v = dictGet(builtinsDict(), fromC(name));
  if (v.isNull()) {
    if (!errorPending()) raiseWithArgs(exc::AttributeError, newTupleOf({fromC(name)}));
    return nullptr;
  }
  return toNew(v);
}

int PyEval_MergeCompilerFlags(PyCompilerFlags* cf) {
  int result = cf->cf_flags != 0;
  interp::Frame* f = interp::currentFrame();
  if (f != nullptr) {
    int compiler_flags = static_cast<int>(f->codeObj()->flags) & PyCF_MASK;
    if (compiler_flags != 0) {
      result = 1;
      cf->cf_flags |= compiler_flags;
    }
  }
  return result;
}

const char* PyEval_GetFuncName(PyObject* func) {
  Value v = fromC(func);
  if (isFunction(v)) {
    static thread_local std::string name;
    name = strToUtf8(asFunction(v)->name.get());
    return name.c_str();
  }
  if (PyCFunction_Check(func)) return reinterpret_cast<PyCFunctionObject*>(func)->m_ml->ml_name;
  return Py_TYPE(func)->tp_name;
}

const char* PyEval_GetFuncDesc(PyObject* func) {
  Value v = fromC(func);
  if (isFunction(v) || PyCFunction_Check(func)) return "()";
  return " object";
}

// A slice bound for C (Cython's slicing): 1 with *pi set (None leaves it),
// 0 with TypeError for anything without __index__.
int _PyEval_SliceIndex(PyObject* v, Py_ssize_t* pi) {
  int64_t x = *pi;
  if (v != nullptr && !sliceIndex(fromC(v), &x)) return 0;
  *pi = static_cast<Py_ssize_t>(x);
  return 1;
}

int _PyEval_SliceIndexNotNone(PyObject* v, Py_ssize_t* pi) {
  int64_t x = *pi;
  if (!sliceIndexNotNone(fromC(v), &x)) return 0;
  *pi = static_cast<Py_ssize_t>(x);
  return 1;
}

// --- the recursion guard ------------------------------------------------------------

int(Py_EnterRecursiveCall)(const char* where) { return enterRecursiveCall(where) ? 0 : -1; }
void(Py_LeaveRecursiveCall)(void) { leaveRecursiveCall(); }

int Py_GetRecursionLimit(void) { return interp::currentThread()->recursion_limit; }
void Py_SetRecursionLimit(int limit) { interp::currentThread()->recursion_limit = limit; }

// --- running code ------------------------------------------------------------

PyObject* PyEval_EvalCode(PyObject* co, PyObject* globals, PyObject* locals) {
  if (co == nullptr || !isCode(fromC(co))) return badInternalCall("PyEval_EvalCode");
  return returnNew(evalWith(fromC(co), globals, locals));
}

PyObject* PyEval_EvalCodeEx(PyObject* co, PyObject* globals, PyObject* locals, PyObject* const* args, int argc,
                            PyObject* const* kwds, int kwdc, PyObject* const* defs, int defc, PyObject* kwdefs,
                            PyObject* closure) {
  if (co == nullptr || !isCode(fromC(co)) || globals == nullptr || !isDict(fromC(globals)) || argc < 0 || kwdc < 0 ||
      defc < 0) {
    return badInternalCall("PyEval_EvalCodeEx");
  }
  Value code = fromC(co);
  if (argc == 0 && kwdc == 0 && closure == nullptr && (asCode(code)->flags & code_flags::kNewLocals) == 0) {
    return returnNew(evalWith(code, globals, locals));
  }
  // Anything with parameters or a closure runs as a function would.
  Value func = newFunction(code, fromC(globals));
  if (func.isNull()) return nullptr;
  FunctionObj* fn = asFunction(func);
  if (defc > 0) {
    Value d = newTuple(defc);
    for (int i = 0; i < defc; ++i) tupleInit(d, i, fromC(defs[i]));
    asFunction(func)->defaults.set(d);
  }
  if (kwdefs != nullptr) fn->kwdefaults.set(fromC(kwdefs));
  if (closure != nullptr) fn->closure.set(fromC(closure));
  size_t n = static_cast<size_t>(argc) + static_cast<size_t>(kwdc);
  gc::RootVector values;
  values.push_back(func);
  for (int i = 0; i < argc; ++i) values.push_back(fromC(args[i]));
  Value names;
  if (kwdc > 0) {
    names = newTuple(kwdc);
    for (int i = 0; i < kwdc; ++i) {
      tupleInit(names, i, fromC(kwds[2 * i]));
      values.push_back(fromC(kwds[2 * i + 1]));
    }
  }
  return returnNew(call(values[0], values.data() + 1, n, names));
}

PyObject* PyRun_StringFlags(const char* str, int start, PyObject* globals, PyObject* locals, PyCompilerFlags* flags) {
  if (str == nullptr) return badInternalCall("PyRun_StringFlags");
  Value code = compileFromC(str, newStr("<string>"), start, flags, -1);
  if (code.isNull()) return nullptr;
  if (!ensureBuiltins(globals)) return nullptr;
  return returnNew(evalWith(code, globals, locals));
}

// Also exported as functions, for callers that do not use the macros.
#undef PyRun_String
#undef PyRun_SimpleString
PyAPI_FUNC(PyObject*) PyRun_String(const char*, int, PyObject*, PyObject*);
PyObject* PyRun_String(const char* str, int start, PyObject* globals, PyObject* locals) {
  return PyRun_StringFlags(str, start, globals, locals, nullptr);
}

int PyRun_SimpleStringFlags(const char* command, PyCompilerFlags* flags) {
  Value main = mainModule();
  Value d = lookupAttr(main, internStr("__dict__"));
  if (d.isNull()) {
    clearError();
    return -1;
  }
  PyObject* globals = toNew(d);
  PyObject* r = PyRun_StringFlags(command, Py_file_input, globals, globals, flags);
  Py_DECREF(globals);
  if (r == nullptr) {
    PyErr_Print();
    return -1;
  }
  Py_DECREF(r);
  return 0;
}

int PyRun_SimpleString(const char* command) { return PyRun_SimpleStringFlags(command, nullptr); }

// --- running files (pythonrun.c) ----------------------------------------------------

PyObject* PyRun_FileExFlags(FILE* fp, const char* filename, int start, PyObject* globals, PyObject* locals, int closeit,
                            PyCompilerFlags* flags) {
  if (fp == nullptr || filename == nullptr) return badInternalCall("PyRun_FileExFlags");
  std::string source = readAll(fp);
  if (closeit) std::fclose(fp);
  Value name = newStr(filename);
  if (name.isNull()) return nullptr;
  // The text is the file's bytes: its coding cookie applies.
  PyCompilerFlags file_flags = {.cf_flags = (flags != nullptr ? flags->cf_flags : 0) & ~PyCF_IGNORE_COOKIE,
                                .cf_feature_version = PY_MINOR_VERSION};
  Value code = compileFromC(source.c_str(), name, start, &file_flags, -1);
  if (code.isNull()) return nullptr;
  if (!ensureBuiltins(globals)) return nullptr;
  return returnNew(evalWith(code, globals, locals));
}

// As CPython: __main__.__file__ is the file's name while it runs (when it
// was not set already), an error is printed, and the result is 0 or -1.
int PyRun_SimpleFileExFlags(FILE* fp, const char* filename, int closeit, PyCompilerFlags* flags) {
  if (fp == nullptr || filename == nullptr) {
    badInternalCall("PyRun_SimpleFileExFlags");
    PyErr_Print();
    return -1;
  }
  PyObject* main = PyImport_AddModule("__main__");
  PyObject* d = main == nullptr ? nullptr : PyModule_GetDict(main);
  if (d == nullptr) {
    if (closeit) std::fclose(fp);
    PyErr_Print();
    return -1;
  }
  bool set_file_name = false;
  if (PyDict_GetItemString(d, "__file__") == nullptr) {
    PyObject* name = PyUnicode_DecodeFSDefault(filename);
    if (name == nullptr || PyDict_SetItemString(d, "__file__", name) < 0 ||
        PyDict_SetItemString(d, "__cached__", Py_None) < 0) {
      Py_XDECREF(name);
      if (closeit) std::fclose(fp);
      PyErr_Print();
      return -1;
    }
    Py_DECREF(name);
    set_file_name = true;
  }
  PyObject* r = PyRun_FileExFlags(fp, filename, Py_file_input, d, d, closeit, flags);
  int status = 0;
  if (r == nullptr) {
    PyErr_Print();
    status = -1;
  } else {
    Py_DECREF(r);
  }
  if (set_file_name) {
    if (PyDict_DelItemString(d, "__file__") < 0) PyErr_Clear();
    if (PyDict_DelItemString(d, "__cached__") < 0) PyErr_Clear();
  }
  return status;
}

// Also exported as functions, for callers that do not use the macros.
#undef PyRun_SimpleFile
#undef PyRun_SimpleFileEx
#undef PyRun_AnyFile
#undef PyRun_AnyFileEx
#undef PyRun_AnyFileFlags
#undef PyRun_File
#undef PyRun_FileEx
#undef PyRun_FileFlags
int PyRun_SimpleFile(FILE* fp, const char* filename) { return PyRun_SimpleFileExFlags(fp, filename, 0, nullptr); }
int PyRun_SimpleFileEx(FILE* fp, const char* filename, int closeit) {
  return PyRun_SimpleFileExFlags(fp, filename, closeit, nullptr);
}
// A terminal would get the interactive loop, which Tern does not have
// (PyRun_InteractiveLoopFlags is in docs/cpyext-inventory.md): files only.
int PyRun_AnyFileExFlags(FILE* fp, const char* filename, int closeit, PyCompilerFlags* flags) {
  return PyRun_SimpleFileExFlags(fp, filename == nullptr ? "???" : filename, closeit, flags);
}
int PyRun_AnyFile(FILE* fp, const char* filename) { return PyRun_AnyFileExFlags(fp, filename, 0, nullptr); }
int PyRun_AnyFileEx(FILE* fp, const char* filename, int closeit) {
  return PyRun_AnyFileExFlags(fp, filename, closeit, nullptr);
}
int PyRun_AnyFileFlags(FILE* fp, const char* filename, PyCompilerFlags* flags) {
  return PyRun_AnyFileExFlags(fp, filename, 0, flags);
}
PyObject* PyRun_File(FILE* fp, const char* filename, int start, PyObject* globals, PyObject* locals) {
  return PyRun_FileExFlags(fp, filename, start, globals, locals, 0, nullptr);
}
PyObject* PyRun_FileEx(FILE* fp, const char* filename, int start, PyObject* globals, PyObject* locals, int closeit) {
  return PyRun_FileExFlags(fp, filename, start, globals, locals, closeit, nullptr);
}
PyObject* PyRun_FileFlags(FILE* fp, const char* filename, int start, PyObject* globals, PyObject* locals,
                          PyCompilerFlags* flags) {
  return PyRun_FileExFlags(fp, filename, start, globals, locals, 0, flags);
}

PyObject* Py_CompileStringObject(const char* str, PyObject* filename, int start, PyCompilerFlags* flags, int optimize) {
  if (str == nullptr || filename == nullptr) return badInternalCall("Py_CompileStringObject");
  return returnNew(compileFromC(str, fromC(filename), start, flags, optimize));
}

PyObject* Py_CompileStringExFlags(const char* str, const char* filename, int start, PyCompilerFlags* flags,
                                  int optimize) {
  if (str == nullptr || filename == nullptr) return badInternalCall("Py_CompileStringExFlags");
  Value name = newStr(filename);
  if (name.isNull()) return nullptr;
  return returnNew(compileFromC(str, name, start, flags, optimize));
}

#undef Py_CompileString
PyObject* Py_CompileString(const char* str, const char* filename, int start) {
  return Py_CompileStringExFlags(str, filename, start, nullptr, -1);
}

// --- the calls of CPython's old API (deprecated in 3.9, still exported) ------------

PyObject* PyEval_CallObjectWithKeywords(PyObject* callable, PyObject* args, PyObject* kwargs) {
  if (args != nullptr && !PyTuple_Check(args)) {
    PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
    return nullptr;
  }
  if (kwargs != nullptr && !PyDict_Check(kwargs)) {
    PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
    return nullptr;
  }
  if (args != nullptr) return PyObject_Call(callable, args, kwargs);
  PyObject* empty = PyTuple_New(0);
  if (empty == nullptr) return nullptr;
  PyObject* r = PyObject_Call(callable, empty, kwargs);
  Py_DECREF(empty);
  return r;
}

}  // extern "C"

namespace {

// As PyObject_CallFunction: the values Py_BuildValue makes of `format` are
// the arguments, unpacked when they form a tuple.
PyObject* callWithFormat(PyObject* callable, const char* format, va_list va) {
  if (callable == nullptr) return badInternalCall("PyEval_CallFunction");
  if (format == nullptr || *format == '\0') return PyObject_CallNoArgs(callable);
  PyObject* args = Py_VaBuildValue(format, va);
  if (args == nullptr) return nullptr;
  PyObject* r = PyTuple_Check(args) ? PyObject_Call(callable, args, nullptr) : PyObject_CallOneArg(callable, args);
  Py_DECREF(args);
  return r;
}

}  // namespace

extern "C" {

PyObject* PyEval_CallFunction(PyObject* callable, const char* format, ...) {
  va_list va;
  va_start(va, format);
  PyObject* r = callWithFormat(callable, format, va);
  va_end(va);
  return r;
}

PyObject* PyEval_CallMethod(PyObject* obj, const char* name, const char* format, ...) {
  if (obj == nullptr || name == nullptr) return badInternalCall("PyEval_CallMethod");
  PyObject* method = PyObject_GetAttrString(obj, name);
  if (method == nullptr) return nullptr;
  va_list va;
  va_start(va, format);
  PyObject* r = callWithFormat(method, format, va);
  va_end(va);
  Py_DECREF(method);
  return r;
}

// --- generators -------------------------------------------------------------------

// The StopIteration a generator returning `value` raises: the value is its
// args[0] even when it is a tuple or an exception (hence never
// PyErr_SetObject(StopIteration, value), which would unpack or reuse it).
int _PyGen_SetStopIterationValue(PyObject* value) {
  if (value == nullptr) {
    raiseEmpty(exc::StopIteration);
  } else {
    raiseStopIteration(fromC(value));
  }
  return 0;
}

}  // extern "C"

// --- pending calls ------------------------------------------------------------------
//
// Py_AddPendingCall queues a C function for the main thread, from any thread
// and without the GIL; the main thread runs the queue at its next eval-breaker
// check (gil.h: kBreakPending) or when C calls Py_MakePendingCalls.  As
// in CPython: at most 31 calls wait, they run in order (up to 32 per check),
// one at a time (not re-entered by a call that runs Python code), and a call
// that fails (returns non-zero with an exception set) stops the run, leaving
// the rest queued for the next check.

namespace {

struct PendingCall {
  int (*func)(void*);
  void* arg;
};

constexpr size_t kMaxPendingCalls = 31;  // CPython's ring of 32 keeps one slot free
constexpr size_t kPendingCallsPerRun = 32;

std::mutex g_pending_mutex;
PendingCall g_pending[kMaxPendingCalls];  // a ring: g_pending_count calls from g_pending_first
size_t g_pending_first = 0;
size_t g_pending_count = 0;
bool g_pending_running = false;  // main thread only

bool popPendingCall(PendingCall* call) {
  std::lock_guard lock(g_pending_mutex);
  if (g_pending_count == 0) return false;
  *call = g_pending[g_pending_first];
  g_pending_first = (g_pending_first + 1) % kMaxPendingCalls;
  --g_pending_count;
  return true;
}

bool runPendingCalls() {
  if (g_pending_running) return true;
  g_pending_running = true;
  PendingCall call;
  for (size_t i = 0; i < kPendingCallsPerRun && popPendingCall(&call); ++i) {
    if (call.func(call.arg) != 0) {
      g_pending_running = false;
      if (!errorPending()) raise(exc::SystemError, "a pending call failed without setting an exception");
      interp::requestPendingCalls();  // the rest at the next check
      return false;
    }
  }
  g_pending_running = false;
  return true;
}

}  // namespace

extern "C" {

int Py_AddPendingCall(int (*func)(void*), void* arg) {
  {
    std::lock_guard lock(g_pending_mutex);
    if (g_pending_count == kMaxPendingCalls) return -1;
    g_pending[(g_pending_first + g_pending_count) % kMaxPendingCalls] = {func, arg};
    ++g_pending_count;
  }
  interp::g_pending_calls = runPendingCalls;
  interp::requestPendingCalls();
  return 0;
}

// Runs the signal handlers, then (on the main thread) the pending calls.
int Py_MakePendingCalls(void) {
  if (!runSignalHandlers()) return -1;
  if (!interp::onMainThread()) return 0;
  return runPendingCalls() ? 0 : -1;
}

}  // extern "C"
