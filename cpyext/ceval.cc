// Running code from C and asking about the running frame (CPython's
// Python/ceval.c and Python/pythonrun.c): PyEval_Get*, PyEval_EvalCode,
// PyRun_*, Py_CompileString*, the recursion guard, and the generator helpers
// Cython calls.  The GIL half of ceval.c is in pystate.cc.
#include <cstring>
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
#include "runtime/interp/runtime.h"
#include "runtime/interp/thread_state.h"
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
  if (globals != nullptr && isDict(fromC(globals))) {
    // As CPython's run_eval_code_obj: the code's builtins become visible.
    Value g = fromC(globals);
    Value key = internStr("__builtins__");
    if (dictGetStr(g, key).isNull()) {
      if (errorPending()) return nullptr;
      if (dictSet(g, key, builtinsModule()) < 0) return nullptr;
    }
  }
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
