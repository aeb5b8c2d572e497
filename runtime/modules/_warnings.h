// Warnings from native code (_warnings.cc): what CPython's PyErr_WarnEx does.
#pragma once

#include <string_view>

#include "runtime/objects/object.h"

namespace tern {

// warnings.warn(message, category, stacklevel) of the pure-Python warnings
// module (imported on first use).  False with an exception pending when the
// warning was turned into an error (or warnings cannot be imported).  A
// native function pushes no frame: stacklevel 1 is its Python caller.
bool warn(Type* category, std::string_view message, int stacklevel = 1);

}  // namespace tern
