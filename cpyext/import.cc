// Loading extension modules (_imp.create_dynamic / exec_dynamic, which the
// stdlib's ExtensionFileLoader calls) and the PyImport_* API.
//
// An extension is opened with dlopen(RTLD_NOW): its Py* symbols resolve
// against libtern.so, already loaded with the `tern` executable, so a symbol
// Tern lacks fails the load at once and the ImportError names the file and
// the symbol (dlerror's text).  Then the export function runs (PyInit_<name>,
// or PyInitU_<punycode> for a non-ASCII name): single-phase init returns the
// module; multi-phase init returns a PyModuleDef from which
// PyModule_FromDefAndSpec makes the module and exec_dynamic runs its
// Py_mod_exec slots.  Each way an init can misbehave gives CPython 3.11's
// SystemError.  An init that fails on a C-API feature Tern lacks
// (NotImplementedError) fails the import with an ImportError caused by it,
// as code with a fallback for a missing extension expects (zoneinfo's pure
// module, numpy without ctypes).
#include "cpyext/import.h"

#include <dlfcn.h>

#include <string>
#include <unordered_map>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pystate.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/faulthandler.h"
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

// The pending exception, when it is the NotImplementedError of a C-API
// feature Tern lacks, becomes the __cause__ of an ImportError for the module
// `holder` names (a spec's name and origin, a module's __name__ and __file__).
void unsupportedToImportError(Value holder, const char* name_attr, const char* path_attr) {
  if (!errorMatches(exc::NotImplementedError)) return;
  Value cause = takeError();
  Value name = getAttr(holder, internStr(name_attr));
  Value path = name.isNull() ? name : getAttr(holder, internStr(path_attr));
  Value text = path.isNull() ? path : str(cause);
  if (text.isNull() || !isStr(name)) {
    clearError();
    restoreError(cause);
    return;
  }
  importError("extension module " + strToUtf8(name) + " needs a C-API feature Tern lacks: " + strToUtf8(text), name,
              path);
  Value e = pendingError();
  if (!e.isNull()) static_cast<BaseExceptionObj*>(e.asObject())->cause.set(cause);
}

// Single-phase modules with m_size == -1 (module state in C globals) are
// initialised once per process, as CPython does: file + '\0' + name -> the
// def, whose m_base.m_copy holds a copy of the first module's dict (a
// reference C holds, so the collector keeps it).  A later import of the same
// file and name makes a new module from that copy without running PyInit
// again, so the module's C globals (the exception classes `_decimal` made)
// stay those of the objects already handed out.
std::unordered_map<std::string, PyModuleDef*>& singlePhaseDefs() {
  static auto* defs = new std::unordered_map<std::string, PyModuleDef*>();
  return *defs;
}

// The module made again from its copy, or null (an exception pending only
// when making it failed) when the file and name were never initialised so.
Value copiedSinglePhase(const std::string& key, Value name) {
  auto it = singlePhaseDefs().find(key);
  if (it == singlePhaseDefs().end()) return Value();
  PyModuleDef* def = it->second;
  PyObject* n = cpyext::toNew(name);
  PyObject* m = PyModule_NewObject(n);
  Py_DECREF(n);
  if (m == nullptr) return Value();
  if (PyDict_Update(PyModule_GetDict(m), def->m_base.m_copy) < 0 || PyState_AddModule(m, def) < 0) {
    Py_DECREF(m);
    return Value();
  }
  return cpyext::takeNew(m);
}

// The name of the module's export function (PEP 489): PyInit_<name> for an
// ASCII name, else PyInitU_ and the name's punycode with '-' spelt '_'.
// Sets `encoded` to the name as the function spells it (for messages).
bool exportName(Value short_name, std::string& encoded, std::string& hook) {
  encoded = strToUtf8(short_name);
  bool ascii = true;
  for (unsigned char c : encoded) ascii = ascii && c < 0x80;
  if (ascii) {
    hook = "PyInit_" + encoded;
    return true;
  }
  PyObject* n = cpyext::toNew(short_name);
  PyObject* b = PyUnicode_AsEncodedString(n, "punycode", nullptr);
  Py_DECREF(n);
  if (b == nullptr) return false;
  encoded.assign(PyBytes_AS_STRING(b), static_cast<size_t>(PyBytes_GET_SIZE(b)));
  Py_DECREF(b);
  for (char& c : encoded) {
    if (c == '-') c = '_';
  }
  hook = "PyInitU_" + encoded;
  return true;
}

Value createModule(Value spec);

}  // namespace

