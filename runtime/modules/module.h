// module: the `module` type, and the registry of native modules.
//
// A module is a namespace: a ModuleObj whose `dict` (never null once created)
// holds its globals.  Attribute lookup is object's, then PEP 562's module
// `__getattr__`; a miss raises "module 'x' has no attribute 'y'".
//
// Native modules register themselves (MicroPython's MP_REGISTER_MODULE idea):
// a static NativeModuleDef in the module's file and TERN_REGISTER_MODULE(def)
// put it in the registry before main runs; there is no central list.  The
// module object is created on first import (createNativeModule): a `module`
// whose dict holds a builtin function per MethodDef (bound to the module, so
// signatures start with `$module`), then `init` runs to add constants and
// types.  Every registered module is a "built-in module" for importlib's
// BuiltinImporter (_imp.cc); `sys.modules` (modulesDict) caches every
// imported module.
//
// Invariants: `dict` is a dict (exact) for every module made by this file;
// `native` is the registry entry of a native module, null otherwise (it is
// static data, not a heap reference).
#pragma once

#include <span>
#include <string_view>

#include "runtime/objects/native.h"
#include "runtime/objects/object.h"

namespace tern {

struct NativeModuleDef {
  const char* name = nullptr;            // the import name: "sys", "_io", "math"
  std::span<const MethodDef> methods = {};
  bool (*init)(Value module) = nullptr;  // adds everything else; false with an exception pending
  const char* doc = nullptr;
};

struct ModuleObj : Obj {
  gc::HeapValue dict;
  const NativeModuleDef* native;  // null for modules made from Python source
};

inline bool isModule(Value v) { return !v.isSmallInt() && isInstance(v, types::module_type); }
inline Value moduleDict(Value m) { return static_cast<ModuleObj*>(m.asObject())->dict.get(); }

// A new module named `name` (a str) with __name__, __doc__ (None or `doc`),
// __package__, __loader__ and __spec__ (None) set.
Value newModule(Value name, Value doc = Value());
// The module's __name__ as UTF-8 ("?" when it has none), for messages.
std::string moduleName(Value module);
// A module made by C may own state the runtime does not see (cpyext's
// md_state, freed by the C module's m_free).  cpyext installs `finalize`
// once and marks such modules with gc::setFinalizable: it runs when one is
// found unreachable, with the module still intact.
void setModuleFinalizer(void (*finalize)(Value module));

// --- native modules ---------------------------------------------------------

struct NativeModuleRegistration {
  explicit NativeModuleRegistration(const NativeModuleDef* def);
};
#define TERN_REGISTER_MODULE(def_var) \
  static const ::tern::NativeModuleRegistration tern_module_registration_##def_var(&def_var)

// The registered native module called `name`, or null.
const NativeModuleDef* findNativeModule(std::string_view name);
// Creates the module for `def` and runs its init (does not add it to
// sys.modules); null on error.
Value createNativeModule(const NativeModuleDef* def);
// Names of every registered native module, sorted (sys.builtin_module_names).
Value nativeModuleNames();

// sys.modules: created by initializeModules(), a runtime root.
Value modulesDict();
void initializeModules();

// The native module `name` (a str) as _imp.create_builtin makes it: the
// first time by createNativeModule, later as a new module holding a copy of
// the dict the first one had after init (CPython's m_copy of single-phase
// modules); sys and builtins are always the same objects.  Null without an
// exception when `name` is not a native module; not added to sys.modules.
Value createBuiltinModule(Value name);

// --- importing (importer.cc) --------------------------------------------------

// The module `name` (a str, absolute, dotted names allowed): sys.modules
// first; else, once importlib is installed, an import through it (the
// package of a dotted name comes first, as `import a.b.c` then
// sys.modules['a.b.c']); before that, a native module only.  Null with
// ModuleNotFoundError (or the module's own error) pending.
Value importModule(Value name);
// builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0):
// CPython's PyImport_ImportModuleLevelObject.  `globals` may be null.
Value importName(Value name, Value globals, Value fromlist, int64_t level);
// Whether `module` is being initialised right now (its __spec__._initializing
// is true), as IMPORT_FROM's "partially initialized module" message asks.
bool moduleIsInitializing(Value module);

}  // namespace tern
