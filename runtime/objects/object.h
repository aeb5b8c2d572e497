// Python objects on the GC heap: the header every one of them starts with, the
// type object, and the slots through which the runtime reaches a type's
// behaviour.
//
// Invariants:
//   - A Value is a small int (tagged, its type is `int`) or a pointer to an
//     Obj: a gc::Object header followed by `ob_type`, a reference to the
//     object's Type.  `ob_type` is never null once the allocating function
//     returns (newObject sets it before anything can observe the object).
//   - Type objects never move (gc::allocateOld).  A `Type*` may be kept in a
//     static or an inline cache; types are kept alive by their instances (the
//     `ob_type` field is a traced reference) and builtin types by the type
//     registry (a root).
//   - A type's slots agree with its dict: a Python-level class whose namespace
//     (or a base's) defines `__add__` has `nb_add` set to the generic slot that
//     looks the dunder up; natives fill the slot from their TypeSpec and get a
//     wrapper descriptor in their dict (type.cc keeps both in step, also when
//     a dunder is assigned after class creation).
//   - `version_tag` changes whenever the type's dict or bases change, or those
//     of any type in its MRO; inline caches compare it.
//
// Errors follow DESIGN.md §4: a slot returns a null Value, -1, or another
// documented sentinel with the exception pending in the thread state
// (runtime/interp/errors.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/gc/barrier.h"
#include "runtime/gc/heap.h"
#include "runtime/gc/layout.h"
#include "runtime/gc/object.h"
#include "runtime/gc/value.h"

namespace tern {

struct Type;

// The header of every Python heap object.
struct Obj : gc::Object {
  gc::HeapValue ob_type;
};

// ---------------------------------------------------------------------------
// Slots: CPython's type slots, with Tern's calling conventions.

// Comparison operators, numbered as CPython's Py_LT..Py_GE (COMPARE_OP's argument).
enum CompareOp : int { kLt = 0, kLe = 1, kEq = 2, kNe = 3, kGt = 4, kGe = 5 };

// The answer to comparison `op` between two values whose three-way ordering
// is `c` (< 0, 0, > 0).
inline bool orderingSatisfies(int c, int op) {
  switch (op) {
    case kLt: return c < 0;
    case kLe: return c <= 0;
    case kEq: return c == 0;
    case kNe: return c != 0;
    case kGt: return c > 0;
    default: return c >= 0;
  }
}

// The vectorcall convention: positional arguments first, then the values of
// the keyword arguments whose names are the str items of the tuple `kwnames`
// (null when there are none).  `nargs` counts the positional ones only.
using VectorcallFn = Value (*)(Value callable, const Value* args, size_t nargs, Value kwnames);

using UnaryFn = Value (*)(Value);
using BinaryFn = Value (*)(Value, Value);
using TernaryFn = Value (*)(Value, Value, Value);
using InquiryFn = int (*)(Value);        // 0/1, -1 on error
using LenFn = int64_t (*)(Value);        // >= 0, -1 on error
using HashFn = int64_t (*)(Value);       // -1 on error (a hash of -1 becomes -2)
using RichCompareFn = Value (*)(Value, Value, int op);
using GetAttrFn = Value (*)(Value self, Value name);                 // name is a str
using SetAttrFn = int (*)(Value self, Value name, Value value);      // value null: delete
using DescrGetFn = Value (*)(Value descr, Value obj, Value type);    // obj null: looked up on the type
using DescrSetFn = int (*)(Value descr, Value obj, Value value);     // value null: delete
using ObjObjFn = int (*)(Value self, Value item);                    // sq_contains: 0/1, -1
using AssSubscriptFn = int (*)(Value self, Value key, Value value);  // value null: delete
using NewFn = Value (*)(Type* type, const Value* args, size_t nargs, Value kwnames);
using InitFn = int (*)(Value self, const Value* args, size_t nargs, Value kwnames);

// Every slot a type may fill.  Null means "not defined here": lookups fall
// back to the generic behaviour (object's) or raise TypeError, as in CPython.
struct Slots {
  UnaryFn tp_repr = nullptr;
  UnaryFn tp_str = nullptr;
  HashFn tp_hash = nullptr;
  VectorcallFn tp_call = nullptr;
  GetAttrFn tp_getattro = nullptr;
  SetAttrFn tp_setattro = nullptr;
  RichCompareFn tp_richcompare = nullptr;
  UnaryFn tp_iter = nullptr;
  UnaryFn tp_iternext = nullptr;  // null: exhausted (no exception, or StopIteration pending) or an error
  DescrGetFn tp_descr_get = nullptr;
  DescrSetFn tp_descr_set = nullptr;
  InitFn tp_init = nullptr;
  NewFn tp_new = nullptr;
  void (*tp_finalize)(Value) = nullptr;  // __del__

