// types.GenericAlias (genericalias.h): `list[int]`, its repr, equality,
// substitution of type variables (`dict[K, V][str, int]`), and attribute
// access delegated to the origin class, as CPython 3.11's
// Objects/genericaliasobject.c behaves.
//
// `list[int] | None` is type.h's unionOr (types.UnionType).  Not yet:
// `*tuple[int]` unpacking by iteration.
#include "runtime/objects/genericalias.h"

#include <cstddef>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

inline GenericAliasObj* asAlias(Value v) { return static_cast<GenericAliasObj*>(v.asObject()); }

bool isAlias(Value v) { return !v.isSmallInt() && isInstance(v, types::generic_alias_type); }

bool isTypeObject(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kTypeSubclass); }

Value name(const char* s) { return internStr(s); }

Value makeAlias(Type* type, Value origin, Value args) {
  if (!isTuple(args)) {
    args = newTupleOf({args});
    if (args.isNull()) return args;
  }
  Obj* o = newObject(type, type->basic_size);
  auto* a = static_cast<GenericAliasObj*>(o);
  a->origin.set(origin);
  a->args.set(args);
  return Value(o);
}

// Index of `item` in the tuple `t` by identity, or -1.
int64_t tupleIndexOf(Value t, Value item) {
  for (int64_t i = 0; i < tupleLength(t); ++i) {
    if (tupleItem(t, i) == item) return i;
  }
  return -1;
}

// _Py_make_parameters: the type variables among `args`, in order, once each.
Value makeParameters(Value args) {
  Value params = newList();
  if (params.isNull()) return params;
  Value subst_name = name("__typing_subst__");
  Value params_name = name("__parameters__");
  for (int64_t i = 0; i < tupleLength(args); ++i) {
    Value t = tupleItem(args, i);
    if (isTypeObject(t)) continue;
    Value subst = lookupAttr(t, subst_name);
    if (subst.isNull() && errorPending()) return Value();
    if (!subst.isNull()) {
      int r = contains(params, t);
      if (r < 0) return Value();
      if (r == 0 && !listAppend(params, t)) return Value();
      continue;
    }
    Value sub = lookupAttr(t, params_name);
    if (sub.isNull()) {
      if (errorPending()) return Value();
      continue;
    }
    if (!isTuple(sub)) continue;
    for (int64_t j = 0; j < tupleLength(sub); ++j) {
      Value p = tupleItem(sub, j);
      int r = contains(params, p);
      if (r < 0) return Value();
      if (r == 0 && !listAppend(params, p)) return Value();
    }
  }
  return listAsTuple(params);
}

Value parametersOf(Value self) {
  Value p = asAlias(self)->parameters.get();
  if (!p.isNull()) return p;
  p = makeParameters(asAlias(self)->args.get());
  if (p.isNull()) return p;
  asAlias(self)->parameters.set(p);
  return p;
}

// ---------------------------------------------------------------------------
// repr

bool reprItem(std::string& out, Value p);

bool reprItems(std::string& out, Value seq) {
  bool list = isList(seq);
  int64_t n = list ? listLength(seq) : tupleLength(seq);
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0) out += ", ";
    if (!reprItem(out, list ? listItem(seq, i) : tupleItem(seq, i))) return false;
  }
  return true;
}

bool reprItem(std::string& out, Value p) {
  if (p == Value(singletons::Ellipsis)) {
    out += "...";
    return true;
  }
  if (isExactList(p)) {
    out += "[";
    if (!reprItems(out, p)) return false;
    out += "]";
    return true;
  }
  Value origin = lookupAttr(p, name("__origin__"));
  if (origin.isNull() && errorPending()) return false;
  if (!origin.isNull()) {
    Value args = lookupAttr(p, name("__args__"));
    if (args.isNull() && errorPending()) return false;
    if (!args.isNull()) return containers::appendRepr(out, p);  // looks like a GenericAlias
  }
  Value qualname = lookupAttr(p, names::__qualname__);
  if (qualname.isNull()) {
    if (errorPending()) return false;
    return containers::appendRepr(out, p);
  }
  Value module = lookupAttr(p, names::__module__);
  if (module.isNull() || isNone(module)) {
    if (errorPending()) return false;
    return containers::appendRepr(out, p);
  }
  Value q = str(qualname);
  if (q.isNull()) return false;
  if (isStr(module) && strEqualsAscii(module, "builtins")) {
    out += strToUtf8(q);
    return true;
  }
  Value m = str(module);
  if (m.isNull()) return false;
  out += strToUtf8(m) + "." + strToUtf8(q);
  return true;
}

