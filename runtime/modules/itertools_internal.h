// Private to itertools.cc and itertools_combinatorics.cc: the types the
// module's init adds to its namespace, and the argument checks the
// iterator constructors share (CPython's messages for positional-only and
// keyword-less constructors).
#pragma once

#include <cstddef>
#include <cstdint>

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

// The pickling helpers (CPython's PyArg_ParseTuple messages for the states
// __setstate__ takes):
// "state is not a tuple", or "function takes exactly|at least|at most N
// argument(s) (M given)"; false with TypeError pending.
bool checkStateTuple(Value state, int64_t min, int64_t max);
// "argument <position> must be <type>, not <type of item>" unless item is a
// `type` (a subclass allowed).
bool checkStateType(Value item, int position, Type* type);
// The "i" format: an int from __index__ within C int range; a float is refused.
bool stateInt(Value item, int64_t* out);
// (type(self), args) and (type(self), args, state); null when an argument is
// null (its exception pending).
Value reduceValue(Value self, Value args);
Value reduceValue(Value self, Value args, Value state);

// A new instance of `type` (a subclass allowed) with every field zeroed.
template <class T>
T* allocIter(Type* type) {
  return static_cast<T*>(newObject(type, type->basic_size));
}

}  // namespace tern::itertools
