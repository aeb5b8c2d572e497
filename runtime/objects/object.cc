// object: the root of the class hierarchy, instance allocation, and the
// generic attribute protocol (object.__getattribute__ / __setattr__).
//
// Attribute lookup order (genericGetAttr), as CPython's
// PyObject_GenericGetAttr: a data descriptor found on the type's MRO, then
// the instance __dict__, then a non-data descriptor or plain class
// attribute, else AttributeError with `name` and `obj` set.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/instance_attrs.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/slots.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"
#include "runtime/modules/module.h"

namespace tern {

// ===========================================================================
// Allocation

namespace {

// `bytes` with room for the type's trailing words; SIZE_MAX when that
// overflows (no object is that big: tryNewObject fails).
size_t withTrailingWords(Type* type, size_t bytes) {
  uint32_t trailing = trailingWords(type);
  if (trailing == 0) return bytes;
  if (bytes > SIZE_MAX - 8 * (size_t{trailing} + 1)) return SIZE_MAX;
  return ((bytes + 7) & ~size_t{7}) + 8 * size_t{trailing};
}

Obj* initObject(Type* type, gc::Object* object) {
  auto* o = static_cast<Obj*>(object);
  o->ob_type.set(typeValue(type));
  if (type->slots.tp_finalize != nullptr && type->hasFlag(type_flags::kHeapType)) gc::setFinalizable(o);
  return o;
}

}  // namespace

Obj* newObject(Type* type, size_t bytes) {
  return initObject(type, gc::allocate(type->instance_layout, withTrailingWords(type, bytes)));
}

Obj* tryNewObject(Type* type, size_t bytes) {
  gc::Object* object = gc::tryAllocate(type->instance_layout, withTrailingWords(type, bytes));
  if (object == nullptr) {
    raiseNoMemory();
    return nullptr;
  }
  return initObject(type, object);
}

Obj* newObjectOld(Type* type, size_t bytes) {
  uint32_t trailing = trailingWords(type);
  if (trailing != 0) bytes = ((bytes + 7) & ~size_t{7}) + 8 * size_t{trailing};
  auto* o = static_cast<Obj*>(gc::allocateOld(type->instance_layout, bytes));
  o->ob_type.set(typeValue(type));
  return o;
}

// ===========================================================================
// Generic attributes

Value instanceDict(Value obj) {
  if (!obj.isObject()) return Value();
  Type* t = typeOf(obj);
  if (t->dict_offset == 0) return Value();
  gc::HeapValue* slot = instanceSlot(obj, t->dict_offset);
  Value d = slot->get();
  if (isShape(d)) return materializeDict(obj);
  if (d.isNull()) {
    d = newDict();
    instanceSlot(obj, t->dict_offset)->set(d);  // the object may have moved: recompute
  }
  return d;
}

namespace {

// The instance dict if it exists already (no allocation), or the shape of
// an instance in shape mode (instance_attrs.h): test with isShape.
Value existingDictOrShape(Value obj) {
  if (!obj.isObject()) return Value();
  Type* t = typeOf(obj);
  if (t->dict_offset == 0) return Value();
  return instanceSlot(obj, t->dict_offset)->get();
}

// The instance dict if there is one; an instance in shape mode gets its dict
// now (null with an exception on failure).
Value existingDict(Value obj) {
  Value d = existingDictOrShape(obj);
  return isShape(d) ? materializeDict(obj) : d;
}

Value raiseNoAttribute(Value obj, Value name) {
  raisef(exc::AttributeError, "'%s' object has no attribute '%s'", typeNameOf(obj).c_str(), strToUtf8(name).c_str());
  Value e = pendingError();
  if (!e.isNull() && isInstance(e, exc::AttributeError)) {
    static_cast<AttributeErrorObj*>(e.asObject())->name.set(name);
    static_cast<AttributeErrorObj*>(e.asObject())->obj.set(obj);
  }
  return Value();
}

}  // namespace

namespace {

// genericGetAttrImpl once typeLookup(t, name) gave `descr` for str `name`.
[[gnu::always_inline]] inline Value genericGetAttrOf(Value obj, Value name, Type* t, Value descr, bool suppress) {
  DescrGetFn get = nullptr;
  if (!descr.isNull()) {
    Type* dt = typeOf(descr);
    get = dt->slots.tp_descr_get;
    if (get != nullptr && dt->slots.tp_descr_set != nullptr) {
      Value r = get(descr, obj, typeValue(t));
      if (r.isNull() && suppress && errorMatches(exc::AttributeError)) clearError();
      return r;
    }
  } else if (errorPending()) {
    return Value();
  }
  Value dict = existingDictOrShape(obj);
  if (isShape(dict)) {
    Value v = isStr(name) ? inlineGet(obj, t, asShape(dict), name) : Value();  // str subclasses compare by value
    if (!v.isNull()) return v;
  } else if (!dict.isNull()) {
    Value v = isExactStr(name) ? dictGetStr(dict, name) : dictGet(dict, name);
    if (!v.isNull()) return v;
    if (errorPending()) return Value();
  }
  if (get != nullptr) {
    Value r = get(descr, obj, typeValue(t));
    if (r.isNull() && suppress && errorMatches(exc::AttributeError)) clearError();
    return r;
  }
  if (!descr.isNull()) return descr;
  if (suppress) return Value();
  return raiseNoAttribute(obj, name);
}

}  // namespace

// `suppress`: an absent attribute gives null without an exception
// (lookupAttr's fast path, which spares creating an AttributeError).
Value genericGetAttrImpl(Value obj, Value name, bool suppress) {
  if (!isStr(name))
    return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(name).c_str());
  Type* t = typeOf(obj);
  return genericGetAttrOf(obj, name, t, typeLookup(t, name), suppress);
}

