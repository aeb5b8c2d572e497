// The interim source importer (until issue #5 brings the stdlib's importlib).
//
// module.cc's importName/importModule hand over to it once sys.modules and
// the native-module registry have missed.  It implements what import
// statements need, with CPython 3.11's semantics and messages:
//   - finding `name.py`, a package `name/__init__.py` or a namespace package
//     (a directory without __init__.py: __path__ and __file__ = None) along
//     sys.path, or along the parent package's __path__ for a submodule;
//     extension modules (.so) are not loaded (cpyext is issue #6) and do
//     not stop the search;
//   - dotted names (parents first, the submodule set on its parent),
//     relative imports resolved from __package__ / __name__ of the
//     importer's globals, fromlist items imported as submodules;
//   - sys.modules set before the body runs (circular imports) and the entry
//     removed when it fails; None in sys.modules halts the import.
// Not provided: meta_path and path_hooks, bytecode caching, __spec__ (None),
// __loader__ (None), import locks (docs/differences.md).
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

// builtins.__import__(name, globals, locals, fromlist, level): the module,
// or null with the exception pending.  `globals` may be null.
Value interimImportName(Value name, Value globals, Value fromlist, int64_t level);

// Imports the absolute (possibly dotted) module `name` (a str): sys.modules,
// else a native module, else the source importer.  Null with
// ModuleNotFoundError (or the module's own error) pending.
Value importSourceModule(Value name);

// Whether `module`'s body is being executed by the importer right now (for
// IMPORT_FROM's "(most likely due to a circular import)" message).
bool moduleIsInitializing(Value module);

}  // namespace tern
