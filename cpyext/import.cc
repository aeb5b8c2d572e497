// Loading extension modules (_imp.create_dynamic / exec_dynamic, which the
// stdlib's ExtensionFileLoader calls) and the PyImport_* API.
//
// An extension is opened with dlopen(RTLD_NOW): its Py* symbols resolve
// against libtern.so, already loaded with the `tern` executable, so a symbol
// Tern lacks fails the load at once and the ImportError names the file and
// the symbol (dlerror's text).  Then PyInit_<name> runs: single-phase init
// returns the module; multi-phase init returns a PyModuleDef from which
// PyModule_FromDefAndSpec makes the module and exec_dynamic runs its
// Py_mod_exec slots.
#include "cpyext/import.h"

#include <dlfcn.h>

#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pystate.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Value importError(const std::string& message, Value name, Value path) {
  Value msg = newStr(message);
  Value err = newException(exc::ImportError, newTupleOf({msg}));
  if (err.isNull()) return err;
  auto* e = static_cast<ImportErrorObj*>(err.asObject());
  e->msg.set(msg);
  e->name.set(name);
  e->path.set(path);
  return raiseException(err);
}

}  // namespace

Value createExtensionModule(Value spec) {
  cpyext::initializeCpyext();
  Value name = getAttr(spec, internStr("name"));
  if (name.isNull()) return name;
  Value path = getAttr(spec, internStr("origin"));
  if (path.isNull()) return path;
  std::string full = strToUtf8(name), file = strToUtf8(path);
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) return importError(dlerror(), name, path);
  size_t dot = full.rfind('.');
  std::string short_name = dot == std::string::npos ? full : full.substr(dot + 1);
  std::string init_name = "PyInit_" + short_name;
  auto init = reinterpret_cast<PyObject* (*)()>(dlsym(handle, init_name.c_str()));
  if (init == nullptr) {
    return importError("dynamic module does not define module export function (" + init_name + ")", name, path);
  }
  PyObject* m;
  {
    cpyext::CCallScope scope;
    m = init();
  }
  if (m == nullptr) {
    if (!errorPending()) {
      raisef(exc::SystemError, "initialization of %s failed without raising an exception", short_name.c_str());
    }
    return Value();
  }
  if (errorPending()) {
    Py_DECREF(m);
    return raisef(exc::SystemError, "initialization of %s raised unreported exception", short_name.c_str());
  }
  if (Py_TYPE(m) == &PyModuleDef_Type) {
    PyObject* pspec = cpyext::toNew(spec);
    PyObject* module = PyModule_FromDefAndSpec2(reinterpret_cast<PyModuleDef*>(m), pspec, PYTHON_API_VERSION);
    Py_DECREF(pspec);
    if (module == nullptr) return Value();
    Value v = cpyext::fromC(module);
    Py_DECREF(module);
    return v;
  }
  Value module = cpyext::fromC(m);
  // Single-phase modules are found by PyState_FindModule, as CPython records them.
  if (PyModule_Check(m)) {
    PyModuleDef* def = PyModule_GetDef(m);
    if (def != nullptr && PyState_AddModule(m, def) < 0) {
      Py_DECREF(m);
      return Value();
    }
  }
  Py_DECREF(m);
  if (typeOf(module) == types::module_type && setAttr(module, internStr("__file__"), path) < 0) return Value();
  return module;
}

int execExtensionModule(Value module) {
  if (module.isSmallInt() || typeOf(module) != types::module_type) return 0;
  PyObject* m = cpyext::toNew(module);
  PyModuleDef* def = PyModule_GetDef(m);
  int r = def == nullptr ? 0 : PyModule_ExecDef(m, def);
  Py_DECREF(m);
  return r;
}

}  // namespace tern

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyImport_Import(PyObject* name) { return returnNew(importModule(fromC(name))); }

PyObject* PyImport_ImportModule(const char* name) {
  Value n = newStr(name);
  return n.isNull() ? nullptr : returnNew(importModule(n));
}

PyObject* PyImport_ImportModuleLevelObject(PyObject* name, PyObject* globals, PyObject*, PyObject* fromlist,
                                           int level) {
  return returnNew(importName(fromC(name), fromCOrNull(globals), fromlist == nullptr ? newTuple(0) : fromC(fromlist),
                              level));
}

PyObject* PyImport_ImportModuleLevel(const char* name, PyObject* globals, PyObject* locals, PyObject* fromlist,
                                     int level) {
  PyObject* n = PyUnicode_FromString(name);
  if (n == nullptr) return nullptr;
  PyObject* r = PyImport_ImportModuleLevelObject(n, globals, locals, fromlist, level);
  Py_DECREF(n);
  return r;
}

PyObject* PyImport_GetModuleDict(void) { return toBorrowed(nullptr, modulesDict()); }

PyObject* PyImport_GetModule(PyObject* name) {
  Value m = dictGet(modulesDict(), fromC(name));
  return m.isNull() ? nullptr : toNew(m);
}

PyObject* PyImport_AddModuleObject(PyObject* name) {
  Value modules = modulesDict();
  Value m = dictGet(modules, fromC(name));
  if (m.isNull()) {
    if (errorPending()) return nullptr;
    m = newModule(fromC(name));
    if (m.isNull() || dictSet(modules, fromC(name), m) < 0) return nullptr;
  }
  return toBorrowed(nullptr, m);  // sys.modules keeps it
}

PyObject* PyImport_AddModule(const char* name) {
  PyObject* n = PyUnicode_FromString(name);
  if (n == nullptr) return nullptr;
  PyObject* r = PyImport_AddModuleObject(n);
  Py_DECREF(n);
  return r;
}

}  // extern "C"
