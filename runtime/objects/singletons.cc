// The types of the singletons None, NotImplemented and Ellipsis.  The
// objects themselves are allocated once by initializeTypes (type.cc), old and
// never moving; calling a type returns its singleton.
#include "runtime/gc/heap.h"
#include "runtime/objects/int.h"
#include "runtime/objects/type.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_warnings.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

bool noArgs(const char* type_name, size_t nargs, Value kwnames) {
  if (nargs != 0 || (!kwnames.isNull() && tupleLength(kwnames) != 0)) {
    raisef(exc::TypeError, "%s takes no arguments", type_name);
    return false;
  }
  return true;
}

Value none_repr(Value) { return internStr("None"); }
int none_bool(Value) { return 0; }
int64_t singleton_hash(Value v) { return gc::identityHash(v.asObject()); }
Value none_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (!noArgs("NoneType", nargs, kwnames)) return Value();
  return None();
}

Value notimplemented_repr(Value) { return internStr("NotImplemented"); }
int notimplemented_bool(Value) {
  if (!warn(exc::DeprecationWarning, "NotImplemented should not be used in a boolean context")) return -1;
  return 1;
}
Value notimplemented_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (!noArgs("NotImplementedType", nargs, kwnames)) return Value();
  return NotImplemented();
}
Value notimplemented___reduce__(Value*) { return internStr("NotImplemented"); }

Value ellipsis_repr(Value) { return internStr("Ellipsis"); }
Value ellipsis_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (!noArgs("EllipsisType", nargs, kwnames)) return Value();
  return Value(singletons::Ellipsis);
}
Value ellipsis___reduce__(Value*) { return internStr("Ellipsis"); }

const uint32_t kSingletonFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kSingletonLayout = {.name = "singleton", .fields = kSingletonFields};

const TypeSpec kNoneSpec = {
    .name = "NoneType",
    .type = &types::none_type,
    .layout = &kSingletonLayout,
    .basic_size = sizeof(Obj),
    .slots = {.tp_repr = none_repr, .tp_hash = singleton_hash, .tp_new = none_new, .nb_bool = none_bool},
};
TERN_REGISTER_TYPE(kNoneSpec);

const MethodDef kNotImplementedMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = notimplemented___reduce__},
};
const TypeSpec kNotImplementedSpec = {
    .name = "NotImplementedType",
    .type = &types::notimplemented_type,
    .layout = &kSingletonLayout,
    .basic_size = sizeof(Obj),
    .slots = {.tp_repr = notimplemented_repr, .tp_hash = singleton_hash, .tp_new = notimplemented_new,
              .nb_bool = notimplemented_bool},
    .methods = kNotImplementedMethods,
};
TERN_REGISTER_TYPE(kNotImplementedSpec);

const MethodDef kEllipsisMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = ellipsis___reduce__},
};
const TypeSpec kEllipsisSpec = {
    .name = "ellipsis",
    .type = &types::ellipsis_type,
    .layout = &kSingletonLayout,
    .basic_size = sizeof(Obj),
    .slots = {.tp_repr = ellipsis_repr, .tp_hash = singleton_hash, .tp_new = ellipsis_new},
    .methods = kEllipsisMethods,
};
TERN_REGISTER_TYPE(kEllipsisSpec);

}  // namespace

void initializeSingletons() {
  // Each is rooted as soon as it exists: the next allocation may collect.
  static gc::RootVector* keep = new gc::RootVector();
  auto kept = [](Obj* o) {
    keep->push_back(Value(o));
    return o;
  };
  singletons::None = kept(newObjectOld(types::none_type, sizeof(Obj)));
  singletons::NotImplemented = kept(newObjectOld(types::notimplemented_type, sizeof(Obj)));
  singletons::Ellipsis = kept(newObjectOld(types::ellipsis_type, sizeof(Obj)));
  auto* f = static_cast<IntObj*>(kept(newObjectOld(types::bool_type, sizeof(IntObj))));
  f->size = 0;
  singletons::False = f;
  auto* t = static_cast<IntObj*>(kept(newObjectOld(types::bool_type, sizeof(IntObj) + sizeof(objects::bigint::Limb))));
  t->size = 1;
  t->limbs()[0] = 1;
  singletons::True = t;
}

}  // namespace tern
