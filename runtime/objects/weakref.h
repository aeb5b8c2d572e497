// weakref: weak references (`weakref.ref` = ReferenceType) and weak proxies
// (ProxyType, CallableProxyType), the objects of the `_weakref` module.
//
// A weak reference holds its referent in a gc::WeakHeapValue: the collector
// does not keep the referent alive, and clears the slot when the referent
// dies, then queues the weakref for its layout's `weak_cleared` hook, which
// gc::runFinalizers() runs outside the collector.  That hook calls the
// callbacks (never the collector: no user code runs inside a collection).
//
// Invariants:
//   - `referent` is the object referred to, or null once it died.  It is never
//     set again after creation (a dead weakref stays dead).
//   - `callback` is null when there is none, and is cleared just before it is
//     called, so it runs at most once.
//   - Every live weakref is listed, in CPython's order, under the identity of
//     its referent (gc::identity) in the referent table of weakref.cc, until
//     its `weak_cleared` hook ran (`key` is then 0).  The table holds the
//     weakrefs weakly (through boxes), so a weakref that becomes garbage is
//     collected as any object; its box is then cleared and dropped.
//   - Refs and proxies share one layout (WeakrefObj); Python subclasses of
//     `ref` extend it.
//
// An object is weakly referenceable when its type's weaklist_offset is
// non-zero (TypeSpec::weakrefable for builtin types; classes defined in
// Python get it from type.cc unless their __slots__ leave out __weakref__).
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

struct WeakrefObj : Obj {
  gc::WeakHeapValue referent;  // null once the referent died
  gc::HeapValue callback;      // null: none, or already called
  int64_t hash;                // -1 until hash() was asked while alive
  uint64_t key;                // gc::identity of the referent; 0 once unlisted
};

inline WeakrefObj* asWeakref(Value v) { return static_cast<WeakrefObj*>(v.asObject()); }

// PyWeakref_Check*: refs (and subclasses), proxies, either.
bool isWeakrefRef(Value v);
bool isWeakrefProxy(Value v);
inline bool isWeakref(Value v) { return isWeakrefRef(v) || isWeakrefProxy(v); }

// Can `obj` be weakly referenced?
bool isWeakrefable(Value obj);

// weakref.ref(obj, callback) and weakref.proxy(obj, callback); `callback`
// null or None for none.  TypeError "cannot create weak reference to 'int'
// object" when obj is not weakly referenceable.  Null with the error pending.
Value newWeakref(Value obj, Value callback);
Value newWeakProxy(Value obj, Value callback);

// The referent, or None once it died (PyWeakref_GetObject).  `ref` is a weakref.
Value weakrefObject(Value ref);

// getweakrefcount(obj) / getweakrefs(obj) (a new list; null on error).
int64_t weakrefCount(Value obj);
Value weakrefList(Value obj);

}  // namespace tern
