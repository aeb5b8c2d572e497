// The extension-module loader, for _imp (runtime/modules/_imp.cc).
#pragma once

#include "runtime/gc/value.h"

namespace tern {

// _imp.create_dynamic(spec): loads spec.origin and runs its PyInit_ function;
// the module, or null with ImportError (naming the file and a missing symbol)
// or the init's own exception pending.
Value createExtensionModule(Value spec);
// _imp.exec_dynamic(module): runs a multi-phase module's Py_mod_exec slots
// once; 0, or -1 with the exception pending.
int execExtensionModule(Value module);

}  // namespace tern
