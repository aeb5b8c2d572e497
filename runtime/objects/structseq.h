// Struct sequences (CPython's structseq): named tuples of the runtime, such
// as sys.version_info and sys.float_info.  A struct sequence type is a tuple
// subclass declared by a TypeSpec whose members are its fields, in order:
// each field is a read-only member reading the tuple item it names.
//
// Declare one with TERN_STRUCTSEQ_FIELD for each field and
// structseqSpec-style initialisers (see sys.cc); instances come from
// newStructSeq, whose items the caller fills with tupleInit.
#pragma once

#include <cstddef>

#include "runtime/objects/native.h"
#include "runtime/objects/tuple.h"

namespace tern {

// The member of field `i`: a read-only member over tuple item i.
constexpr MemberDef structseqField(const char* name, size_t i, const char* doc = nullptr) {
  return {.name = name,
          .kind = MemberKind::kObject,
          .offset = static_cast<uint32_t>(sizeof(TupleObj) + i * sizeof(gc::HeapValue)),
          .readonly = true,
          .doc = doc};
}

// A new instance of struct sequence type `type` with null items to fill.
Value newStructSeq(Type* type);

// The slots every struct sequence type uses (repr "sys.version_info(major=3,
// ...)", and __new__ from a sequence); put them in the TypeSpec.
Value structseq_repr(Value self);
Value structseq_new(Type* type, const Value* args, size_t nargs, Value kwnames);
extern const MethodDef kStructSeqMethods[1];  // __reduce__

// Declares and registers the TypeSpec `var` of the struct sequence type
// `module.python_name` with the member table `fields`, created into the
// Type* `type_slot`.
#define TERN_STRUCTSEQ_TYPE(var, module_name, python_name, fields, type_slot)          \
  const ::tern::TypeSpec var = {.name = python_name,                                   \
                                .module = module_name,                                 \
                                .type = &type_slot,                                    \
                                .base = &::tern::types::tuple_type,                    \
                                .slots = {.tp_repr = ::tern::structseq_repr,           \
                                          .tp_new = ::tern::structseq_new},            \
                                .methods = ::tern::kStructSeqMethods,                  \
                                .members = fields};                                    \
  TERN_REGISTER_TYPE(var)

}  // namespace tern
