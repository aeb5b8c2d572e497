// types.UnionType: what `int | str` evaluates to (PEP 604), type's nb_or.
//
// Layout: UnionObj holds `args`, a tuple of at least two distinct members
// (types, None as NoneType, generic aliases), flattened and deduplicated in
// order of first appearance.
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* g_union_type = nullptr;

struct UnionObj : Obj {
  gc::HeapValue args;
};

UnionObj* asUnion(Value v) { return static_cast<UnionObj*>(v.asObject()); }
bool isUnion(Value v) { return v.isObject() && typeOf(v) == g_union_type; }
bool isTypeObject(Value v) { return v.isObject() && hasTypeFlag(v, type_flags::kTypeSubclass); }

bool isUnionable(Value v) {
  return isNone(v) || isTypeObject(v) || isUnion(v) || (v.isObject() && typeOf(v) == types::generic_alias_type);
}

bool appendMember(Value list, Value v) {
  if (isNone(v)) v = typeValue(types::none_type);
  for (int64_t i = 0; i < listLength(list); ++i)
    if (listItem(list, i) == v) return true;
  return listAppend(list, v);
}

bool appendFlattened(Value list, Value v) {
  if (isUnion(v)) {
    Value a = asUnion(v)->args.get();
    for (int64_t i = 0; i < tupleLength(a); ++i)
      if (!appendMember(list, tupleItem(a, i))) return false;
    return true;
  }
  return appendMember(list, v);
}

}  // namespace

Value unionArgs(Value v) { return isUnion(v) ? asUnion(v)->args.get() : Value(); }

Value unionOr(Value self, Value other) {
  if (!isUnionable(self) || !isUnionable(other)) return NotImplemented();
  Value list = newList(0);
  if (!appendFlattened(list, self) || !appendFlattened(list, other)) return Value();
  if (listLength(list) == 1) return listItem(list, 0);
  Value args = listAsTuple(list);
  if (args.isNull()) return args;
  auto* u = static_cast<UnionObj*>(newObject(g_union_type, sizeof(UnionObj)));
  u->args.set(args);
  return Value(u);
}

namespace {

Value memberRepr(Value v) {
  if (v == typeValue(types::none_type)) return newStr("None");
  if (isTypeObject(v)) {
    Value mod = lookupAttr(v, names::__module__);
    if (mod.isNull() && errorPending()) return Value();
    Value qual = lookupAttr(v, names::__qualname__);
    if (qual.isNull()) return errorPending() ? Value() : repr(v);
    if (!mod.isNull() && isStr(mod) && !strEqualsAscii(mod, "builtins"))
      return newStr(strToUtf8(mod) + "." + strToUtf8(qual));
    return qual;
  }
  return repr(v);
}

Value union_repr(Value self) {
  Value a = asUnion(self)->args.get();
  std::string out;
  for (int64_t i = 0; i < tupleLength(a); ++i) {
    Value r = memberRepr(tupleItem(asUnion(self)->args.get(), i));
    if (r.isNull()) return r;
    if (i) out += " | ";
    out += strToUtf8(r);
  }
  return newStr(out);
}

bool containsAll(Value a, Value b) {
  for (int64_t i = 0; i < tupleLength(b); ++i) {
    bool found = false;
    for (int64_t j = 0; j < tupleLength(a) && !found; ++j) found = tupleItem(a, j) == tupleItem(b, i);
    if (!found) return false;
  }
  return true;
}

Value union_richcompare(Value self, Value other, int op) {
  if (!isUnion(other) || (op != kEq && op != kNe)) return NotImplemented();
  Value a = asUnion(self)->args.get(), b = asUnion(other)->args.get();
  bool eq = containsAll(a, b) && containsAll(b, a);
  return Bool(op == kEq ? eq : !eq);
}

int64_t union_hash(Value self) {
  Value a = asUnion(self)->args.get();
  uint64_t h = 0x345678;
  for (int64_t i = 0; i < tupleLength(a); ++i) {
    int64_t x = hash(tupleItem(a, i));
    if (x == -1) return -1;
    h ^= static_cast<uint64_t>(x) * 0x9E3779B97F4A7C15ull;  // order-independent
  }
  int64_t r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

Value union_getitem(Value self, Value) {
  Value r = union_repr(self);
  if (r.isNull()) return r;
  return raisef(exc::TypeError, "%s is not a generic class", strToUtf8(r).c_str());
}

Value union_get_args(Value self) { return asUnion(self)->args.get(); }
Value union_get_parameters(Value) { return newTuple(0); }

const GetSetDef kUnionGetSets[] = {
    {.name = "__args__", .get = union_get_args},
    {.name = "__parameters__", .get = union_get_parameters},
};

const uint32_t kUnionFields[] = {offsetof(UnionObj, ob_type), offsetof(UnionObj, args)};
const gc::Layout kUnionLayout = {.name = "UnionType", .fields = kUnionFields};

const TypeSpec kUnionSpec = {
    .name = "UnionType",
    .module = "types",
    .type = &g_union_type,
    .layout = &kUnionLayout,
    .basic_size = sizeof(UnionObj),
    .slots = {.tp_repr = union_repr, .tp_hash = union_hash, .tp_richcompare = union_richcompare, .nb_or = unionOr,
              .mp_subscript = union_getitem},
    .getsets = kUnionGetSets,
    .doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
};
TERN_REGISTER_TYPE(kUnionSpec);

}  // namespace

}  // namespace tern