Value ga_repr(Value self) {
  std::string out;
  if (asAlias(self)->starred) out += "*";
  if (!reprItem(out, asAlias(self)->origin.get())) return Value();
  out += "[";
  Value args = asAlias(self)->args.get();
  if (tupleLength(args) == 0) {
    out += "()";
  } else if (!reprItems(out, args)) {
    return Value();
  }
  out += "]";
  return containers::strFromUtf8(out);
}

// ---------------------------------------------------------------------------
// Slots

Value ga_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == types::generic_alias_type && !kwnames.isNull() && tupleLength(kwnames) > 0) {
    return raise(exc::TypeError, "GenericAlias() takes no keyword arguments");
  }
  if (nargs != 2) return raisef(exc::TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
  return makeAlias(type, args[0], args[1]);
}

const char* const kAttrExceptions[] = {
    "__class__",   "__origin__",      "__args__",   "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__",     "__deepcopy__",
};

Value ga_getattro(Value self, Value attr) {
  bool local = false;
  for (const char* e : kAttrExceptions) {
    if (strEqualsAscii(attr, e)) {
      local = true;
      break;
    }
  }
  if (!local) return getAttr(asAlias(self)->origin.get(), attr);
  return genericGetAttr(self, attr);
}

Value ga_richcompare(Value a, Value b, int op) {
  if (!isAlias(a) || !isAlias(b) || (op != kEq && op != kNe)) return NotImplemented();
  if (asAlias(a)->starred != asAlias(b)->starred) return Bool(op == kNe);
  int r = richCompareBool(asAlias(a)->origin.get(), asAlias(b)->origin.get(), kEq);
  if (r < 0) return Value();
  if (r == 0) return Bool(op == kNe);
  return richCompare(asAlias(a)->args.get(), asAlias(b)->args.get(), op);
}

int64_t ga_hash(Value self) {
  int64_t h0 = hash(asAlias(self)->origin.get());
  if (h0 == -1) return -1;
  int64_t h1 = hash(asAlias(self)->args.get());
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

Value ga_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value obj = call(asAlias(self)->origin.get(), args, nargs, kwnames);
  if (obj.isNull()) return obj;
  if (setAttr(obj, name("__orig_class__"), self) < 0) {
    if (!errorMatches(exc::AttributeError) && !errorMatches(exc::TypeError)) return Value();
    clearError();
  }
  return obj;
}

// _Py_subs_parameters: self[item].
Value ga_getitem(Value self, Value item) {
  Value params = parametersOf(self);
  if (params.isNull()) return params;
  int64_t nparams = tupleLength(params);
  if (nparams == 0) {
    Value r = repr(self);
    if (r.isNull()) return r;
    return raisef(exc::TypeError, "%s is not a generic class", strToUtf8(r).c_str());
  }
  Value argitems = isTuple(item) ? item : newTupleOf({item});
  if (argitems.isNull()) return argitems;
  int64_t nitems = tupleLength(argitems);
  if (nitems != nparams) {
    Value r = repr(self);
    if (r.isNull()) return r;
    return raisef(exc::TypeError, "Too %s arguments for %s; actual %lld, expected %lld", nitems > nparams ? "many" : "few",
                  strToUtf8(r).c_str(), static_cast<long long>(nitems), static_cast<long long>(nparams));
  }
  Value args = asAlias(self)->args.get();
  Value newargs = newList(tupleLength(args));
  if (newargs.isNull()) return newargs;
  Value subst_name = name("__typing_subst__");
  for (int64_t i = 0; i < tupleLength(args); ++i) {
    Value arg = tupleItem(args, i);
    if (!isTypeObject(arg)) {
      Value subst = lookupAttr(arg, subst_name);
      if (subst.isNull() && errorPending()) return Value();
      if (!subst.isNull()) {
        int64_t k = tupleIndexOf(params, arg);
        arg = call1(subst, tupleItem(argitems, k < 0 ? 0 : k));
        if (arg.isNull()) return arg;
      } else {
        Value sub = lookupAttr(arg, name("__parameters__"));
        if (sub.isNull() && errorPending()) return Value();
        if (!sub.isNull() && isTuple(sub) && tupleLength(sub) > 0) {
          Value subargs = newTuple(tupleLength(sub));
          if (subargs.isNull()) return subargs;
          for (int64_t j = 0; j < tupleLength(sub); ++j) {
            int64_t k = tupleIndexOf(params, tupleItem(sub, j));
            tupleInit(subargs, j, k < 0 ? tupleItem(sub, j) : tupleItem(argitems, k));
          }
          arg = getItem(arg, tupleLength(subargs) == 1 ? tupleItem(subargs, 0) : subargs);
          if (arg.isNull()) return arg;
        }
      }
    }
    if (!listAppend(newargs, arg)) return Value();
  }
  Value t = listAsTuple(newargs);
  if (t.isNull()) return t;
  Value res = makeAlias(types::generic_alias_type, asAlias(self)->origin.get(), t);
  if (!res.isNull()) asAlias(res)->starred = asAlias(self)->starred;
  return res;
}

