// type: creating types (builtin ones from their TypeSpec, classes from a
// class statement), the MRO, and keeping slots in step with dicts.
#pragma once

#include "runtime/objects/native.h"
#include "runtime/objects/object.h"

namespace tern {

// Creates every registered builtin type, the singletons and the interned
// names.  Called once by runtime initialisation; false if that failed.
bool initializeTypes();

// type(name, bases, namespace, **kwds) as the class statement calls it
// (metaclass resolution, __prepare__ is the caller's business): computes the
// MRO, solid base and layout, __slots__, __dict__/__weakref__, copies the
// namespace, fills slots from dunders, calls __set_name__ and
// __init_subclass__.  Null on error.
Value newClass(Type* metatype, Value name, Value bases, Value ns, Value kwnames_dict);

// The attribute `name` (a str) found along the type's MRO (not bound); null
// without an exception when absent.  Uses the per-type method cache.
Value typeLookup(Type* type, Value name);

// A new version tag for `type` and all its subclasses (call after any change
// to the dict or bases of `type`).
void typeModified(Type* type);

// Keeps slots in step after `type.name = value` (or del).
void typeUpdateSlot(Type* type, Value name);

}  // namespace tern
