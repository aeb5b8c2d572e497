// The _weakref module: the native half of weakref.py (ref, proxy, the three
// types, getweakrefcount, getweakrefs, _remove_dead_weakref).  The objects
// themselves live in runtime/objects/weakref.{h,cc}.
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/weakref.h"

namespace tern {

namespace {

Value _weakref_getweakrefcount(Value* args) { return newInt(weakrefCount(args[1])); }

Value _weakref_getweakrefs(Value* args) { return weakrefList(args[1]); }

Value _weakref_proxy(Value* args) { return newWeakProxy(args[1], args[2]); }

// Deletes dct[key] if it is a weakref whose referent died; a missing key is
// not an error (the entry may have been replaced since the callback was queued).
Value _weakref__remove_dead_weakref(Value* args) {
  Value dct = args[1], key = args[2];
  if (!isDict(dct)) {
    return raisef(exc::TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s", typeNameOf(dct).c_str());
  }
  Value value = dictGet(dct, key);
  if (value.isNull()) return errorPending() ? Value() : None();
  if (!isWeakref(value)) return raiseSystemError("_remove_dead_weakref", "not a weakref");
  if (!asWeakref(value)->referent.get().isNull()) return None();
  if (dictDel(dct, key) < 0) {
    if (!errorMatches(exc::KeyError)) return Value();
    clearError();
  }
  return None();
}

const MethodDef kWeakrefFunctions[] = {
    {.name = "getweakrefcount", .signature = "($module, object, /)", .fn = _weakref_getweakrefcount,
     .doc = "Return the number of weak references to 'object'."},
    {.name = "getweakrefs", .signature = "($module, object, /)", .fn = _weakref_getweakrefs,
     .doc = "Return a list of all weak reference objects pointing to 'object'."},
    {.name = "proxy", .signature = "($module, object, callback=None, /)", .fn = _weakref_proxy,
     .doc = "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is called with a "
            "reference to the\nproxy when 'object' is about to be finalized."},
    {.name = "_remove_dead_weakref", .signature = "($module, dct, key, /)", .fn = _weakref__remove_dead_weakref,
     .doc = "Atomically remove key from dict if it points to a dead weakref."},
};

bool weakrefInit(Value module) {
  Value d = moduleDict(module);
  return dictSet(d, internStr("ref"), typeValue(types::weakref_type)) == 0 &&
         dictSet(d, internStr("ReferenceType"), typeValue(types::weakref_type)) == 0 &&
         dictSet(d, internStr("ProxyType"), typeValue(types::weakproxy_type)) == 0 &&
         dictSet(d, internStr("CallableProxyType"), typeValue(types::weakcallableproxy_type)) == 0;
}

const NativeModuleDef kWeakrefModule = {
    .name = "_weakref",
    .methods = kWeakrefFunctions,
    .init = weakrefInit,
    .doc = "Weak-reference support module.",
};
TERN_REGISTER_MODULE(kWeakrefModule);

}  // namespace

}  // namespace tern
