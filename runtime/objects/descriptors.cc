// property, classmethod, staticmethod, super and mappingproxy
// (descriptors.h).
//
// classmethod and staticmethod share StaticMethodObj: the wrapped callable
// and an instance __dict__ (they copy __name__, __qualname__, __doc__,
// __module__ and __annotations__ of the callable into it, as 3.10+ do).
#include <string>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/method.h"
#include "runtime/objects/slots.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* asType(Value v) { return static_cast<Type*>(v.asObject()); }
bool isTypeObject(Value v) { return v.isObject() && hasTypeFlag(v, type_flags::kTypeSubclass); }
bool hasKeywords(Value kwnames) { return !kwnames.isNull() && tupleLength(kwnames) != 0; }

Value genericAlloc(Type* type, const Value*, size_t, Value) { return newObject(type, type->basic_size); }

// ===========================================================================
// property

PropertyObj* asProperty(Value v) { return static_cast<PropertyObj*>(v.asObject()); }

Value orNull(Value v) { return (v.isNull() || isNone(v)) ? Value() : v; }
Value orNone(Value v) { return v.isNull() ? None() : v; }

std::string ownerQualname(Value obj) {
  Type* t = typeOf(obj);
  Value q = t->hasFlag(type_flags::kHeapType) ? t->qualname.get() : t->name.get();
  return strToUtf8(q);
}

Value property_get(Value self, Value obj, Value) {
  PropertyObj* p = asProperty(self);
  if (obj.isNull() || isNone(obj)) return self;
  Value fget = p->fget.get();
  if (fget.isNull()) {
    Value name = p->name.get();
    if (!name.isNull()) {
      return raisef(exc::AttributeError, "property %s of '%s' object has no getter", strToUtf8(repr(name)).c_str(),
                    ownerQualname(obj).c_str());
    }
    return raisef(exc::AttributeError, "property of '%s' object has no getter", ownerQualname(obj).c_str());
  }
  return call1(fget, obj);
}

int property_set(Value self, Value obj, Value value) {
  PropertyObj* p = asProperty(self);
  Value fn = value.isNull() ? p->fdel.get() : p->fset.get();
  if (fn.isNull()) {
    const char* what = value.isNull() ? "deleter" : "setter";
    Value name = p->name.get();
    if (!name.isNull()) {
      raisef(exc::AttributeError, "property %s of '%s' object has no %s", strToUtf8(repr(name)).c_str(),
             ownerQualname(obj).c_str(), what);
    } else {
      raisef(exc::AttributeError, "property of '%s' object has no %s", ownerQualname(obj).c_str(), what);
    }
    return -1;
  }
  Value r = value.isNull() ? call1(fn, obj) : call2(fn, obj, value);
  return r.isNull() ? -1 : 0;
}

const MethodDef kPropertyInitDef = {.name = "property",
                                    .signature = "(fget=None, fset=None, fdel=None, doc=None)"};

int property_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!bindArguments(&kPropertyInitDef, Value(), args, nargs, kwnames, a)) return -1;
  PropertyObj* p = asProperty(self);
  p->fget.set(orNull(a[0]));
  p->fset.set(orNull(a[1]));
  p->fdel.set(orNull(a[2]));
  Value doc = a[3];
  p->getter_doc = 0;
  if (isNone(doc) && !orNull(a[0]).isNull()) {
    Value d = lookupAttr(a[0], names::__doc__);
    if (d.isNull() && errorPending()) return -1;
    if (!d.isNull()) {
      doc = d;
      asProperty(self)->getter_doc = 1;
    }
  }
  asProperty(self)->doc.set(orNull(doc));
  // A subclass keeps the doc in its instance __dict__ (its __doc__ class
  // attribute would otherwise hide it).
  if (typeOf(self) != types::property_type && !isNone(doc)) {
    if (setAttr(self, names::__doc__, doc) < 0) {
      if (!errorMatches(exc::AttributeError)) return -1;
      clearError();
    }
  }
  return 0;
}