// ---------------------------------------------------------------------------
// Methods and attributes

Value ga___mro_entries__(Value* args) { return newTupleOf({asAlias(args[0])->origin.get()}); }

Value ga___instancecheck__(Value* /*args*/) {
  return raise(exc::TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

Value ga___subclasscheck__(Value* /*args*/) {
  return raise(exc::TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

Value ga___reduce__(Value* args) {
  Value self = args[0];
  Value inner = newTupleOf({asAlias(self)->origin.get(), asAlias(self)->args.get()});
  if (inner.isNull()) return inner;
  return newTupleOf({typeValue(typeOf(self)), inner});
}

Value ga_get_parameters(Value self) { return parametersOf(self); }

Value ga_get_unpacked_tuple_args(Value self) {
  if (asAlias(self)->starred && asAlias(self)->origin.get() == typeValue(types::tuple_type)) {
    return asAlias(self)->args.get();
  }
  return None();
}

const uint32_t kAliasFields[] = {offsetof(Obj, ob_type), offsetof(GenericAliasObj, origin),
                                 offsetof(GenericAliasObj, args), offsetof(GenericAliasObj, parameters)};
const gc::Layout kAliasLayout = {.name = "GenericAlias", .fields = kAliasFields};

const MethodDef kAliasMethods[] = {
    {.name = "__mro_entries__", .signature = "($self, bases, /)", .fn = ga___mro_entries__},
    {.name = "__instancecheck__", .signature = "($self, obj, /)", .fn = ga___instancecheck__},
    {.name = "__subclasscheck__", .signature = "($self, cls, /)", .fn = ga___subclasscheck__},
    {.name = "__reduce__", .signature = "($self, /)", .fn = ga___reduce__},
};

const MemberDef kAliasMembers[] = {
    {.name = "__origin__", .kind = MemberKind::kObject, .offset = offsetof(GenericAliasObj, origin), .readonly = true},
    {.name = "__args__", .kind = MemberKind::kObject, .offset = offsetof(GenericAliasObj, args), .readonly = true},
    {.name = "__unpacked__", .kind = MemberKind::kBool, .offset = offsetof(GenericAliasObj, starred), .readonly = true},
};

const GetSetDef kAliasGetSets[] = {
    {.name = "__parameters__", .get = ga_get_parameters, .doc = "Type variables in the GenericAlias."},
    {.name = "__typing_unpacked_tuple_args__", .get = ga_get_unpacked_tuple_args},
};

const TypeSpec kAliasSpec = {
    .name = "GenericAlias",
    .module = "types",
    .type = &types::generic_alias_type,
    .layout = &kAliasLayout,
    .basic_size = sizeof(GenericAliasObj),
    .flags = type_flags::kBaseType,
    .slots =
        {
            .tp_repr = ga_repr,
            .tp_hash = ga_hash,
            .tp_call = ga_call,
            .tp_getattro = ga_getattro,
            .tp_richcompare = ga_richcompare,
            .tp_new = ga_new,
            .nb_or = unionOr,
            .mp_subscript = ga_getitem,
        },
    .methods = kAliasMethods,
    .getsets = kAliasGetSets,
    .members = kAliasMembers,
    .doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kAliasSpec);

}  // namespace

Value newGenericAlias(Value origin, Value args) { return makeAlias(types::generic_alias_type, origin, args); }

}  // namespace tern
