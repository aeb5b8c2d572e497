// list: a growable array of references.
//
// Layout: the ListObj holds the length and a reference to its storage, an
// `_array` object (ArrayObj: a fixed-capacity block of traced slots).  Growing
// replaces the storage.  Invariants: 0 <= length <= capacity of the storage;
// slots at index >= length are null (so they keep nothing alive); `items` is
// null iff the capacity is 0.
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

// A raw block of traced slots: list storage, dict entries, frame spills.
struct ArrayObj : Obj {
  int64_t capacity;
  gc::HeapValue items[];  // NOLINT: flexible array member
};
Value newArray(int64_t capacity);  // every slot null

struct ListObj : Obj {
  int64_t length;
  gc::HeapValue items;  // ArrayObj or null
};

inline ListObj* asList(Value v) { return static_cast<ListObj*>(v.asObject()); }
inline bool isList(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kListSubclass); }
inline bool isExactList(Value v) { return !v.isSmallInt() && typeOf(v) == types::list_type; }
inline int64_t listLength(Value l) { return asList(l)->length; }
inline Value listItem(Value l, int64_t i) {
  return static_cast<ArrayObj*>(asList(l)->items.get().asObject())->items[i].get();
}
inline void listSetItem(Value l, int64_t i, Value v) {
  static_cast<ArrayObj*>(asList(l)->items.get().asObject())->items[i].set(v);
}

Value newList(int64_t capacity = 0);  // empty, with room for `capacity`
Value newListFrom(const Value* items, int64_t n);  // items must not point into the heap
bool listAppend(Value list, Value item);  // false on MemoryError
// list(iterable) / list.extend(iterable); null or false on error.
Value listFromIterable(Value iterable);
bool listExtend(Value list, Value iterable);
Value listAsTuple(Value list);

}  // namespace tern