Value propertyCopy(Value self, Value fget, Value fset, Value fdel) {
  PropertyObj* p = asProperty(self);
  if (fget.isNull()) fget = orNone(p->fget.get());
  if (fset.isNull()) fset = orNone(p->fset.get());
  if (fdel.isNull()) fdel = orNone(p->fdel.get());
  Value doc = p->getter_doc != 0 && !isNone(fget) ? None() : orNone(p->doc.get());
  Value args[4] = {fget, fset, fdel, doc};
  Value name = p->name.get();
  Value r = call(typeValue(typeOf(self)), args, 4);
  if (r.isNull()) return r;
  if (isInstance(r, types::property_type)) asProperty(r)->name.set(name);
  return r;
}

Value property_getter(Value* args) { return propertyCopy(args[0], args[1], Value(), Value()); }
Value property_setter(Value* args) { return propertyCopy(args[0], Value(), args[1], Value()); }
Value property_deleter(Value* args) { return propertyCopy(args[0], Value(), Value(), args[1]); }
Value property___set_name__(Value* args) {
  asProperty(args[0])->name.set(args[2]);
  return None();
}

int truthAttr(Value v, Value name) {
  if (v.isNull()) return 0;
  Value a = lookupAttr(v, name);
  if (a.isNull()) return errorPending() ? -1 : 0;
  return isTrue(a);
}

Value property_get_isabstract(Value self) {
  PropertyObj* p = asProperty(self);
  Value name = internStr("__isabstractmethod__");
  for (Value f : {p->fget.get(), p->fset.get(), p->fdel.get()}) {
    int r = truthAttr(f, name);
    if (r < 0) return Value();
    if (r > 0) return True();
  }
  return False();
}

const MethodDef kPropertyMethods[] = {
    {.name = "getter", .signature = "($self, fget, /)", .fn = property_getter,
     .doc = "Descriptor to obtain a copy of the property with a different getter."},
    {.name = "setter", .signature = "($self, fset, /)", .fn = property_setter,
     .doc = "Descriptor to obtain a copy of the property with a different setter."},
    {.name = "deleter", .signature = "($self, fdel, /)", .fn = property_deleter,
     .doc = "Descriptor to obtain a copy of the property with a different deleter."},
    {.name = "__set_name__", .signature = "($self, owner, name, /)", .fn = property___set_name__,
     .doc = "Method to set name of a property."},
};

const MemberDef kPropertyMembers[] = {
    {.name = "fget", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(PropertyObj, fget), .readonly = true},
    {.name = "fset", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(PropertyObj, fset), .readonly = true},
    {.name = "fdel", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(PropertyObj, fdel), .readonly = true},
    {.name = "__doc__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(PropertyObj, doc)},
};

const GetSetDef kPropertyGetSets[] = {
    {.name = "__isabstractmethod__", .get = property_get_isabstract},
};

const uint32_t kPropertyFields[] = {offsetof(PropertyObj, ob_type), offsetof(PropertyObj, fget),
                                    offsetof(PropertyObj, fset),    offsetof(PropertyObj, fdel),
                                    offsetof(PropertyObj, doc),     offsetof(PropertyObj, name)};
const gc::Layout kPropertyLayout = {.name = "property", .fields = kPropertyFields};

const TypeSpec kPropertySpec = {
    .name = "property",
    .type = &types::property_type,
    .layout = &kPropertyLayout,
    .basic_size = sizeof(PropertyObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_descr_get = property_get, .tp_descr_set = property_set, .tp_init = property_init,
              .tp_new = genericAlloc},
    .methods = kPropertyMethods,
    .getsets = kPropertyGetSets,
    .members = kPropertyMembers,
    .doc = "Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n    "
           "function to be used for setting an attribute value\n  fdel\n    function to be used for del'ing an "
           "attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\nclass C(object):\n"
           "    def getx(self): return self._x\n    def setx(self, value): self._x = value\n    def delx(self): "
           "del self._x\n    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\nDecorators make defining "
           "new properties or modifying existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n"
           "        \"I am the 'x' property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n"
           "        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x",
};
TERN_REGISTER_TYPE(kPropertySpec);

// ===========================================================================
// classmethod and staticmethod

StaticMethodObj* asSM(Value v) { return static_cast<StaticMethodObj*>(v.asObject()); }

bool copyWrappedAttrs(Value self, Value callable) {
  static const Value* kNames[] = {&names::__module__, &names::__name__, &names::__qualname__, &names::__doc__,
                                  &names::__annotations__};
  for (const Value* n : kNames) {
    Value v = lookupAttr(callable, *n);
    if (v.isNull()) {
      if (errorPending()) return false;
      continue;
    }
    Value d = instanceDict(self);
    if (d.isNull()) return !errorPending();
    if (dictSet(d, *n, v) < 0) return false;
  }
  return true;
}

int wrapperInit(const char* name, Value self, const Value* args, size_t nargs, Value kwnames) {
  if (hasKeywords(kwnames)) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs != 1) {
    raisef(exc::TypeError, "%s expected 1 argument, got %zu", name, nargs);
    return -1;
  }
  asSM(self)->callable.set(args[0]);
  return copyWrappedAttrs(self, args[0]) ? 0 : -1;
}

