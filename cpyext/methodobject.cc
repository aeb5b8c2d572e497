// C functions called from the runtime: each PyMethodDef becomes a raw
// MethodDef (runtime/objects/native.h) whose calls arrive here as made and are
// passed on in the PyMethodDef's calling convention (METH_NOARGS, METH_O,
// METH_VARARGS[|METH_KEYWORDS], METH_FASTCALL[|METH_KEYWORDS], METH_METHOD),
// with CPython's TypeErrors for the conventions that fix the arity.  Module
// functions and the methods of C types share this path; the runtime's
// builtin_function_or_method and method_descriptor objects carry them.
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pystate.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::cpyext {

namespace {

// What a raw MethodDef's `data` points at.
struct CMethod {
  PyMethodDef* def;
  PyTypeObject* defining_class;  // for METH_METHOD; null for module functions
};

std::string functionName(const PyMethodDef* m, Value self) {
  if (self.isObject() && typeOf(self) == types::module_type) return moduleName(self) + "." + m->ml_name;
  if (!self.isNull()) {
    Type* t = self.isObject() && hasTypeFlag(self, type_flags::kTypeSubclass) ? static_cast<Type*>(self.asObject())
                                                                              : typeOf(self);
    return typeBareName(t) + "." + m->ml_name;
  }
  return m->ml_name;
}

// resultOf's SystemErrors, out of line so that the usual path stays short.
[[gnu::noinline, gnu::cold]] Value nullWithoutError(const PyMethodDef* m, Value self) {
  return raisef(exc::SystemError, "%s() returned NULL without setting an exception", functionName(m, self).c_str());
}
[[gnu::noinline, gnu::cold]] Value resultWithError(const PyMethodDef* m, Value self) {
  Value cause = takeError();
  raisef(exc::SystemError, "%s() returned a result with an exception set", functionName(m, self).c_str());
  Value err = pendingError();
  static_cast<BaseExceptionObj*>(err.asObject())->cause.set(cause);
  static_cast<BaseExceptionObj*>(err.asObject())->suppress_context = 1;
  return Value();
}

[[gnu::always_inline]] inline Value resultOf(PyObject* r, const PyMethodDef* m, Value self,
                                             const CCallScope& scope) {
  if (r == nullptr) [[unlikely]] return scope.errorPending() ? Value() : nullWithoutError(m, self);
  Value v = takeNew(r);
  if (scope.errorPending()) [[unlikely]] return resultWithError(m, self);
  return v;
}

Value callC(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames) {
  const auto* cm = static_cast<const CMethod*>(def->data);
  PyMethodDef* m = cm->def;
  CCallScope scope;  // sys.exception() as C's exc_state, and back
  size_t nkw = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  int convention = m->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
  // self, each argument, and the tuple, dict or kwnames made for the call.
  CallProxies proxies(nargs + nkw + 3);
  PyObject* pself = (m->ml_flags & METH_STATIC) ? nullptr : proxies.add(self);
  auto noKeywords = [&]() {
    raisef(exc::TypeError, "%s() takes no keyword arguments", functionName(m, self).c_str());
    return Value();
  };
  PyObject* r = nullptr;
  switch (convention) {
    case METH_NOARGS:
      if (nkw != 0) return noKeywords();
      if (nargs != 0) {
        return raisef(exc::TypeError, "%s() takes no arguments (%zu given)", functionName(m, self).c_str(), nargs);
      }
      r = m->ml_meth(pself, nullptr);
      break;
    case METH_O:
      if (nkw != 0) return noKeywords();
      if (nargs != 1) {
        return raisef(exc::TypeError, "%s() takes exactly one argument (%zu given)", functionName(m, self).c_str(),
                      nargs);
      }
      r = m->ml_meth(pself, proxies.add(args[0]));
      break;
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
      if (nkw != 0 && convention == METH_VARARGS) return noKeywords();
      CallTupleDict td;
      if (!td.make(args, nargs, kwnames)) return Value();
      if (convention == METH_VARARGS) {
        r = m->ml_meth(pself, td.tuple);
        break;
      }
      r = reinterpret_cast<PyCFunctionWithKeywords>(reinterpret_cast<void (*)()>(m->ml_meth))(pself, td.tuple,
                                                                                             td.dict);
      break;
    }
    case METH_FASTCALL:
    case METH_FASTCALL | METH_KEYWORDS:
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS: {
      if (nkw != 0 && convention == METH_FASTCALL) return noKeywords();
      PyObject** array = proxies.next();
      for (size_t i = 0; i < nargs + nkw; ++i) proxies.add(args[i]);
      auto fn = reinterpret_cast<void (*)()>(m->ml_meth);
      if (convention == METH_FASTCALL) {
        r = reinterpret_cast<_PyCFunctionFast>(fn)(pself, array, static_cast<Py_ssize_t>(nargs));
        break;
      }
      PyObject* names = nkw != 0 ? proxies.add(kwnames) : nullptr;
      if (convention == (METH_FASTCALL | METH_KEYWORDS)) {
        r = reinterpret_cast<_PyCFunctionFastWithKeywords>(fn)(pself, array, static_cast<Py_ssize_t>(nargs),
                                                                names);
      } else {
        r = reinterpret_cast<PyCMethod>(fn)(pself, cm->defining_class, array, static_cast<Py_ssize_t>(nargs),
                                           names);
      }
      break;
    }
    default:
      return raisef(exc::SystemError, "%s() method: bad call flags", m->ml_name);
  }
  return resultOf(r, m, self, scope);
}

// The common conventions' calls of the expected shape, without callC's
// general argument array; anything else (keywords, a wrong count, for its
// TypeError) goes to callC.  The order of the releases is callC's: the
// result first, then the arguments, then the exception state.

PyObject* selfProxy(const PyMethodDef* m, Value self) {
  return (m->ml_flags & METH_STATIC) || self.isNull() ? nullptr : toNew(self);
}

Value callNoArgs(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 0 || !kwnames.isNull()) return callC(def, self, args, nargs, kwnames);
  PyMethodDef* m = static_cast<const CMethod*>(def->data)->def;
  CCallScope scope;
  PyObject* pself = selfProxy(m, self);
  Value v = resultOf(m->ml_meth(pself, nullptr), m, self, scope);
  if (pself != nullptr) releaseLent(pself);
  return v;
}

