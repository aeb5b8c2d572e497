// The runtime's half of the import system (CPython's Python/import.c); the
// other half is the stdlib's importlib._bootstrap and _bootstrap_external,
// which find, load and cache every module as they do in CPython.
//
// Start-up (installImportlib): the two bootstrap files are read from
// /usr/lib/python3.11/importlib — from their .pyc in __pycache__ when it is
// current, else compiled from source (and the .pyc written) — and run as
// the modules `_frozen_importlib` and `_frozen_importlib_external`, as
// CPython runs its frozen copies.  Their code objects carry the file names
// "<frozen importlib._bootstrap>" / "<frozen importlib._bootstrap_external>"
// as in CPython, which is also how failed imports recognise importlib's
// frames to cut them out of tracebacks.  Then _bootstrap._install(sys, _imp)
// puts BuiltinImporter and FrozenImporter on sys.meta_path,
// _install_external_importers() adds PathFinder and FileFinder's path hook,
// and zipimport's zipimporter goes first on sys.path_hooks.
// _bootstrap_external.MAGIC_NUMBER becomes Tern's (marshal.h).
//
// builtins.__import__ is native (importName, module.h): a module already in
// sys.modules and not being initialised is returned without calling into
// Python; anything else goes to _bootstrap._find_and_load, and fromlists of
// packages to _bootstrap._handle_fromlist.  Before importlib is installed
// (while the bootstrap files run) only native modules can be imported; the
// first import that needs more installs it.
#pragma once

#include <string>

#include "runtime/objects/object.h"

namespace tern {

// Installs importlib (above).  True when it is installed (now or before);
// false with the exception pending if the bootstrap failed.
bool installImportlib();

// The `_frozen_importlib` and `_frozen_importlib_external` modules, or null
// before installImportlib.
Value importlibBootstrap();
Value importlibExternal();

// sys.path[0]: the script's directory for `tern FILE`, '' for -c, the
// current directory for -m (sys.h declares it).
void setSysPath0(const std::string& path0);

}  // namespace tern
