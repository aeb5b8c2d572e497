// The _abc module: the machinery of abc.ABCMeta (CPython's Modules/_abc.c),
// which abc.py prefers to its pure-Python fallback _py_abc.
//
// Every ABC carries `_abc_impl`, an _abc_data object holding three sets of
// weak references to classes: the registry (virtual subclasses given to
// register()), the positive cache and the negative cache, plus the value of
// the global invalidation counter at which the negative cache was last
// valid.  register() bumps the counter (get_cache_token() returns it), so
// every negative cache becomes stale at once; positive answers never go
// stale.  A weak reference put in one of the sets carries a callback that
// removes it from that set when its class dies, so the sets do not grow
// with dead classes (the callback holds the set strongly: the tracing
// collector reclaims the cycle set -> ref -> callback -> set).
//
// register() also copies the ABC's collection flag (Py_TPFLAGS_SEQUENCE or
// MAPPING, which `match` tests) to the registered class and its
// subclasses; _abc_init sets it on an ABC from its `__abc_tpflags__`.
#include <cstdint>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/set.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"
#include "runtime/objects/weakref.h"

namespace tern {

namespace {

Type* g_abc_data_type = nullptr;

// The global ABC invalidation counter (get_cache_token()).
uint64_t g_invalidation_counter = 0;

// _abc_data: the sets are null until first used.
struct AbcDataObj : Obj {
  gc::HeapValue registry;
  gc::HeapValue cache;
  gc::HeapValue negative_cache;
  uint64_t negative_cache_version;
};
AbcDataObj* asAbcData(Value v) { return static_cast<AbcDataObj*>(v.asObject()); }

bool isTypeObject(Value v) { return v.isObject() && hasTypeFlag(v, type_flags::kTypeSubclass); }
Type* asType(Value v) { return static_cast<Type*>(v.asObject()); }

Value abc_data_new(Type* type, const Value*, size_t, Value) {
  Obj* o = newObject(type, sizeof(AbcDataObj));
  if (o == nullptr) return Value();
  AbcDataObj* d = static_cast<AbcDataObj*>(o);
  d->negative_cache_version = g_invalidation_counter;
  return Value(o);
}

// self._abc_impl, checked.
Value getImpl(Value self) {
  Value impl = getAttr(self, internStr("_abc_impl"));
  if (impl.isNull()) return impl;
  if (typeOf(impl) != g_abc_data_type) return raise(exc::TypeError, "_abc_impl is set to a wrong type");
  return impl;
}

// 1 when `set` (may be null) holds a weak reference to obj, 0 if not (also
// for objects that cannot be weakly referenced), -1 on error.
int inWeakSet(Value set, Value obj) {
  if (set.isNull() || setSize(set) == 0) return 0;
  Value ref = newWeakref(obj, Value());
  if (ref.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      return 0;
    }
    return -1;
  }
  return setContains(set, ref);
}

// The callback of the references in a weak set: self is the set.
Value abc_destroy(Value* args) {
  if (setDiscard(args[0], args[1]) < 0) return Value();
  return None();
}
const MethodDef kDestroyDef = {.name = "_destroy", .signature = "($self, ref, /)", .fn = abc_destroy};

constexpr int kRegistry = 0, kCache = 1, kNegative = 2;

gc::HeapValue& setSlot(Value impl, int which) {
  AbcDataObj* d = asAbcData(impl);
  return which == kRegistry ? d->registry : which == kCache ? d->cache : d->negative_cache;
}

// Adds a weak reference to obj, whose callback removes it again, to one of
// the sets of the _abc_data `impl` (made on first use); false on error.
bool addToCache(Value impl, int which, Value obj) {
  Value set = setSlot(impl, which).get();
  if (set.isNull()) {
    set = newSet();
    if (set.isNull()) return false;
    setSlot(impl, which).set(set);
  }
  Value callback = newBuiltinFunction(&kDestroyDef, set, internStr("_abc"));
  if (callback.isNull()) return false;
  Value ref = newWeakref(obj, callback);
  if (ref.isNull()) return false;
  return setAdd(set, ref) == 0;
}

// ===========================================================================
// _abc_init

// Sets cls.__abstractmethods__ from the namespace and the bases' abstract
// methods still abstract here.
bool computeAbstractMethods(Value self) {
  Value abstracts = newSet();
  if (abstracts.isNull()) return false;
  Value ns = getAttr(self, names::__dict__);
  if (ns.isNull()) return false;
  Value keys = callMethod(ns, internStr("keys"), nullptr, 0);
  if (keys.isNull()) return false;
  keys = listFromIterable(keys);
  if (keys.isNull()) return false;
  Value isabstract_name = internStr("__isabstractmethod__");
  for (int64_t i = 0; i < listLength(keys); ++i) {
    Value key = listItem(keys, i);
    Value value = getItem(ns, key);
    if (value.isNull()) return false;
    Value flag = lookupAttr(value, isabstract_name);
    if (flag.isNull()) {
      if (errorPending()) return false;
      continue;
    }
    int t = isTrue(flag);
    if (t < 0) return false;
    if (t > 0 && setAdd(abstracts, key) < 0) return false;
  }
  Value bases = getAttr(self, names::__bases__);
  if (bases.isNull()) return false;
  if (!isTuple(bases)) {
    raise(exc::TypeError, "__bases__ is not tuple");
    return false;
  }
  Value abstractmethods_name = internStr("__abstractmethods__");
  for (int64_t i = 0; i < tupleLength(bases); ++i) {
    Value base_abstracts = lookupAttr(tupleItem(bases, i), abstractmethods_name);
    if (base_abstracts.isNull()) {
      if (errorPending()) return false;
      continue;
    }
    Value it = getIter(base_abstracts);
    if (it.isNull()) return false;
    while (true) {
      Value key = iterNext(it);
      if (key.isNull()) {
        if (errorPending()) return false;
        break;
      }
      Value value = lookupAttr(self, key);
      if (value.isNull()) {
        if (errorPending()) return false;
        continue;
      }
      Value flag = lookupAttr(value, isabstract_name);
      if (flag.isNull()) {
        if (errorPending()) return false;
        continue;
      }
      int t = isTrue(flag);
      if (t < 0) return false;
      if (t > 0 && setAdd(abstracts, key) < 0) return false;
    }
  }
  Value frozen = newFrozenSet(abstracts);
  return !frozen.isNull() && setAttr(self, abstractmethods_name, frozen) == 0;
}

constexpr uint64_t kCollectionFlags = type_flags::kSequence | type_flags::kMapping;
constexpr int64_t kCPythonSequence = int64_t{1} << 5, kCPythonMapping = int64_t{1} << 6;

Value _abc__abc_init(Value* args) {
  Value self = args[1];
  if (!computeAbstractMethods(self)) return Value();
  Value data = abc_data_new(g_abc_data_type, nullptr, 0, Value());
  if (data.isNull() || setAttr(self, internStr("_abc_impl"), data) < 0) return Value();
  if (isTypeObject(self)) {
    Type* cls = asType(self);
    Value dict = cls->dict.get();
    Value key = internStr("__abc_tpflags__");
    Value flags = dictGetStr(dict, key);
    if (!flags.isNull()) {
      if (isInt(flags)) {
        int64_t v;
        if (!intToInt64(flags, &v)) {
          clearError();
          v = 0;
        }
        if ((v & (kCPythonSequence | kCPythonMapping)) == (kCPythonSequence | kCPythonMapping)) {
          return raise(exc::TypeError, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
        }
        if ((v & kCPythonSequence) != 0) cls->flags |= type_flags::kSequence;
        if ((v & kCPythonMapping) != 0) cls->flags |= type_flags::kMapping;
      }
      if (dictDel(dict, key) < 0) return Value();
      typeModified(cls);
    }
  }
  return None();
}

// ===========================================================================
// _abc_register

bool setCollectionFlagRecursive(Value child, uint64_t flag) {
  Type* t = asType(child);
  if (t->hasFlag(type_flags::kImmutable) || (t->flags & kCollectionFlags) == flag) return true;
  t->flags = (t->flags & ~kCollectionFlags) | flag;
  Value subclasses = callMethod(child, internStr("__subclasses__"), nullptr, 0);
  if (subclasses.isNull()) return false;
  for (int64_t i = 0; isList(subclasses) && i < listLength(subclasses); ++i) {
    Value grandchild = listItem(subclasses, i);
    if (isTypeObject(grandchild) && !setCollectionFlagRecursive(grandchild, flag)) return false;
  }
  return true;
}

Value _abc__abc_register(Value* args) {
  Value self = args[1], subclass = args[2];
  if (!isTypeObject(subclass)) return raise(exc::TypeError, "Can only register classes");
  int r = isSubclassGeneric(subclass, self);
  if (r < 0) return Value();
  if (r > 0) return subclass;  // already a subclass
  // Cycles are tested after "already a subclass": X.register(X) is a no-op.
  r = isSubclassGeneric(self, subclass);
  if (r < 0) return Value();
  if (r > 0) return raise(exc::RuntimeError, "Refusing to create an inheritance cycle");
  Value impl = getImpl(self);
  if (impl.isNull()) return impl;
  if (!addToCache(impl, kRegistry, subclass)) return Value();
  ++g_invalidation_counter;  // invalidates every negative cache
  if (isTypeObject(self)) {
    uint64_t flag = asType(self)->flags & kCollectionFlags;
    if (flag != 0 && !setCollectionFlagRecursive(subclass, flag)) return Value();
  }
  return subclass;
}

// ===========================================================================
// _abc_instancecheck / _abc_subclasscheck

Value _abc__abc_instancecheck(Value* args) {
  Value self = args[1], instance = args[2];
  Value impl = getImpl(self);
  if (impl.isNull()) return impl;
  Value subclass = getAttr(instance, names::__class__);
  if (subclass.isNull()) return subclass;
  int incache = inWeakSet(asAbcData(impl)->cache.get(), subclass);
  if (incache < 0) return Value();
  if (incache > 0) return True();
  Value subtype = typeValue(typeOf(instance));
  Value check_name = internStr("__subclasscheck__");
  if (subtype == subclass) {
    if (asAbcData(impl)->negative_cache_version == g_invalidation_counter) {
      incache = inWeakSet(asAbcData(impl)->negative_cache.get(), subclass);
      if (incache < 0) return Value();
      if (incache > 0) return False();
    }
    return callMethod(self, check_name, &subclass, 1);
  }
  Value result = callMethod(self, check_name, &subclass, 1);
  if (result.isNull()) return result;
  int t = isTrue(result);
  if (t < 0) return Value();
  if (t > 0) return result;
  return callMethod(self, check_name, &subtype, 1);
}

// Step 5 of the subclass check: is subclass a subclass of a registered
// class?  1 yes (cached), 0 no, -1 error.
int checkRegistry(Value impl, Value subclass) {
  Value registry = asAbcData(impl)->registry.get();
  int r = inWeakSet(registry, subclass);
  if (r != 0) return r;
  if (registry.isNull() || setSize(registry) == 0) return 0;
  // Callbacks may shrink the set while subclass checks run user code: walk a snapshot.
  Value snapshot = newList();
  if (snapshot.isNull()) return -1;
  int64_t pos = 0;
  Value key;
  while (setNext(registry, &pos, &key)) {
    if (!listAppend(snapshot, key)) return -1;
  }
  for (int64_t i = 0; i < listLength(snapshot); ++i) {
    Value registered = weakrefObject(listItem(snapshot, i));
    if (isNone(registered)) continue;
    int s = isSubclassGeneric(subclass, registered);
    if (s < 0) return -1;
    if (s > 0) return addToCache(impl, kCache, subclass) ? 1 : -1;
  }
  return 0;
}

Value _abc__abc_subclasscheck(Value* args) {
  Value self = args[1], subclass = args[2];
  if (!isTypeObject(subclass)) return raise(exc::TypeError, "issubclass() arg 1 must be a class");
  Value impl = getImpl(self);
  if (impl.isNull()) return impl;
  // 1. The positive cache.
  int incache = inWeakSet(asAbcData(impl)->cache.get(), subclass);
  if (incache < 0) return Value();
  if (incache > 0) return True();
  // 2. The negative cache, cleared first when stale.
  AbcDataObj* d = asAbcData(impl);
  if (d->negative_cache_version < g_invalidation_counter) {
    if (!d->negative_cache.get().isNull()) setClear(d->negative_cache.get());
    d->negative_cache_version = g_invalidation_counter;
  } else {
    incache = inWeakSet(d->negative_cache.get(), subclass);
    if (incache < 0) return Value();
    if (incache > 0) return False();
  }
  // 3. The subclass hook.
  Value ok = callMethod(self, internStr("__subclasshook__"), &subclass, 1);
  if (ok.isNull()) return ok;
  if (ok == True()) return addToCache(impl, kCache, subclass) ? True() : Value();
  if (ok == False()) return addToCache(impl, kNegative, subclass) ? False() : Value();
  if (ok != NotImplemented()) {
    return raise(exc::AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
  }
  // 4. A direct subclass.
  Value mro = asType(subclass)->mro.get();
  for (int64_t i = 0; !mro.isNull() && i < tupleLength(mro); ++i) {
    if (tupleItem(mro, i) == self) return addToCache(impl, kCache, subclass) ? True() : Value();
  }
  // 5. A subclass of a registered class.
  int r = checkRegistry(impl, subclass);
  if (r < 0) return Value();
  if (r > 0) return True();
  // 6. A subclass of a subclass.
  Value subclasses = callMethod(self, internStr("__subclasses__"), nullptr, 0);
  if (subclasses.isNull()) return subclasses;
  if (!isList(subclasses)) return raise(exc::TypeError, "__subclasses__() must return a list");
  for (int64_t i = 0; i < listLength(subclasses); ++i) {
    int s = isSubclassGeneric(subclass, listItem(subclasses, i));
    if (s < 0) return Value();
    if (s > 0) return addToCache(impl, kCache, subclass) ? True() : Value();
  }
  return addToCache(impl, kNegative, subclass) ? False() : Value();
}

// ===========================================================================
// Debugging helpers

Value copyOrEmpty(Value set) { return newSet(set.isNull() ? Value() : set); }

Value _abc__get_dump(Value* args) {
  Value impl = getImpl(args[1]);
  if (impl.isNull()) return impl;
  Value registry = copyOrEmpty(asAbcData(impl)->registry.get());
  if (registry.isNull()) return registry;
  Value cache = copyOrEmpty(asAbcData(impl)->cache.get());
  if (cache.isNull()) return cache;
  Value negative = copyOrEmpty(asAbcData(impl)->negative_cache.get());
  if (negative.isNull()) return negative;
  Value version = newIntUnsigned(asAbcData(impl)->negative_cache_version);
  if (version.isNull()) return version;
  return newTupleOf({registry, cache, negative, version});
}

Value _abc__reset_registry(Value* args) {
  Value impl = getImpl(args[1]);
  if (impl.isNull()) return impl;
  if (!asAbcData(impl)->registry.get().isNull()) setClear(asAbcData(impl)->registry.get());
  return None();
}

Value _abc__reset_caches(Value* args) {
  Value impl = getImpl(args[1]);
  if (impl.isNull()) return impl;
  if (!asAbcData(impl)->cache.get().isNull()) setClear(asAbcData(impl)->cache.get());
  if (!asAbcData(impl)->negative_cache.get().isNull()) setClear(asAbcData(impl)->negative_cache.get());
  return None();
}

Value _abc_get_cache_token(Value*) { return newIntUnsigned(g_invalidation_counter); }

// ===========================================================================
// Tables

const uint32_t kAbcDataFields[] = {offsetof(AbcDataObj, ob_type), offsetof(AbcDataObj, registry),
                                   offsetof(AbcDataObj, cache), offsetof(AbcDataObj, negative_cache)};
const gc::Layout kAbcDataLayout = {.name = "_abc._abc_data", .fields = kAbcDataFields};

const TypeSpec kAbcDataSpec = {
    .name = "_abc_data",
    .module = "_abc",
    .type = &g_abc_data_type,
    .layout = &kAbcDataLayout,
    .basic_size = sizeof(AbcDataObj),
    .slots = {.tp_new = abc_data_new},
    .doc = "Internal state held by ABC machinery.",
};
TERN_REGISTER_TYPE(kAbcDataSpec);

const MethodDef kAbcFunctions[] = {
    {.name = "get_cache_token",
     .signature = "($module, /)",
     .fn = _abc_get_cache_token,
     .doc = "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) "
            "identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith every "
            "call to register() on any ABC."},
    {.name = "_abc_init",
     .signature = "($module, self, /)",
     .fn = _abc__abc_init,
     .doc = "Internal ABC helper for class set-up. Should be never used outside abc module."},
    {.name = "_reset_registry",
     .signature = "($module, self, /)",
     .fn = _abc__reset_registry,
     .doc = "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py"},
    {.name = "_reset_caches",
     .signature = "($module, self, /)",
     .fn = _abc__reset_caches,
     .doc = "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py"},
    {.name = "_get_dump",
     .signature = "($module, self, /)",
     .fn = _abc__get_dump,
     .doc = "Internal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both "
            "caches, and\nnegative cache version. Don't call this function directly,\ninstead use "
            "ABC._dump_registry() for a nice repr."},
    {.name = "_abc_register",
     .signature = "($module, self, subclass, /)",
     .fn = _abc__abc_register,
     .doc = "Internal ABC helper for subclasss registration. Should be never used outside abc module."},
    {.name = "_abc_instancecheck",
     .signature = "($module, self, instance, /)",
     .fn = _abc__abc_instancecheck,
     .doc = "Internal ABC helper for instance checks. Should be never used outside abc module."},
    {.name = "_abc_subclasscheck",
     .signature = "($module, self, subclass, /)",
     .fn = _abc__abc_subclasscheck,
     .doc = "Internal ABC helper for subclasss checks. Should be never used outside abc module."},
};

const NativeModuleDef kAbcModule = {
    .name = "_abc",
    .methods = kAbcFunctions,
    .doc = "Module contains faster C implementation of abc.ABCMeta",
};
TERN_REGISTER_MODULE(kAbcModule);

}  // namespace

}  // namespace tern
