// types.SimpleNamespace: an object whose attributes are its __dict__
// (sys.implementation is one).
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

struct NamespaceObj : Obj {
  gc::HeapValue dict;
};

NamespaceObj* asNamespace(Value v) { return static_cast<NamespaceObj*>(v.asObject()); }

Value namespaceDict(Value self) {
  Value d = asNamespace(self)->dict.get();
  if (d.isNull()) {
    d = newDict();
    asNamespace(self)->dict.set(d);
  }
  return d;
}

Value SimpleNamespace_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  return Value(newObject(type, type->basic_size));
}

int SimpleNamespace_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) {
    raise(exc::TypeError, "no positional arguments expected");
    return -1;
  }
  if (kwnames.isNull()) return 0;
  Value d = namespaceDict(self);
  for (int64_t i = 0; i < tupleLength(kwnames); ++i) {
    if (dictSet(d, tupleItem(kwnames, i), args[i]) < 0) return -1;
  }
  return 0;
}

Value SimpleNamespace_repr(Value self) {
  std::string name = typeOf(self) == types::namespace_type ? "namespace" : typeNameOf(self);
  int entered = reprEnter(self);
  if (entered < 0) return Value();
  if (entered > 0) return newStr(name + "(...)");
  std::string out = name + "(";
  Value d = namespaceDict(self);
  int64_t pos = 0;
  Value key, value;
  bool first = true;
  while (dictNext(d, &pos, &key, &value)) {
    if (!isStr(key)) continue;
    Value r = repr(value);
    if (r.isNull()) {
      reprLeave(self);
      return Value();
    }
    if (!first) out += ", ";
    first = false;
    out += strToUtf8(key) + "=" + strToUtf8(r);
  }
  reprLeave(self);
  return newStr(out + ")");
}

Value SimpleNamespace_richcompare(Value a, Value b, int op) {
  bool both = isInstance(a, types::namespace_type) && isInstance(b, types::namespace_type);
  if (!both || (op != kEq && op != kNe)) return NotImplemented();
  return richCompare(namespaceDict(a), namespaceDict(b), op);
}

Value SimpleNamespace___reduce__(Value* args) {
  Value self = args[0];
  return newTupleOf({typeValue(typeOf(self)), newTuple(0), namespaceDict(self)});
}

constexpr uint32_t kNamespaceFields[] = {offsetof(NamespaceObj, dict)};
const gc::Layout kNamespaceLayout = {.name = "SimpleNamespace", .fields = kNamespaceFields};

const MethodDef kNamespaceMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = SimpleNamespace___reduce__,
     .doc = "Return state information for pickling"},
};

const TypeSpec kNamespaceSpec = {
    .name = "SimpleNamespace",
    .module = "types",
    .type = &types::namespace_type,
    .layout = &kNamespaceLayout,
    .basic_size = sizeof(NamespaceObj),
    .flags = type_flags::kBaseType | type_flags::kHasDict,
    .slots = {.tp_repr = SimpleNamespace_repr,
              .tp_richcompare = SimpleNamespace_richcompare,
              .tp_init = SimpleNamespace_init,
              .tp_new = SimpleNamespace_new},
    .methods = kNamespaceMethods,
    .doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)",
    .dict_offset = static_cast<int32_t>(offsetof(NamespaceObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kNamespaceSpec);

}  // namespace

}  // namespace tern
