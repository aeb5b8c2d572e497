// cpyext's core: the proxies C code sees, and the conversions every API family
// uses (DESIGN.md §6; docs/cpyext.md).
//
// A proxy is C memory in CPython 3.11's layout for its type, allocated from the
// proxy arena (arena.h) behind a 16-byte prefix:
//
//     [ kind | flags ][ link: the Value it stands for ][ PyObject ... ]
//                                                      ^ what C sees
//
// The link is a gc::ExternalLink: the collector rewrites it when the object
// moves, treats it as a root while ob_refcnt > 0, and releases the proxy when
// the object dies with ob_refcnt == 0 (runtime/gc/external.h).  A heap object
// has at most one proxy, so `is` holds across round trips.  A tagged small int
// has no heap object: each conversion makes an int proxy of its own whose link
// holds the tagged Value and whose last Py_DECREF frees it (-5..256 are the
// static objects of _PyRuntime, pyruntime.h).
//
// Objects C must see at a fixed address that are not in the arena — the
// exported type objects and singletons (PyLong_Type, _Py_NoneStruct) and the
// static PyTypeObjects of extensions — are found through a side table.
//
// Error convention: runtime functions return a null Value with the exception
// pending, as the C API returns NULL (or -1); the two meet without translation.
#pragma once

#include <cstdint>

#include "Python.h"
#include "cpyext/arena.h"
#include "cpyext/pyruntime.h"
#include "runtime/gc/external.h"
#include "runtime/gc/value.h"
#include "runtime/objects/object.h"

