// faulthandler at start-up (what -X faulthandler, PYTHONFAULTHANDLER and
// -X dev ask for), and the extension modules its fatal-error report lists.
#pragma once

#include "runtime/gc/value.h"

namespace tern {

// faulthandler.enable() when the configuration asks for it (-X faulthandler,
// PYTHONFAULTHANDLER non-empty and not ignored, -X dev); true when it was not
// asked for or succeeded, false with the exception pending.
bool enableFaulthandlerAtStartup();

// Records the extension module cpyext just loaded for `spec` (named as its
// sys.modules key, spec.name), for the "Extension modules: ..." line of the
// fatal-error report, unless it is in sys.stdlib_module_names.
void noteExtensionModule(Value spec);

}  // namespace tern