int classmethod_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return wrapperInit("classmethod", self, args, nargs, kwnames);
}
int staticmethod_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return wrapperInit("staticmethod", self, args, nargs, kwnames);
}

Value classmethod_get(Value self, Value obj, Value type) {
  Value callable = asSM(self)->callable.get();
  if (callable.isNull()) return raise(exc::RuntimeError, "uninitialized classmethod object");
  if (type.isNull()) type = typeValue(typeOf(obj));
  DescrGetFn get = typeOf(callable)->slots.tp_descr_get;
  if (get != nullptr) return get(callable, type, type);  // 3.9-3.12 chain through __get__
  return newMethod(callable, type);
}

Value staticmethod_get(Value self, Value, Value) {
  Value callable = asSM(self)->callable.get();
  if (callable.isNull()) return raise(exc::RuntimeError, "uninitialized staticmethod object");
  return callable;
}

Value staticmethod_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  return call(asSM(self)->callable.get(), args, nargs, kwnames);
}

Value smRepr(const char* kind, Value self) {
  Value c = asSM(self)->callable.get();
  Value r = c.isNull() ? newStr("NULL") : repr(c);
  if (r.isNull()) return r;
  return newStr(std::string("<") + kind + "(" + strToUtf8(r) + ")>");
}
Value classmethod_repr(Value self) { return smRepr("classmethod", self); }
Value staticmethod_repr(Value self) { return smRepr("staticmethod", self); }

Value sm_get_isabstract(Value self) {
  int r = truthAttr(asSM(self)->callable.get(), internStr("__isabstractmethod__"));
  if (r < 0) return Value();
  return Bool(r > 0);
}
Value sm_get_dict(Value self) { return instanceDict(self); }
int sm_set_dict(Value self, Value v) {
  if (v.isNull() || !isDict(v)) {
    raise(exc::TypeError, "__dict__ must be set to a dictionary");
    return -1;
  }
  asSM(self)->dict.set(v);
  return 0;
}

const MemberDef kSMMembers[] = {
    {.name = "__func__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(StaticMethodObj, callable),
     .readonly = true},
    {.name = "__wrapped__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(StaticMethodObj, callable),
     .readonly = true},
};

const GetSetDef kSMGetSets[] = {
    {.name = "__isabstractmethod__", .get = sm_get_isabstract},
    {.name = "__dict__", .get = sm_get_dict, .set = sm_set_dict},
};

const uint32_t kSMFields[] = {offsetof(StaticMethodObj, ob_type), offsetof(StaticMethodObj, callable),
                              offsetof(StaticMethodObj, dict)};
