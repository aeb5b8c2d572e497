// list: a growable array of references.
//
// Layout: the ListObj holds the length and a reference to its storage, an
// `_array` object (ArrayObj: a fixed-capacity block of traced slots).  Growing
// replaces the storage.  Invariants: 0 <= length <= capacity of the storage;
// slots at index >= length are null (so they keep nothing alive); `items` is
// null iff the capacity is 0.
//
// C storage.  While a list has a cpyext proxy, its items live in C instead:
// `c_storage` points at the proxy's PyListObject, whose ob_item/ob_size are
// the list (references to the items' proxies), and `items` is null and
// `length` 0.  C code reading or writing them with CPython's macros
// (PyList_GET_ITEM, PyList_SET_ITEM, Cython's fast append) and the runtime
// then see one list without copying in either direction.  The runtime reaches
// C storage through ListCStorageHooks (cpyext/listobject.cc installs them):
// listLength/listItem/listSetItem/listAppend/listTruncate work on it
// directly; every other operation runs on heap storage inside a
// HeapListStorage scope (list.cc), which moves the items into an `_array` for
// its duration and back into C storage at its end.  The collector traces C
// storage through the list's layout (ListCStorageHooks::trace).
#pragma once

#include <cstdint>

#include "runtime/gc/layout.h"
#include "runtime/objects/object.h"

namespace tern {

// A raw block of traced slots: list storage, dict entries, frame spills.
// The object may extend past `capacity` with null words: room a big list's
// storage keeps to grow in place (list.cc, listResize).
struct ArrayObj : Obj {
  int64_t capacity;
  gc::HeapValue items[];  // NOLINT: flexible array member
};
Value newArray(int64_t capacity);  // every slot null

struct ListObj : Obj {
  int64_t length;
  gc::HeapValue items;  // ArrayObj or null
  void* c_storage;      // null, or the C storage the items live in (above)
};

// How the runtime reaches a list's C storage.  `c` is ListObj::c_storage.
// None of them runs Python code; item() may allocate (a container C filled
// becomes a runtime object when first read).
struct ListCStorageHooks {
  int64_t (*length)(void* c);
  Value (*item)(void* c, int64_t i);                // 0 <= i < length
  void (*set_item)(void* c, int64_t i, Value v);    // 0 <= i < length, v not null
  bool (*append)(void* c, Value v);                 // false on MemoryError
  void (*truncate)(void* c, int64_t n);             // 0 <= n <= length
  // Makes the C storage hold the items of `list` (which is on heap storage).
  void (*assign)(void* c, Value list);
  void (*trace)(void* c, gc::SlotVisitor& visitor);  // every item's slot
  // The list, which has a proxy, is free to move to C storage now: the last
  // operation that needed it on heap storage ended (see listMayUseCStorage).
  void (*heap_released)(Value list);
};
inline const ListCStorageHooks* g_list_c_hooks = nullptr;
void setListCStorageHooks(const ListCStorageHooks* hooks);
// Moves `list`'s items into C storage `c`, which already holds them.
// Only when listMayUseCStorage(list): false while an operation works on the
// list's heap storage (it may hold that storage across calls out); the list
// moves when the operation ends (ListCStorageHooks::heap_released).
void listUseCStorage(Value list, void* c);
bool listMayUseCStorage(Value list);
// Moves `list`'s items back onto the heap (its C storage is about to be
// freed).  False on MemoryError (the list stays on C storage).
bool listLeaveCStorage(Value list);

inline ListObj* asList(Value v) { return static_cast<ListObj*>(v.asObject()); }
inline bool isList(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kListSubclass); }
inline bool isExactList(Value v) { return !v.isSmallInt() && typeOf(v) == types::list_type; }
inline int64_t listLength(Value l) {
  ListObj* o = asList(l);
  if (o->c_storage != nullptr) [[unlikely]] return g_list_c_hooks->length(o->c_storage);
  return o->length;
}
inline Value listItem(Value l, int64_t i) {
  ListObj* o = asList(l);
  if (o->c_storage != nullptr) [[unlikely]] return g_list_c_hooks->item(o->c_storage, i);
  return static_cast<ArrayObj*>(o->items.get().asObject())->items[i].get();
}
// v not null (use listTruncate to drop items).
inline void listSetItem(Value l, int64_t i, Value v) {
  ListObj* o = asList(l);
  if (o->c_storage != nullptr) [[unlikely]] return g_list_c_hooks->set_item(o->c_storage, i, v);
  static_cast<ArrayObj*>(o->items.get().asObject())->items[i].set(v);
}
// Drops the items from index n on (n <= length).
void listTruncate(Value list, int64_t n);

Value newList(int64_t capacity = 0);  // empty, with room for `capacity`
Value newListFrom(const Value* items, int64_t n);  // items must not point into the heap
bool listAppend(Value list, Value item);  // false on MemoryError
// list(iterable) / list.extend(iterable); null or false on error.
Value listFromIterable(Value iterable);
bool listExtend(Value list, Value iterable);
Value listAsTuple(Value list);

}  // namespace tern