  // Number protocol: a binary slot gets its operands in source order and
  // returns NotImplemented for types it does not handle (both operands are
  // tried, as CPython's binary_op1).
  BinaryFn nb_add = nullptr, nb_subtract = nullptr, nb_multiply = nullptr, nb_remainder = nullptr,
           nb_divmod = nullptr, nb_lshift = nullptr, nb_rshift = nullptr, nb_and = nullptr, nb_xor = nullptr,
           nb_or = nullptr, nb_floor_divide = nullptr, nb_true_divide = nullptr, nb_matrix_multiply = nullptr;
  TernaryFn nb_power = nullptr;  // third operand None when absent
  BinaryFn nb_inplace_add = nullptr, nb_inplace_subtract = nullptr, nb_inplace_multiply = nullptr,
           nb_inplace_remainder = nullptr, nb_inplace_lshift = nullptr, nb_inplace_rshift = nullptr,
           nb_inplace_and = nullptr, nb_inplace_xor = nullptr, nb_inplace_or = nullptr,
           nb_inplace_floor_divide = nullptr, nb_inplace_true_divide = nullptr,
           nb_inplace_matrix_multiply = nullptr;
  TernaryFn nb_inplace_power = nullptr;
  UnaryFn nb_negative = nullptr, nb_positive = nullptr, nb_absolute = nullptr, nb_invert = nullptr;
  InquiryFn nb_bool = nullptr;
  UnaryFn nb_int = nullptr, nb_float = nullptr, nb_index = nullptr;

  // Sequence and mapping protocols.
  LenFn mp_length = nullptr;  // __len__ (CPython's sq_length and mp_length in one)
  BinaryFn mp_subscript = nullptr;
  AssSubscriptFn mp_ass_subscript = nullptr;
  ObjObjFn sq_contains = nullptr;

  // Async protocol.
  UnaryFn am_await = nullptr, am_aiter = nullptr, am_anext = nullptr;
};

// ---------------------------------------------------------------------------
// The type object.

namespace type_flags {
inline constexpr uint64_t kHeapType = 1u << 0;        // defined by a class statement or type(...)
inline constexpr uint64_t kBaseType = 1u << 1;        // may be subclassed
inline constexpr uint64_t kHasDict = 1u << 2;         // instances have a __dict__ (at dict_offset)
inline constexpr uint64_t kAbstract = 1u << 3;        // has abstract methods (Py_TPFLAGS_IS_ABSTRACT)
inline constexpr uint64_t kReady = 1u << 4;           // slots, MRO and dict are set up
inline constexpr uint64_t kImmutable = 1u << 5;       // attributes cannot be set (builtin types)
inline constexpr uint64_t kMethodDescriptor = 1u << 6;  // instances bind like functions (LOAD_METHOD may skip binding)
// Fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS.
inline constexpr uint64_t kIntSubclass = 1u << 8;
inline constexpr uint64_t kTupleSubclass = 1u << 9;
inline constexpr uint64_t kListSubclass = 1u << 10;
inline constexpr uint64_t kBytesSubclass = 1u << 11;
inline constexpr uint64_t kStrSubclass = 1u << 12;
inline constexpr uint64_t kDictSubclass = 1u << 13;
inline constexpr uint64_t kBaseExceptionSubclass = 1u << 14;
inline constexpr uint64_t kTypeSubclass = 1u << 15;
inline constexpr uint64_t kSequence = 1u << 16;  // Py_TPFLAGS_SEQUENCE (match statements)
inline constexpr uint64_t kMapping = 1u << 17;   // Py_TPFLAGS_MAPPING
}  // namespace type_flags

struct TypeSpec;

struct Type : Obj {
  gc::HeapValue name;      // str: __name__
  gc::HeapValue qualname;  // str: __qualname__
  gc::HeapValue bases;     // tuple of types: __bases__
  gc::HeapValue mro;       // tuple of types: __mro__, this type first
  gc::HeapValue dict;      // dict: the namespace (exposed read-only as a mappingproxy)
  gc::HeapValue base;      // the type whose instance layout this one extends (__base__); null for object
  gc::HeapValue subclasses;  // list of weakrefs to direct subclasses, or null (slot updates walk it)
  gc::HeapValue slot_names;  // tuple of str: __slots__ as declared (mangled), or null