const gc::Layout kSMLayout = {.name = "staticmethod", .fields = kSMFields};

const TypeSpec kClassMethodSpec = {
    .name = "classmethod",
    .type = &types::classmethod_type,
    .layout = &kSMLayout,
    .basic_size = sizeof(StaticMethodObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = classmethod_repr, .tp_descr_get = classmethod_get, .tp_init = classmethod_init,
              .tp_new = genericAlloc},
    .getsets = kSMGetSets,
    .members = kSMMembers,
    .doc = "classmethod(function) -> method\n\nConvert a function to be a class method.",
    .dict_offset = static_cast<int32_t>(offsetof(StaticMethodObj, dict)),
};
TERN_REGISTER_TYPE(kClassMethodSpec);

const TypeSpec kStaticMethodSpec = {
    .name = "staticmethod",
    .type = &types::staticmethod_type,
    .layout = &kSMLayout,
    .basic_size = sizeof(StaticMethodObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = staticmethod_repr, .tp_call = staticmethod_call, .tp_descr_get = staticmethod_get,
              .tp_init = staticmethod_init, .tp_new = genericAlloc},
    .getsets = kSMGetSets,
    .members = kSMMembers,
    .doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.",
    .dict_offset = static_cast<int32_t>(offsetof(StaticMethodObj, dict)),
};
TERN_REGISTER_TYPE(kStaticMethodSpec);

}  // namespace

Value newStaticMethod(Value callable) {
  Value c = callable;
  Value sm = newObject(types::staticmethod_type, sizeof(StaticMethodObj));
  asSM(sm)->callable.set(c);
  return sm;
}

Value newClassMethod(Value callable) {
  Value c = callable;
  Value cm = newObject(types::classmethod_type, sizeof(StaticMethodObj));
  asSM(cm)->callable.set(c);
  if (!copyWrappedAttrs(cm, c)) return Value();
  return cm;
}