Value createExtensionModule(Value spec) {
  Value m = createModule(spec);
  if (m.isNull()) unsupportedToImportError(spec, "name", "origin");
  else noteExtensionModule(spec);  // faulthandler's report lists it
  return m;
}

namespace {

Value createModule(Value spec) {
  cpyext::initializeCpyext();
  Value name = getAttr(spec, internStr("name"));
  if (name.isNull()) return name;
  if (!isStr(name)) return raise(exc::TypeError, "spec.name must be a string");
  Value path = getAttr(spec, internStr("origin"));
  if (path.isNull()) return path;
  if (!isStr(path)) return raise(exc::TypeError, "spec.origin must be a string");
  std::string full = strToUtf8(name), file = strToUtf8(path);
  size_t dot = full.rfind('.');
  Value short_name = dot == std::string::npos ? name : newStr(full.substr(dot + 1));
  if (short_name.isNull()) return short_name;
  std::string key = file + '\0' + full;
  if (Value copied = copiedSinglePhase(key, name); !copied.isNull() || errorPending()) return copied;
  std::string short_ascii, hook;
  if (!exportName(short_name, short_ascii, hook)) return Value();
  bool ascii = hook.compare(0, 8, "PyInitU_") != 0;
  const char* shortname = short_ascii.c_str();
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) return importError(dlerror(), name, path);
  auto init = reinterpret_cast<PyObject* (*)()>(dlsym(handle, hook.c_str()));
  if (init == nullptr) {
    return importError("dynamic module does not define module export function (" + hook + ")", name, path);
  }
  PyObject* m;
  {
    cpyext::CCallScope scope;
    m = init();
  }
  if (m == nullptr) {
    if (!errorPending()) {
      raisef(exc::SystemError, "initialization of %s failed without raising an exception", shortname);
    }
    return Value();
  }
  if (errorPending()) {
    clearError();  // dropped, as CPython 3.11 drops it
    raisef(exc::SystemError, "initialization of %s raised unreported exception", shortname);
    return Value();  // m is dropped, as CPython drops it: it may be a static def
  }
  if (Py_TYPE(m) == nullptr) {
    // A PyModuleDef returned without PyModuleDef_Init.
    return raisef(exc::SystemError, "init function of %s returned uninitialized object", shortname);
  }
  if (Py_TYPE(m) == &PyModuleDef_Type) {
    PyObject* pspec = cpyext::toNew(spec);
    PyObject* module = PyModule_FromDefAndSpec2(reinterpret_cast<PyModuleDef*>(m), pspec, PYTHON_API_VERSION);
    Py_DECREF(pspec);
    return module == nullptr ? Value() : cpyext::takeNew(module);
  }
  // Single-phase initialisation.
  if (!ascii) {
    Py_DECREF(m);
    PyObject* n = cpyext::toNew(name);
    PyErr_Format(PyExc_SystemError, "Module name %R contains non-ASCII characters", n);
    Py_DECREF(n);
    return Value();
  }
  PyModuleDef* def = PyModule_Check(m) ? PyModule_GetDef(m) : nullptr;
  if (def == nullptr) {
    Py_DECREF(m);
    return raisef(exc::SystemError, "initialization of %s did not return an extension module", shortname);
  }
  Value module = cpyext::fromC(m);
  // Single-phase modules are found by PyState_FindModule, as CPython records them.
  if (PyState_AddModule(m, def) < 0) {
    Py_DECREF(m);
    return Value();
  }
  if (setAttr(module, internStr("__file__"), path) < 0) {
    Py_DECREF(m);
    return Value();
  }
  if (def->m_size == -1 && def->m_base.m_copy == nullptr) {
    def->m_base.m_copy = PyDict_Copy(PyModule_GetDict(m));
    if (def->m_base.m_copy == nullptr) {
      Py_DECREF(m);
      return Value();
    }
    singlePhaseDefs()[key] = def;
  }
  Py_DECREF(m);
  return module;
}

}  // namespace

int execExtensionModule(Value module) {
  if (!isModule(module)) return 0;
  PyObject* m = cpyext::toNew(module);
  PyModuleDef* def = PyModule_GetDef(m);
  // State already allocated: the slots ran (importlib.reload is a no-op).
  int r = def == nullptr || PyModule_GetState(m) != nullptr ? 0 : PyModule_ExecDef(m, def);
  Py_DECREF(m);
  if (r < 0) unsupportedToImportError(module, "__name__", "__file__");
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

// Deprecated since 3.3: the import lock it avoided is per module now.
PyObject* PyImport_ImportModuleNoBlock(const char* name) { return PyImport_ImportModule(name); }

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
