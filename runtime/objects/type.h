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

// Empties the method cache (sys._clear_type_cache, PyType_ClearCache) and
// returns the newest version tag given out.
uint64_t clearTypeCache();

// A new version tag for `type` and all its subclasses (call after any change
// to the dict or bases of `type`).
void typeModified(Type* type);

// Keeps slots in step after `type.name = value` (or del).
void typeUpdateSlot(Type* type, Value name);

// type.__getattribute__ / type.__setattr__ (the metatype's descriptors,
// then the MRO; setting updates slots and version tags).
Value typeGetAttr(Value type, Value name);
int typeSetAttr(Value type, Value name, Value value);

// `a | b` for types, None, generic aliases and unions: a types.UnionType
// (union.cc), or NotImplemented for other operands.  type's nb_or.
Value unionOr(Value a, Value b);
// The members of a types.UnionType (a tuple), or null if `v` is not one.
// isinstance/issubclass treat a union as the tuple of its members.
Value unionArgs(Value v);

// Allocates None, True, False, NotImplemented and Ellipsis (singletons.cc);
// initializeTypes calls it once the types exist.
void initializeSingletons();

// Creates a builtin type from its spec after start-up (types of native
// modules); the spec must outlive the process.  Null on error.  A builtin
// type is kept alive for good; with `immortal` false it lives while
// referenced, as a class does (cpyext's heap types from C).
Type* readyBuiltinType(const TypeSpec* spec, bool immortal = true);

// type.__bases__ = bases: checks layouts, recomputes the MRO of `type` and its
// subclasses, their slots and version tags; -1 with TypeError on failure.
int typeSetBases(Type* type, Value bases);
// The bases of a type made from C (cpyext: a static type's tp_bases, as
// numpy's float64 has (floating, float)): the MRO follows them, while `base`
// keeps the instance layout its maker chose.  -1 with the exception pending
// when they have no consistent MRO.
int typeSetForeignBases(Type* type, Value bases);

// Do instances of `a` and `b` have the same layout (__class__ assignment)?
bool typesLayoutCompatible(Type* a, Type* b);

// Calls fn(sub, data) for every direct subclass of `type` still alive.
void forEachSubclass(Type* type, void (*fn)(Type*, void*), void* data);

// Instances of classes derived in Python from var-sized builtins (int, str,
// bytes, tuple) keep their __dict__ and __slots__ words as the LAST words of
// the instance (offsets counted from its end; type.cc explains).  Their count
// is kept in the top 16 bits of Type::flags; newObject appends them.
inline constexpr unsigned kTrailingShift = 48;
inline uint32_t trailingWords(const Type* t) { return static_cast<uint32_t>(t->flags >> kTrailingShift) & 0xffff; }

// The HeapValue holding the instance __dict__ of `obj` (whose type has
// dict_offset != 0): dict_offset is NEGATIVE for subclasses of var-sized
// builtins, counted from the end of the object.  Never compute
// `obj + dict_offset` directly.
inline gc::HeapValue* instanceDictSlot(Value obj, int32_t dict_offset) {
  gc::Object* o = obj.asObject();
  char* p = dict_offset >= 0 ? o->bytes() + dict_offset : o->bytes() + o->sizeBytes() + dict_offset;
  return reinterpret_cast<gc::HeapValue*>(p);
}

}  // namespace tern
