// The slot table (slots.def) and what is generated from it: wrapper
// descriptors for builtin types and slot functions for classes defined in
// Python (slots.cc).  Private to the object model (type.cc, native.cc,
// slots.cc).
#pragma once

#include <cstddef>
#include <cstring>

#include "runtime/objects/native.h"
#include "runtime/objects/object.h"
#include "runtime/objects/tuple.h"

namespace tern {

enum class WrapperKind : uint8_t {
  kNone,  // the dunder affects the slot but gets no wrapper (__getattr__)
  kUnary, kBinary, kBinaryL, kBinaryR, kTernaryL, kTernaryR, kTernaryInplace,
  kInquiry, kLen, kHash, kCall, kGetattr, kSetattr, kDelattr,
  kRichLt, kRichLe, kRichEq, kRichNe, kRichGt, kRichGe,
  kNext, kDescrGet, kDescrSet, kDescrDelete, kInit, kNew, kDel,
  kSetItem, kDelItem, kContains,
};

struct SlotDef {
  const char* field;   // "nb_add"
  size_t offset;       // offsetof(Slots, nb_add)
  const Value* name;   // &names::__add__
  WrapperKind kind;
};

extern const SlotDef kSlotDefs[];
extern const size_t kSlotDefCount;

inline void* slotGet(const Slots& slots, size_t offset) {
  void* p;
  std::memcpy(&p, reinterpret_cast<const char*>(&slots) + offset, sizeof p);
  return p;
}
inline void slotSet(Slots& slots, size_t offset, void* p) {
  std::memcpy(reinterpret_cast<char*>(&slots) + offset, &p, sizeof p);
}

// Calls the slot function `fn` of kind def->kind as `self.<dunder>(*args, **kw)`
// would (what wrapper descriptors do).
Value callSlotWrapper(const SlotDef* def, void* fn, Value self, const Value* args, size_t nargs, Value kwnames);

// The slot function a class defined in Python gets for `def` (CPython's slot_*),
// which looks the dunder up on the instance's type and calls it.
void* genericSlotFunction(const SlotDef* def);

// Recomputes the slots of `type` reached by the dunder `name` (or every slot
// when `name` is null) from its MRO, then those of its subclasses.
void updateSlots(Type* type, Value name);

// tp_new of `type` used by the `__new__` builtin of builtin types.
extern const MethodDef kTpNewWrapperDef;

// The slot functions of classes defined in Python that other code compares
// slots against (type.cc, abstract.cc).
Value slot_tp_getattr_hook(Value self, Value name);
Value slot_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames);
int slot_tp_init(Value self, const Value* args, size_t nargs, Value kwnames);

}  // namespace tern

namespace tern {
// (args tuple, kwargs dict or null) in vectorcall form: `*storage` a new
// tuple holding the positional then the keyword values, `*kwnames` the
// keyword names (null when none).  Pass items(*storage) as the arguments:
// the pointer into the tuple keeps it pinned while on the stack.
bool toVectorcall(Value args, Value kwargs, Value* storage, Value* kwnames);
inline const Value* tupleItems(Value t) { return reinterpret_cast<const Value*>(asTuple(t)->items); }
}  // namespace tern