Value callO(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1 || !kwnames.isNull()) return callC(def, self, args, nargs, kwnames);
  PyMethodDef* m = static_cast<const CMethod*>(def->data)->def;
  CCallScope scope;
  PyObject* pself = selfProxy(m, self);
  PyObject* arg = toNew(args[0]);
  Value v = resultOf(m->ml_meth(pself, arg), m, self, scope);
  releaseLent(arg);
  if (pself != nullptr) releaseLent(pself);
  return v;
}

Value callFastcall(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames) {
  constexpr size_t kMaxArgs = 6;
  if (nargs > kMaxArgs || !kwnames.isNull()) return callC(def, self, args, nargs, kwnames);
  PyMethodDef* m = static_cast<const CMethod*>(def->data)->def;
  CCallScope scope;
  PyObject* pself = selfProxy(m, self);
  PyObject* array[kMaxArgs];
  for (size_t i = 0; i < nargs; ++i) array[i] = toNew(args[i]);
  auto fn = reinterpret_cast<_PyCFunctionFast>(reinterpret_cast<void (*)()>(m->ml_meth));
  Value v = resultOf(fn(pself, array, static_cast<Py_ssize_t>(nargs)), m, self, scope);
  for (size_t i = 0; i < nargs; ++i) releaseLent(array[i]);
  if (pself != nullptr) releaseLent(pself);
  return v;
}

Value callVarargs(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull()) return callC(def, self, args, nargs, kwnames);
  PyMethodDef* m = static_cast<const CMethod*>(def->data)->def;
  CCallScope scope;
  PyObject* pself = selfProxy(m, self);
  PyObject* tuple = tupleOfArgs(args, nargs);
  Value v = resultOf(m->ml_meth(pself, tuple), m, self, scope);
  releaseArgsTuple(tuple);
  if (pself != nullptr) releaseLent(pself);
  return v;
}

bool isCMethodEntry(RawNativeFn raw) {
  return raw == callC || raw == callNoArgs || raw == callO || raw == callFastcall || raw == callVarargs;
}

MethodDef makeDef(PyMethodDef* m, PyTypeObject* defining_class) {
  MethodDef d;
  d.name = m->ml_name;
  d.doc = docWithoutSignature(m->ml_doc, m->ml_name, &d.signature);
  switch (m->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST)) {
    case METH_NOARGS:
      d.raw = callNoArgs;
      break;
    case METH_O:
      d.raw = callO;
      break;
    case METH_FASTCALL:
      d.raw = callFastcall;
      break;
    case METH_VARARGS:
      d.raw = callVarargs;
      break;
    default:
      d.raw = callC;
      break;
  }
  d.data = new CMethod{.def = m, .defining_class = defining_class};
  if (m->ml_flags & METH_CLASS) d.flags |= method_flags::kClassMethod;
  if (m->ml_flags & METH_STATIC) d.flags |= method_flags::kStaticMethod;
  return d;
}

}  // namespace

PyMethodDef* cMethodDefOf(const MethodDef* def) {
  return def->raw != nullptr && isCMethodEntry(def->raw) ? static_cast<const CMethod*>(def->data)->def : nullptr;
}

const char* cMethodDoc(const MethodDef* def) {
  PyMethodDef* m = cMethodDefOf(def);
  return m != nullptr ? docWithoutSignature(m->ml_doc, m->ml_name, nullptr) : def->doc;
}

