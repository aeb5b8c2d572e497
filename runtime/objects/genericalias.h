// types.GenericAlias: what `list[int]` evaluates to (PEP 585).  Builtin
// classes implement __class_getitem__ with newGenericAlias.
#pragma once

#include "runtime/objects/object.h"

namespace tern {

struct GenericAliasObj : Obj {
  gc::HeapValue origin;      // the class subscripted
  gc::HeapValue args;        // tuple: the subscript, always a tuple
  gc::HeapValue parameters;  // tuple of type variables, computed on first use, or null
  uint64_t starred;          // *tuple[int] (__unpacked__)
};

// GenericAlias(origin, args): `args` a tuple or a single item.  Null on error.
Value newGenericAlias(Value origin, Value args);

}  // namespace tern