namespace tern::cpyext {

enum class ProxyKind : uint16_t {
  kPlain,      // only the PyObject header (types whose API family keeps no fields)
  kTaggedInt,  // PyLongObject of a tagged small int, owned by its refcount
  kLong,       // PyLongObject with 30-bit digits
  kFloat,      // PyFloatObject
  kUnicode,    // PEP 393 compact str
  kBytes,      // PyBytesObject
  kTuple,      // PyTupleObject; ob_item holds owned references to item proxies
  kList,       // PyListObject; ob_item holds owned references to item proxies
  kType,       // PyHeapTypeObject for a runtime type
  kCObject,    // an instance of a C-defined type: the object's own storage
  kStatic,     // a side record for an object outside the arena (below)
};

struct ProxyPrefix {
  ProxyKind kind;
  uint16_t marks;  // proxy_marks: facts about C's use that fromC() need not check
  uint32_t flags;
  gc::ExternalLink link;
};
static_assert(sizeof(ProxyPrefix) == 16);

namespace proxy_flags {
// A tuple or list made by PyTuple_New/PyList_New whose ob_item C may still be
// filling with PyTuple_SET_ITEM/PyList_SET_ITEM: fromC() copies ob_item into
// the runtime object before the runtime reads it.
inline constexpr uint32_t kFilling = 1u << 0;
// An object of a C-defined type that has no runtime wrapper yet: fromC()
// makes one.  Until then its last Py_DECREF deallocates it at once.
inline constexpr uint32_t kNoWrapper = 1u << 1;
// tp_finalize ran (PEP 442: at most once per object).
inline constexpr uint32_t kFinalized = 1u << 2;
// A type proxy whose tp_dict C may replace: a class made by a C metaclass
// (_ctypes's metaclasses put a StgDict copy of the class dict there).
// fromC() compares tp_dict with the runtime type's dict first, and the type
// adopts C's dict (adoptForeignTypeDict, typeobject.cc).
inline constexpr uint32_t kForeignDict = 1u << 3;
}  // namespace proxy_flags

inline ProxyPrefix* prefixOf(PyObject* o) { return reinterpret_cast<ProxyPrefix*>(reinterpret_cast<char*>(o) - 16); }
inline PyObject* objectOf(ProxyPrefix* p) { return reinterpret_cast<PyObject*>(reinterpret_cast<char*>(p) + 16); }
// The prefix holding a link the collector's table gave (gc::findExternal).
inline ProxyPrefix* prefixOfLink(const gc::ExternalLink* link) {
  return reinterpret_cast<ProxyPrefix*>(reinterpret_cast<char*>(const_cast<gc::ExternalLink*>(link)) - 8);
}

namespace proxy_marks {
// C was handed a borrowed reference to this proxy (toBorrowed): C may keep
// the pointer while the owner holds the object, so it lives as long as the
// object even when a count it had drops to zero (takeNew).
inline constexpr uint16_t kBorrowed = 1u << 0;
// The proxy holds references to others that it keeps alive (keepAlive): it
// has an entry in that table, which freeing it must release.
inline constexpr uint16_t kKeeps = 1u << 1;
// A dict proxy that is a type's namespace, adopted from C's tp_dict
// (typeobject.cc adoptForeignTypeDict): its changes make the type's caches
// stale.
inline constexpr uint16_t kTypeDict = 1u << 2;
// The proxy is the wr_object of weak references' proxies (weakrefobject.cc),
// which must read None once it is freed.
inline constexpr uint16_t kWeakTarget = 1u << 3;
// A weak reference's proxy whose wr_object is some kWeakTarget's.
inline constexpr uint16_t kWeakReader = 1u << 4;
}  // namespace proxy_marks

// ---------------------------------------------------------------------------
// Conversions

// A new reference to v's proxy, made on first use.  v must not be null.
PyObject* toNew(Value v);
PyObject* toNewSlow(Value v);

// toNew's fast path: a direct-mapped cache of the prefixes of recently
// converted values' proxies, indexed by the Value's bits.  An entry is
// checked, never trusted: it answers only when the prefix's link still holds
// v.  That stays sound as objects move and proxies go, because the collector
// rewrites a moved object's link, and a link is cleared when its proxy is
// unlinked or freed (freeProxy), while the arena's memory stays mapped and a
// reused block gets a fresh link.  Proxies whose fields toNew must refresh
// first (dicts, bytearrays) are never entered.
namespace recent_proxies {
inline constexpr unsigned kBits = 8;
[[gnu::visibility("hidden")]] extern ProxyPrefix* g_slots[1u << kBits];
inline size_t slotOf(Value v) { return static_cast<size_t>((v.bits() * 0x9E3779B97F4A7C15ull) >> (64 - kBits)); }
}  // namespace recent_proxies

// The C object a prefix stands for: the proxy behind it, or for a kStatic
// record the object outside the arena it names.
inline PyObject* cObjectOf(ProxyPrefix* prefix) {
  return prefix->kind == ProxyKind::kStatic ? *reinterpret_cast<PyObject**>(objectOf(prefix)) : objectOf(prefix);
}

// A new reference to the proxy of a tagged int (longobject.cc): -5..256 are
// the static objects of _PyRuntime's small_ints (pyruntime.h), others come
// through a direct-mapped cache of recent ones that the slow path fills.
namespace int_proxies {
// 128 slots: their proxies (64-byte blocks, 8 KiB) stay in the L1 cache.  A
// loop passing a fresh int to C each call rewrites one slot's proxy in place
// (longobject.cc); with 1,024 slots each call touched a proxy not seen for
// a thousand calls, a cache miss per call.
inline constexpr unsigned kRecentBits = 7;
[[gnu::visibility("hidden")]] extern PyObject* g_recent[1u << kRecentBits];
inline size_t recentSlotOf(int64_t n) {
  return static_cast<size_t>((static_cast<uint64_t>(n) * 0x9E3779B97F4A7C15ull) >> (64 - kRecentBits));
}
PyObject* slow(int64_t n);
}  // namespace int_proxies

inline PyObject* taggedIntProxy(int64_t n) {
  using namespace int_proxies;
  if (n >= kSmallIntFirst && n <= kSmallIntLast) {
    PyObject* o = smallIntObject(n);
    Py_INCREF(o);
    return o;
  }
  PyObject* p = g_recent[recentSlotOf(n)];
  if (p != nullptr && prefixOf(p)->link.target == Value::fromSmallInt(n)) {
    Py_INCREF(p);
    return p;
  }
  return slow(n);
}

inline PyObject* toNew(Value v) {
  if (v.isSmallInt()) return taggedIntProxy(v.asSmallInt());
  ProxyPrefix* prefix = recent_proxies::g_slots[recent_proxies::slotOf(v)];
  if (prefix != nullptr && prefix->link.target == v) {
    PyObject* o = cObjectOf(prefix);
    Py_INCREF(o);
    return o;
  }
  return toNewSlow(v);
}
// A borrowed reference to `item`, which `owner` (a proxy C holds) keeps alive:
// PyList_GetItem, PyDict_GetItem.  A heap object's proxy lives as long as the
// object; a tagged int's proxy is kept by the owner until the owner dies.
PyObject* toBorrowed(PyObject* owner, Value item);
// The value of a new reference C hands over (a function's result), giving the
// reference up.  When it was the only one and C never borrowed the proxy,
// nothing in C can reach the proxy any more: it is unlinked and freed at once,
// instead of living until the object dies.  (Its items are only released: C
// may hold borrowed pointers to them that their other owners keep valid.)
Value takeNew(PyObject* o);
Value takeNewSlow(PyObject* o);
// toNew for a runtime call's result: a null Value (exception pending) gives NULL.
inline PyObject* returnNew(Value v) { return v.isNull() ? nullptr : toNew(v); }
// The value a proxy stands for.  o must not be null.
Value fromCSlow(PyObject* o);
inline bool inArena(const void* p) { return arenaContains(p); }
inline Value fromC(PyObject* o) {
  if (inArena(o)) {
    ProxyPrefix* prefix = prefixOf(o);
    if (prefix->flags == 0) return prefix->link.target;
  } else if (int64_t n; isSmallIntObject(o, &n)) {
    return Value::fromSmallInt(n);
  }
  return fromCSlow(o);
}
// takeNew's usual cases: a proxy somebody else counts too is just released,
// and so are None and the small ints (outside the arena, they never die).
inline Value takeNew(PyObject* o) {
  if (inArena(o)) {
    ProxyPrefix* prefix = prefixOf(o);
    if (prefix->flags == 0 && o->ob_refcnt > 1) {
      --o->ob_refcnt;
      return prefix->link.target;
    }
  } else if (o == Py_None) {
    --o->ob_refcnt;
    return None();
  } else if (int64_t n; isSmallIntObject(o, &n)) {
    --o->ob_refcnt;
    return Value::fromSmallInt(n);
  }
  return takeNewSlow(o);
}
// Py_DECREF of a proxy the runtime lent C for a call, with _Py_Dealloc's
// usual cases inline: a linked proxy at zero merely stops being a root, and
// so does an object of a C type that has its runtime wrapper (the wrapper's
// finalizer deallocates it).
inline void releaseLent(PyObject* o) {
  if (--o->ob_refcnt != 0) return;
  if (inArena(o)) {
    ProxyPrefix* prefix = prefixOf(o);
    if (prefix->kind == ProxyKind::kCObject) {
      if (!(prefix->flags & proxy_flags::kNoWrapper)) return;
    } else if (prefix->kind != ProxyKind::kTaggedInt && !prefix->link.target.isNull()) {
      return;
    }
  }
  _Py_Dealloc(o);
}
// fromC for an argument that may be NULL (returns a null Value).
inline Value fromCOrNull(PyObject* o) { return o == nullptr ? Value() : fromC(o); }

// Registers an object outside the arena (a static PyTypeObject, an exported
// singleton) as the proxy of `v`, for good.  (The small ints of _PyRuntime
// need no record: fromC knows them by their address, and a tagged value
// gives the collector nothing to follow.)
void registerStatic(PyObject* object, Value v);

// ---------------------------------------------------------------------------
// Errors

// SystemError "<function>: bad argument to internal function", as CPython's
// PyErr_BadInternalCall names the C function misused.  Returns null for use
// in `return badInternalCall(...)`.
std::nullptr_t badInternalCall(const char* function);

}  // namespace tern::cpyext