// For cpyext's PyObject_GetAttr, which has looked the descriptor up already.
Value genericGetAttrFound(Value obj, Value name, Type* t, Value descr) {
  return genericGetAttrOf(obj, name, t, descr, false);
}

Value genericGetAttr(Value obj, Value name) { return genericGetAttrImpl(obj, name, false); }

int genericSetAttr(Value obj, Value name, Value value) {
  if (!isStr(name)) {
    raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(name).c_str());
    return -1;
  }
  Type* t = typeOf(obj);
  Value descr = typeLookup(t, name);
  if (!descr.isNull()) {
    DescrSetFn set = typeOf(descr)->slots.tp_descr_set;
    if (set != nullptr) return set(descr, obj, value);
  } else if (errorPending()) {
    return -1;
  }
  if (t->dict_offset == 0 || !obj.isObject()) {
    if (descr.isNull()) {
      raiseNoAttribute(obj, name);
    } else {
      raisef(exc::AttributeError, "'%s' object attribute '%s' is read-only", typeNameOf(obj).c_str(),
             strToUtf8(name).c_str());
    }
    return -1;
  }
  if (isExactStr(name)) {
    if (t->inline_count != 0 && !value.isNull()) {
      int r = inlineSet(obj, t, name, value);
      if (r != 0) return r < 0 ? -1 : 0;
    }
    name = intern(name);
  }
  if (value.isNull()) {
    Value dict = existingDict(obj);
    if (dict.isNull() && errorPending()) return -1;
    int r = dict.isNull() ? 0 : dictDel(dict, name);
    if (r < 0) return -1;
    if (r == 0) {
      raiseNoAttribute(obj, name);
      return -1;
    }
    return 0;
  }
  Value dict = instanceDict(obj);
  if (dict.isNull()) return -1;
  return dictSet(dict, name, value);
}

// ===========================================================================
// The object type