namespace {

// ===========================================================================
// super

SuperObj* asSuper(Value v) { return static_cast<SuperObj*>(v.asObject()); }

// The type whose MRO super(type, obj) searches; null with TypeError.
Type* superCheck(Type* type, Value obj) {
  if (isTypeObject(obj) && isSubtype(asType(obj), type)) return asType(obj);
  if (isSubtype(typeOf(obj), type)) return typeOf(obj);
  Value cls = lookupAttr(obj, names::__class__);
  if (cls.isNull() && errorPending()) return nullptr;
  if (!cls.isNull() && isTypeObject(cls) && cls != typeValue(typeOf(obj)) && isSubtype(asType(cls), type))
    return asType(cls);
  raise(exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

int super_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (hasKeywords(kwnames)) {
    raise(exc::TypeError, "super() takes no keyword arguments");
    return -1;
  }
  if (nargs > 2) {
    raisef(exc::TypeError, "super() expected at most 2 arguments, got %zu", nargs);
    return -1;
  }
  Value type, obj;
  if (nargs == 0) {
    if (!currentFrameSuperArgs(&type, &obj)) return -1;
  } else {
    type = args[0];
    if (nargs == 2 && !isNone(args[1])) obj = args[1];
  }
  if (!isTypeObject(type)) {
    raisef(exc::TypeError, "super() argument 1 must be a type, not %s", typeNameOf(type).c_str());
    return -1;
  }
  Type* obj_type = nullptr;
  if (!obj.isNull()) {
    obj_type = superCheck(asType(type), obj);
    if (obj_type == nullptr) return -1;
  }
  SuperObj* s = asSuper(self);
  s->type.set(type);
  s->obj.set(obj);
  s->obj_type.set(obj_type != nullptr ? typeValue(obj_type) : Value());
  return 0;
}

Value super_getattro(Value self, Value name) {
  SuperObj* s = asSuper(self);
  Value st = s->obj_type.get();
  if (!st.isNull() && !strEquals(name, names::__class__)) {
    Value mro = asType(st)->mro.get();
    int64_t n = mro.isNull() ? 0 : tupleLength(mro);
    int64_t i = 0;
    for (; i + 1 < n; ++i)
      if (tupleItem(mro, i) == s->type.get()) break;
    ++i;
    for (; i < n; ++i) {
      Value d = asType(tupleItem(mro, i))->dict.get();
      Value res = dictGet(d, name);
      if (res.isNull()) {
        if (errorPending()) return Value();
        continue;
      }
      DescrGetFn get = typeOf(res)->slots.tp_descr_get;
      if (get != nullptr) {
        Value obj = asSuper(self)->obj.get();
        Value ot = asSuper(self)->obj_type.get();
        return get(res, obj == ot ? Value() : obj, ot);
      }
      return res;
    }
  }
  return genericGetAttr(self, name);
}

Value super_descr_get(Value self, Value obj, Value) {
  SuperObj* s = asSuper(self);
  if (obj.isNull() || isNone(obj) || !s->obj.get().isNull()) return self;
  Value args[2] = {s->type.get(), obj};
  return call(typeValue(typeOf(self)), args, 2);
}

Value super_repr(Value self) {
  SuperObj* s = asSuper(self);
  std::string t = "<class '" + typeName(asType(s->type.get())) + "'>";
  if (s->obj_type.get().isNull()) return newStr("<super: " + t + ", NULL>");
  return newStr("<super: " + t + ", <" + typeName(asType(s->obj_type.get())) + " object>>");
}

const MemberDef kSuperMembers[] = {
    {.name = "__thisclass__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(SuperObj, type),
     .readonly = true, .doc = "the class invoking super()"},
    {.name = "__self__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(SuperObj, obj), .readonly = true,
     .doc = "the instance invoking super(); may be None"},
    {.name = "__self_class__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(SuperObj, obj_type),
     .readonly = true, .doc = "the type of the instance invoking super(); may be None"},
};

const uint32_t kSuperFields[] = {offsetof(SuperObj, ob_type), offsetof(SuperObj, type), offsetof(SuperObj, obj),
                                 offsetof(SuperObj, obj_type)};
const gc::Layout kSuperLayout = {.name = "super", .fields = kSuperFields};

const TypeSpec kSuperSpec = {
    .name = "super",
    .type = &types::super_type,
    .layout = &kSuperLayout,
    .basic_size = sizeof(SuperObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = super_repr, .tp_getattro = super_getattro, .tp_descr_get = super_descr_get,
              .tp_init = super_init, .tp_new = genericAlloc},
    .members = kSuperMembers,
    .doc = "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, "
           "obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; "
           "requires issubclass(type2, type)",
};
TERN_REGISTER_TYPE(kSuperSpec);

// ===========================================================================
// mappingproxy

Value mp(Value self) { return static_cast<MappingProxyObj*>(self.asObject())->mapping.get(); }

Value mappingproxy_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const MethodDef def = {.name = "mappingproxy", .signature = "(mapping)"};
  Value a[1];
  if (!bindArguments(&def, Value(), args, nargs, kwnames, a)) return Value();
  Value m = a[0];
  Type* t = typeOf(m);
  if (t->slots.mp_subscript == nullptr || hasTypeFlag(m, type_flags::kListSubclass) ||
      hasTypeFlag(m, type_flags::kTupleSubclass)) {
    return raisef(exc::TypeError, "mappingproxy() argument must be a mapping, not %s", typeNameOf(m).c_str());
  }
  return newMappingProxy(m);
}

Value mappingproxy_getitem(Value self, Value key) { return getItem(mp(self), key); }
int64_t mappingproxy_len(Value self) { return length(mp(self)); }
int mappingproxy_contains(Value self, Value key) {
  if (isExactDict(mp(self))) return dictContains(mp(self), key);
  return contains(mp(self), key);
}
Value mappingproxy_iter(Value self) { return getIter(mp(self)); }
Value mappingproxy_repr(Value self) {
  Value r = repr(mp(self));
  if (r.isNull()) return r;
  return newStr("mappingproxy(" + strToUtf8(r) + ")");
}
Value mappingproxy_str(Value self) { return str(mp(self)); }
Value mappingproxy_richcompare(Value self, Value other, int op) { return richCompare(mp(self), other, op); }
Value mappingproxy_or(Value a, Value b) {
  if (typeOf(a) == types::mappingproxy_type) a = mp(a);
  if (typeOf(b) == types::mappingproxy_type) b = mp(b);
  return binaryOp(a, b, BinOp::kOr);
}
Value mappingproxy_ior(Value a, Value) {
  return raisef(exc::TypeError, "'|=' is not supported by %s; use '|' instead", typeNameOf(a).c_str());
}

Value forward(Value self, const char* method, const Value* args, size_t nargs) {
  return callMethod(mp(self), internStr(method), args, nargs);
}
Value mappingproxy_get(Value* args) {
  Value a[2] = {args[1], args[2]};
  return forward(args[0], "get", a, 2);
}
Value mappingproxy_keys(Value* args) { return forward(args[0], "keys", nullptr, 0); }
Value mappingproxy_values(Value* args) { return forward(args[0], "values", nullptr, 0); }
Value mappingproxy_items(Value* args) { return forward(args[0], "items", nullptr, 0); }
Value mappingproxy_copy(Value* args) { return forward(args[0], "copy", nullptr, 0); }
Value mappingproxy___reversed__(Value* args) { return forward(args[0], "__reversed__", nullptr, 0); }
Value mappingproxy___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

const MethodDef kMappingProxyMethods[] = {
    {.name = "get", .signature = "($self, key, default=None, /)", .fn = mappingproxy_get,
     .doc = "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {.name = "keys", .signature = "($self, /)", .fn = mappingproxy_keys, .doc = "D.keys() -> a set-like object providing a view on D's keys"},
    {.name = "values", .signature = "($self, /)", .fn = mappingproxy_values, .doc = "D.values() -> an object providing a view on D's values"},
    {.name = "items", .signature = "($self, /)", .fn = mappingproxy_items, .doc = "D.items() -> a set-like object providing a view on D's items"},
    {.name = "copy", .signature = "($self, /)", .fn = mappingproxy_copy, .doc = "D.copy() -> a shallow copy of D"},
    {.name = "__reversed__", .signature = "($self, /)", .fn = mappingproxy___reversed__,
     .doc = "D.__reversed__() -> reverse iterator"},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = mappingproxy___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const uint32_t kMappingProxyFields[] = {offsetof(MappingProxyObj, ob_type), offsetof(MappingProxyObj, mapping)};
const gc::Layout kMappingProxyLayout = {.name = "mappingproxy", .fields = kMappingProxyFields};

const TypeSpec kMappingProxySpec = {
    .name = "mappingproxy",
    .type = &types::mappingproxy_type,
    .layout = &kMappingProxyLayout,
    .basic_size = sizeof(MappingProxyObj),
    .flags = type_flags::kMapping,
    .slots = {.tp_repr = mappingproxy_repr,
              .tp_str = mappingproxy_str,
              .tp_hash = hashNotImplemented,
              .tp_richcompare = mappingproxy_richcompare,
              .tp_iter = mappingproxy_iter,
              .tp_new = mappingproxy_new,
              .nb_or = mappingproxy_or,
              .nb_inplace_or = mappingproxy_ior,
              .mp_length = mappingproxy_len,
              .mp_subscript = mappingproxy_getitem,
              .sq_contains = mappingproxy_contains},
    .methods = kMappingProxyMethods,
};
TERN_REGISTER_TYPE(kMappingProxySpec);

}  // namespace

Value newMappingProxy(Value mapping) {
  Value m = mapping;
  Value p = newObject(types::mappingproxy_type, sizeof(MappingProxyObj));
  static_cast<MappingProxyObj*>(p.asObject())->mapping.set(m);
  return p;
}

}  // namespace tern
