// Warnings from native code (_warnings.cc): what CPython's PyErr_WarnEx does.
#pragma once

#include <string_view>

#include "runtime/objects/object.h"

namespace tern {

// _warnings.warn(message, category, stacklevel): filtered natively, shown
// through warnings._showwarnmsg when `warnings` is imported (else written
// to sys.stderr).  False with an exception pending when the warning was
// turned into an error.  A native function pushes no frame: stacklevel 1 is
// its Python caller.
bool warn(Type* category, std::string_view message, int stacklevel = 1);

}  // namespace tern