bool CallTupleDict::make(const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    Value d = newDict();
    for (int64_t i = 0; i < tupleLength(kwnames); ++i) {
      if (dictSet(d, tupleItem(kwnames, i), args[nargs + static_cast<size_t>(i)]) < 0) return false;
    }
    dict = toNew(d);
  }
  tuple = tupleOfArgs(args, nargs);
  return true;
}

const char* docWithoutSignature(const char* doc, const char* name, const char** signature) {
  if (signature != nullptr) *signature = nullptr;
  if (doc == nullptr) return nullptr;
  size_t n = std::strlen(name);
  if (std::strncmp(doc, name, n) != 0 || doc[n] != '(') return doc;
  const char* end = std::strstr(doc + n, ")\n--\n\n");
  if (end == nullptr) return doc;
  if (signature != nullptr) *signature = strndup(doc + n, end + 1 - (doc + n));
  const char* rest = end + 6;
  return *rest == '\0' ? nullptr : rest;
}

std::span<const MethodDef> methodDefsFor(PyMethodDef* methods, PyTypeObject* defining_class) {
  size_t n = 0;
  while (methods != nullptr && methods[n].ml_name != nullptr) ++n;
  if (n == 0) return {};
  auto* defs = new MethodDef[n];
  for (size_t i = 0; i < n; ++i) defs[i] = makeDef(&methods[i], defining_class);
  return {defs, n};
}

const MethodDef* methodDefFor(PyMethodDef* method, PyTypeObject* defining_class) {
  return new MethodDef(makeDef(method, defining_class));
}

// A runtime builtin function as C sees it: CPython's PyCFunctionObject, which
// Cython reads to call METH_O functions directly.  A C function's keeps its own
// PyMethodDef; any other gets one whose ml_meth calls back into the runtime,
// finding the function through m_self (set to the proxy itself: ml_meth
// receives m_self, never the function).  That PyMethodDef is one per runtime
// function definition, named as it (`len`, `append`): _lsprof tells C
// functions apart by m_ml and names them by ml_name and m_module.
namespace {
PyObject* callRuntimeBuiltin(PyObject* self, PyObject* args, PyObject* kwargs) {
  return returnNew(callTupleDict(fromC(self), fromC(args), fromCOrNull(kwargs)));
}
PyMethodDef* runtimeBuiltinDef(const MethodDef* def) {
  static auto* defs = new std::unordered_map<const MethodDef*, PyMethodDef*>();
  PyMethodDef*& c_def = (*defs)[def];
  if (c_def == nullptr) {
    c_def = new PyMethodDef{
        .ml_name = def->name,
        .ml_meth = reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(callRuntimeBuiltin)),
        .ml_flags = METH_VARARGS | METH_KEYWORDS,
        .ml_doc = nullptr,
    };
  }
  return c_def;
}
}  // namespace

size_t builtinFunctionProxyBytes() { return sizeof(PyCFunctionObject); }

void refreshBuiltinFunction(PyObject* o, Value v) {
  auto* f = reinterpret_cast<PyCFunctionObject*>(o);
  if (f->m_ml != nullptr) return;  // filled once: a builtin function never changes
  auto* b = static_cast<BuiltinFunctionObj*>(v.asObject());
  if (isCMethodEntry(b->def->raw)) {
    f->m_ml = static_cast<const CMethod*>(b->def->data)->def;
    Value self = b->self.get();
    f->m_self = self.isNull() ? nullptr : toNew(self);
  } else {
    f->m_ml = runtimeBuiltinDef(b->def);
    f->m_self = o;  // not counted: the proxy itself
  }
  Value module = b->module.get();
  if (!module.isNull() && isStr(module)) f->m_module = toNew(module);
}

void releaseBuiltinFunction(PyObject* o) {
  auto* f = reinterpret_cast<PyCFunctionObject*>(o);
  if (f->m_self != o) Py_XDECREF(f->m_self);
  Py_XDECREF(f->m_module);
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyCMethod_New(PyMethodDef* ml, PyObject* self, PyObject* module, PyTypeObject* cls) {
  if (ml == nullptr) return badInternalCall("PyCMethod_New");
  Value module_name = module == nullptr ? Value() : fromC(module);
  return returnNew(newBuiltinFunction(methodDefFor(ml, cls), fromCOrNull(self), module_name));
}

PyObject*(PyCFunction_NewEx)(PyMethodDef* ml, PyObject* self, PyObject* module) {
  return PyCMethod_New(ml, self, module, nullptr);
}

PyObject*(PyCFunction_New)(PyMethodDef* ml, PyObject* self) { return PyCMethod_New(ml, self, nullptr, nullptr); }

PyCFunction PyCFunction_GetFunction(PyObject* o) {
  if (o == nullptr || !PyCFunction_Check(o)) return badInternalCall("PyCFunction_GetFunction");
  return reinterpret_cast<PyCFunctionObject*>(o)->m_ml->ml_meth;
}

}  // extern "C"