namespace {

Type* asType(Value v) { return static_cast<Type*>(v.asObject()); }

bool excessArgs(size_t nargs, Value kwnames) { return nargs != 0 || (!kwnames.isNull() && tupleLength(kwnames) != 0); }

int object_init(Value self, const Value*, size_t nargs, Value kwnames);
Value object_new(Type* type, const Value*, size_t nargs, Value kwnames);

int object_init(Value self, const Value*, size_t nargs, Value kwnames) {
  if (excessArgs(nargs, kwnames)) {
    Type* t = typeOf(self);
    if (t->slots.tp_init != &object_init) {
      raise(exc::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (t->slots.tp_new == &object_new) {
      raisef(exc::TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
             typeName(t).c_str());
      return -1;
    }
  }
  return 0;
}

Value object_new(Type* type, const Value*, size_t nargs, Value kwnames) {
  if (excessArgs(nargs, kwnames)) {
    if (type->slots.tp_new != &object_new)
      return raise(exc::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->slots.tp_init == &object_init) return raisef(exc::TypeError, "%s() takes no arguments", typeName(type).c_str());
  }
  if (type->hasFlag(type_flags::kAbstract)) {
    Value am = typeGetAttr(typeValue(type), internStr("__abstractmethods__"));
    if (am.isNull()) return Value();
    Value sorted = listFromIterable(am);
    if (sorted.isNull()) return Value();
    // Sort the names (they are str) for a stable message.
    int64_t n = listLength(sorted);
    std::vector<std::string> names_;
    for (int64_t i = 0; i < n; ++i) {
      Value s = str(listItem(sorted, i));
      if (s.isNull()) return Value();
      names_.push_back(strToUtf8(s));
    }
    std::sort(names_.begin(), names_.end());
    std::string joined;
    for (size_t i = 0; i < names_.size(); ++i) joined += (i ? ", " : "") + names_[i];
    return raisef(exc::TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                  typeName(type).c_str(), names_.size() == 1 ? "" : "s", joined.c_str());
  }
  return newObject(type, type->basic_size);
}

std::string moduleQualifiedName(Type* t) {
  std::string q = strToUtf8(t->hasFlag(type_flags::kHeapType) ? t->qualname.get() : t->name.get());
  Value mod;
  if (t->hasFlag(type_flags::kHeapType)) {
    mod = dictGet(t->dict.get(), names::__module__);
    if (errorPending()) clearError();
  } else if (t->spec != nullptr && t->spec->module != nullptr) {
    return std::string(t->spec->module) + "." + q;
  }
  if (!mod.isNull() && isStr(mod) && !strEqualsAscii(mod, "builtins")) return strToUtf8(mod) + "." + q;
  return q;
}

Value object_repr(Value self) {
  char addr[32];
  uintptr_t id = self.isObject() ? gc::identity(self.asObject()) : self.bits();
  std::snprintf(addr, sizeof addr, "0x%" PRIxPTR, id);
  return newStr("<" + moduleQualifiedName(typeOf(self)) + " object at " + addr + ">");
}

// The type's repr slot itself, not repr(): no level of recursion of its own,
// and str() checks the result (CPython's object_str).
Value object_str(Value self) {
  UnaryFn r = typeOf(self)->slots.tp_repr;
  return r == nullptr ? object_repr(self) : r(self);
}

int64_t object_hash(Value self) {
  if (!self.isObject()) return self.asSmallInt() == -1 ? -2 : self.asSmallInt();
  return gc::identityHash(self.asObject());
}

Value object_richcompare(Value self, Value other, int op) {
  switch (op) {
    case kEq:
      return self == other ? True() : NotImplemented();
    case kNe: {
      RichCompareFn eq = typeOf(self)->slots.tp_richcompare;
      if (eq == nullptr) return NotImplemented();
      Value r = eq(self, other, kEq);
      if (r.isNull() || r == NotImplemented()) return r;
      int t = isTrue(r);
      if (t < 0) return Value();
      return Bool(!t);
    }
    default:
      return NotImplemented();
  }
}

// --- methods ---

Value object___format__(Value* args) {
  Value spec = args[1];
  if (!isStr(spec))
    return raisef(exc::TypeError, "__format__() argument must be str, not %s", typeNameOf(spec).c_str());
  if (asStr(spec)->length > 0)
    return raisef(exc::TypeError, "unsupported format string passed to %s.__format__", typeNameOf(args[0]).c_str());
  return str(args[0]);
}

Value object___sizeof__(Value* args) {
  Value self = args[0];
  Type* t = typeOf(self);
  if (t->item_size != 0 && self.isObject()) return newInt(static_cast<int64_t>(self.asObject()->sizeBytes()));
  return newInt(t->basic_size - 8 * t->inline_count);
}

Value object___dir__(Value* args) {
  Value self = args[0];
  Value result = newDict();
  Value d = lookupAttr(self, names::__dict__);
  if (d.isNull() && errorPending()) return Value();
  if (!d.isNull() && isDict(d) && dictUpdate(result, d) < 0) return Value();
  Value cls = lookupAttr(self, names::__class__);
  if (cls.isNull() && errorPending()) return Value();
  if (!cls.isNull() && cls.isObject() && hasTypeFlag(cls, type_flags::kTypeSubclass)) {
    Value mro = asType(cls)->mro.get();
    for (int64_t i = tupleLength(mro) - 1; i >= 0; --i)
      if (dictUpdate(result, asType(tupleItem(mro, i))->dict.get()) < 0) return Value();
  }
  return dictKeysList(result);
}

Value object___init_subclass__(Value*) { return None(); }

Value object___subclasshook__(Value*) { return NotImplemented(); }

Value object___getstate__(Value* args) {
  Value self = args[0];
  Value d = existingDict(self);
  if (d.isNull() && errorPending()) return Value();
  Type* t = typeOf(self);
  Value slots_state;
  for (Type* c = t; c != nullptr; c = static_cast<Type*>(c->base.get().asObject())) {
    Value sn = c->slot_names.get();
    if (!c->hasFlag(type_flags::kHeapType) || sn.isNull()) continue;
    for (int64_t i = 0; i < tupleLength(sn); ++i) {
      Value v = lookupAttr(self, tupleItem(sn, i));
      if (v.isNull()) {
        if (errorPending()) return Value();
        continue;
      }
      if (slots_state.isNull()) slots_state = newDict();
      if (dictSet(slots_state, tupleItem(sn, i), v) < 0) return Value();
    }
  }
  Value state = (d.isNull() || dictSize(d) == 0) ? None() : d;
  if (!slots_state.isNull()) return newTupleOf({state, slots_state});
  return state;
}

Value importCopyreg() { return importModule(internStr("copyreg")); }

// CPython's object_getstate_default(obj, required=1), the rule behind "cannot
// pickle 'X' object": when reduce_newobj needs the state to rebuild an object
// (no __getnewargs__, not a list or dict), a var-sized object, or one whose
// nearest native base keeps state beyond object's (apart from a __dict__
// slot: what __dict__ and __slots__ hold is the state), cannot be pickled.
bool checkStateSuffices(Value self) {
  Type* t = typeOf(self);
  if (t->item_size != 0) {
    raisef(exc::TypeError, "cannot pickle %s objects", typeName(t).c_str());
    return false;
  }
  Type* solid = t;
  while (solid->hasFlag(type_flags::kHeapType) && !solid->base.get().isNull()) solid = asType(solid->base.get());
  uint32_t plain = types::object_type->basic_size + (solid->dict_offset != 0 ? sizeof(gc::HeapValue) : 0);
  if (solid->basic_size > plain) {
    raisef(exc::TypeError, "cannot pickle '%s' object", typeName(t).c_str());
    return false;
  }
  return true;
}

// CPython's object_getstate: self.__getstate__(), where the inherited
// object.__getstate__ first checks that the state suffices when `required`.
Value objectGetstate(Value self, bool required) {
  Value getstate = getAttr(self, internStr("__getstate__"));
  if (getstate.isNull()) return Value();
  bool is_default = typeOf(getstate) == types::builtin_function_type &&
                    static_cast<BuiltinFunctionObj*>(getstate.asObject())->def->fn == object___getstate__ &&
                    static_cast<BuiltinFunctionObj*>(getstate.asObject())->self.get() == self;
  if (is_default && required && !checkStateSuffices(self)) return Value();
  return call0(getstate);
}

// Protocol 2+: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems).
Value reduceNewobj(Value self) {
  Type* t = typeOf(self);
  if (t->slots.tp_new == nullptr) return raisef(exc::TypeError, "cannot pickle '%s' object", typeName(t).c_str());
  Value args, kwargs;
  bool hasnewargs = false;
  Value gnx = lookupAttr(self, internStr("__getnewargs_ex__"));
  if (gnx.isNull() && errorPending()) return Value();
  if (!gnx.isNull()) {
    Value r = call0(gnx);
    if (r.isNull()) return r;
    if (!isTuple(r) || tupleLength(r) != 2)
      return raisef(exc::TypeError, "__getnewargs_ex__ should return a tuple of length 2, not '%s'",
                    typeNameOf(r).c_str());
    args = tupleItem(r, 0);
    kwargs = tupleItem(r, 1);
  } else {
    Value gn = lookupAttr(self, internStr("__getnewargs__"));
    if (gn.isNull() && errorPending()) return Value();
    hasnewargs = !gn.isNull();
    if (!gn.isNull()) {
      args = call0(gn);
      if (args.isNull()) return args;
      if (!isTuple(args))
        return raisef(exc::TypeError, "__getnewargs__ should return a tuple, not '%s'", typeNameOf(args).c_str());
    } else {
      args = newTuple(0);
    }
  }
  Value copyreg = importCopyreg();
  if (copyreg.isNull()) return Value();
  Value newobj, newargs;
  if (kwargs.isNull() || (isDict(kwargs) && dictSize(kwargs) == 0)) {
    newobj = getAttr(copyreg, internStr("__newobj__"));
    if (newobj.isNull()) return Value();
    int64_t n = tupleLength(args);
    newargs = newTuple(n + 1);
    tupleInit(newargs, 0, typeValue(t));
    for (int64_t i = 0; i < n; ++i) tupleInit(newargs, i + 1, tupleItem(args, i));
  } else {
    newobj = getAttr(copyreg, internStr("__newobj_ex__"));
    if (newobj.isNull()) return Value();
    newargs = newTupleOf({typeValue(t), args, kwargs});
  }
  bool hasargs = !gnx.isNull() || hasnewargs;
  Value state = objectGetstate(self, !(hasargs || isList(self) || isDict(self)));
  if (state.isNull()) return Value();
  Value listitems = None(), dictitems = None();
  if (isList(self)) {
    listitems = getIter(self);
    if (listitems.isNull()) return Value();
  }
  if (isDict(self)) {
    Value items = callMethod(self, names::items, nullptr, 0);
    if (items.isNull()) return Value();
    dictitems = getIter(items);
    if (dictitems.isNull()) return Value();
  }
  return newTupleOf({newobj, newargs, state, listitems, dictitems});
}

Value commonReduce(Value self, int64_t proto) {
  if (proto >= 2) return reduceNewobj(self);
  Value copyreg = importCopyreg();
  if (copyreg.isNull()) return Value();
  Value fn = getAttr(copyreg, internStr("_reduce_ex"));
  if (fn.isNull()) return Value();
  return call2(fn, self, newInt(proto));
}

Value object___reduce_ex__(Value* args) {
  Value self = args[0];
  int64_t proto;
  if (!argIndex(args[1], &proto)) return Value();
  Value reduce = lookupAttr(self, internStr("__reduce__"));
  if (reduce.isNull() && errorPending()) return Value();
  if (!reduce.isNull()) {
    Value clsreduce = lookupAttr(typeValue(typeOf(self)), internStr("__reduce__"));
    if (clsreduce.isNull() && errorPending()) return Value();
    Value objreduce = dictGet(types::object_type->dict.get(), internStr("__reduce__"));
    if (clsreduce != objreduce) return call0(reduce);
  }
  return commonReduce(self, proto);
}

Value object___reduce__(Value* args) { return commonReduce(args[0], 0); }

// --- __class__ ---

Value object_get_class(Value self) { return typeValue(typeOf(self)); }

int object_set_class(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!value.isObject() || !hasTypeFlag(value, type_flags::kTypeSubclass)) {
    raisef(exc::TypeError, "__class__ must be set to a class, not '%s' object", typeNameOf(value).c_str());
    return -1;
  }
  Type* newto = asType(value);
  Type* oldto = typeOf(self);
  auto mutableOk = [](Type* t) {
    return t->hasFlag(type_flags::kHeapType) || isSubtype(t, types::module_type);
  };
  if (!self.isObject() || !mutableOk(newto) || !mutableOk(oldto)) {
    raise(exc::TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!typesLayoutCompatible(newto, oldto)) {
    raisef(exc::TypeError, "__class__ assignment: '%s' object layout differs from '%s'", typeName(newto).c_str(),
           typeName(oldto).c_str());
    return -1;
  }
  // Inline areas of the two classes may differ: the attributes go to a dict
  // for good (instance_attrs.h).
  if ((newto->inline_count != 0 || oldto->inline_count != 0) && instanceDict(self).isNull()) return -1;
  asObj(self)->ob_type.set(value);
  if (newto->slots.tp_finalize != nullptr && newto->hasFlag(type_flags::kHeapType) &&
      gc::layoutOf(self.asObject()).finalize != nullptr && !self.asObject()->hasFlag(gc::header::kFinalizable))
    gc::setFinalizable(self.asObject());
  return 0;
}

const MethodDef kObjectMethods[] = {
    {.name = "__reduce_ex__", .signature = "($self, protocol, /)", .fn = object___reduce_ex__,
     .doc = "Helper for pickle."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = object___reduce__, .doc = "Helper for pickle."},
    {.name = "__getstate__", .signature = "($self, /)", .fn = object___getstate__, .doc = "Helper for pickle."},
    {.name = "__subclasshook__", .signature = "($type, /, *args)", .fn = object___subclasshook__,
     .flags = method_flags::kClassMethod, .doc = "Abstract classes can override this to customize issubclass()."},
    {.name = "__init_subclass__", .signature = "($type, /)", .fn = object___init_subclass__,
     .flags = method_flags::kClassMethod,
     .doc = "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may "
            "be\noverridden to extend subclasses.\n"},
    {.name = "__format__", .signature = "($self, format_spec, /)", .fn = object___format__,
     .doc = "Default object formatter."},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = object___sizeof__,
     .doc = "Size of object in memory, in bytes."},
    {.name = "__dir__", .signature = "($self, /)", .fn = object___dir__, .doc = "Default dir() implementation."},
};

const GetSetDef kObjectGetSets[] = {
    {.name = "__class__", .get = object_get_class, .set = object_set_class},
};

const uint32_t kObjFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kObjectLayout = {.name = "object", .fields = kObjFields};

const TypeSpec kObjectSpec = {
    .name = "object",
    .type = &types::object_type,
    .layout = &kObjectLayout,
    .basic_size = sizeof(Obj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = object_repr,
              .tp_str = object_str,
              .tp_hash = object_hash,
              .tp_getattro = genericGetAttr,
              .tp_setattro = genericSetAttr,
              .tp_richcompare = object_richcompare,
              .tp_init = object_init,
              .tp_new = object_new},
    .methods = kObjectMethods,
    .getsets = kObjectGetSets,
    .doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new "
           "featureless\ninstance that has no instance attributes and cannot be given any.\n",
};
TERN_REGISTER_TYPE(kObjectSpec);

}  // namespace

}  // namespace tern
