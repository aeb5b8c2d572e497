#include "runtime/objects/structseq.h"

#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

// The fields of a struct sequence type: its spec's members, or its nearest
// native base's for Python subclasses.
std::span<const MemberDef> fieldsOf(Type* type) {
  for (Type* t = type; t != nullptr; t = static_cast<Type*>(t->base.get().asObject())) {
    if (t->spec != nullptr && !t->spec->members.empty()) return t->spec->members;
  }
  return {};
}

// "sys.version_info": the module-qualified name CPython prints.
std::string qualifiedName(Type* type) {
  return typeName(type);
}

Value structseq___reduce__(Value* args) {
  Value self = args[0];
  Value items = newTupleFrom(nullptr, 0);
  int64_t n = tupleLength(self);
  items = newTuple(n);
  for (int64_t i = 0; i < n; ++i) tupleInit(items, i, tupleItem(self, i));
  return newTupleOf({typeValue(typeOf(self)), newTupleOf({items})});
}

}  // namespace

const MethodDef kStructSeqMethods[1] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = structseq___reduce__},
};

Value newStructSeq(Type* type) {
  int64_t n = static_cast<int64_t>(fieldsOf(type).size());
  Obj* o = newObject(type, type->basic_size + static_cast<size_t>(n) * sizeof(gc::HeapValue));
  TupleObj* t = static_cast<TupleObj*>(o);
  t->length = n;
  t->hash = -1;
  return Value(o);
}

Value structseq_repr(Value self) {
  std::span<const MemberDef> fields = fieldsOf(typeOf(self));
  std::string out = qualifiedName(typeOf(self)) + "(";
  for (size_t i = 0; i < fields.size() && static_cast<int64_t>(i) < tupleLength(self); ++i) {
    Value r = repr(tupleItem(self, static_cast<int64_t>(i)));
    if (r.isNull()) return Value();
    if (i > 0) out += ", ";
    out += std::string(fields[i].name) + "=" + strToUtf8(r);
  }
  return newStr(out + ")");
}

Value structseq_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    return raisef(exc::TypeError, "%s() takes no keyword arguments", typeName(type).c_str());
  }
  if (nargs != 1) {
    return raisef(exc::TypeError, "%s() takes at most 2 arguments (%zu given)", typeName(type).c_str(), nargs);
  }
  Value items = tupleFromIterable(args[0]);
  if (items.isNull()) return Value();
  int64_t n = static_cast<int64_t>(fieldsOf(type).size());
  if (tupleLength(items) != n) {
    return raisef(exc::TypeError, "%s() takes a %lld-sequence (%lld-sequence given)", qualifiedName(type).c_str(),
                  static_cast<long long>(n), static_cast<long long>(tupleLength(items)));
  }
  Value self = newStructSeq(type);
  for (int64_t i = 0; i < n; ++i) tupleInit(self, i, tupleItem(items, i));
  return self;
}

}  // namespace tern
