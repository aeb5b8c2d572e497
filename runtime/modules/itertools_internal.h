// Private to itertools.cc and itertools_combinatorics.cc: the types the
// module's init adds to its namespace, and the argument checks the
// iterator constructors share (CPython's messages for positional-only and
// keyword-less constructors).
#pragma once

#include <cstddef>

#include "runtime/objects/object.h"

namespace tern::itertools {

// Defined in itertools_combinatorics.cc.
extern Type* g_product_type;
extern Type* g_permutations_type;
extern Type* g_combinations_type;
extern Type* g_cwr_type;

// "<name>() takes no keyword arguments"; false when kwnames is non-empty.
bool noKeywords(const char* name, Value kwnames);
// "<name> expected [at least |at most ]N argument(s), got M" (CPython's
// _PyArg_CheckPositional); false when nargs is outside [min, max].
bool checkPositional(const char* name, size_t nargs, size_t min, size_t max);

// A new instance of `type` (a subclass allowed) with every field zeroed.
template <class T>
T* allocIter(Type* type) {
  return static_cast<T*>(newObject(type, type->basic_size));
}

}  // namespace tern::itertools