  uint64_t flags = 0;
  uint64_t version_tag = 0;      // 0: no valid tag (caches must not trust this type)
  gc::LayoutId instance_layout;  // the layout new instances get
  uint32_t basic_size = 0;       // bytes of an instance without items, header included
  uint32_t item_size = 0;        // bytes per item of var-sized instances (int, tuple, str, bytes)
  int32_t dict_offset = 0;       // byte offset of the instance __dict__ slot; 0: none
  int32_t weaklist_offset = 0;   // byte offset of the instance weakref slot; 0: not weakly referenceable
  // The inline attribute words of instances (instance_attrs.h): their byte
  // offset (0: none) and count.  Fixed when the class is made.
  int32_t inline_offset = 0;
  uint32_t inline_count = 0;
  const TypeSpec* spec = nullptr;  // the native definition; null for classes defined in Python
  // cpyext's memo (cpyext/typeobject.cc): the C type whose struct this type's
  // instances are, or a marker for none; null until first asked.
  void* c_layout = nullptr;
  Slots slots;

  bool hasFlag(uint64_t f) const { return (flags & f) != 0; }
};

// ---------------------------------------------------------------------------
// Builtin types: one line each in builtin_types.def, which declares
// `types::NAME` (a Type*, set once at start-up, never moved).
namespace types {
#define TERN_BUILTIN_TYPE(id, python_name) inline Type* id = nullptr;
#include "runtime/objects/builtin_types.def"
#undef TERN_BUILTIN_TYPE
}  // namespace types

// The singletons, set once at start-up (allocated old, never moved).
namespace singletons {
inline Obj* None = nullptr;
inline Obj* True = nullptr;  // an int object with value 1 whose type is bool
inline Obj* False = nullptr;
inline Obj* NotImplemented = nullptr;
inline Obj* Ellipsis = nullptr;
}  // namespace singletons

inline Value None() { return singletons::None; }
inline Value True() { return singletons::True; }
inline Value False() { return singletons::False; }
inline Value NotImplemented() { return singletons::NotImplemented; }
inline Value Bool(bool b) { return b ? True() : False(); }
inline bool isNone(Value v) { return v.asObject() == singletons::None; }

inline Obj* asObj(Value v) { return static_cast<Obj*>(v.asObject()); }

// The type of any value.  Precondition: v is not null.
inline Type* typeOf(Value v) {
  if (v.isSmallInt()) return types::int_type;
  return static_cast<Type*>(asObj(v)->ob_type.get().asObject());
}

inline Value typeValue(Type* t) { return Value(static_cast<gc::Object*>(t)); }

// Is `sub` the type `base` or derived from it (walks the MRO).
bool isSubtype(Type* sub, Type* base);

inline bool isInstance(Value v, Type* t) {
  Type* vt = typeOf(v);
  return vt == t || isSubtype(vt, t);
}
// Fast exact and subclass checks through the type flags.
inline bool hasTypeFlag(Value v, uint64_t flag) { return typeOf(v)->hasFlag(flag); }

// Allocates an instance of `type` of `bytes` bytes (every field zeroed) with
// its layout and ob_type set.  For var-sized types bytes = basic_size +
// n * item_size.  May collect.
Obj* newObject(Type* type, size_t bytes);
// Like newObject, but the instance never moves (types, interned strings, code).
Obj* newObjectOld(Type* type, size_t bytes);
// newObject for an instance whose size Python code chose (bytes(n), [0] * n):
// null with MemoryError, and nothing allocated, when the heap has no room for
// it (gc::tryAllocate).  `bytes` may be any size_t.
Obj* tryNewObject(Type* type, size_t bytes);

// The type's __name__ as UTF-8 (for error messages): "int", "MyClass".
// tp_name: "int", "collections.deque" (native types of modules), a class's __name__.
std::string typeName(Type* type);
// __name__ alone: "deque".
std::string typeBareName(Type* type);
inline std::string typeNameOf(Value v) { return typeName(typeOf(v)); }

}  // namespace tern
