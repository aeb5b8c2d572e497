// list, its iterators, and the storage objects of the containers: `_array`
// (a block of traced slots, list.h's ArrayObj) and `_rawbytes` (untraced
// bytes, rawbytes.h).
//
// Invariants (list.h): 0 <= length <= capacity of `items`; slots at index >=
// length are null; `items` is null iff the capacity is 0.  Every function that
// calls out (comparisons, __index__, iteration) re-reads the length and the
// storage afterwards: Python code may have mutated the list, and an
// allocation may have moved the storage.
#include "runtime/objects/list.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/sort.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

using containers::selfIter;

// ---------------------------------------------------------------------------
// Storage: _array and _rawbytes

namespace {
constexpr int64_t kMaxArrayLength = int64_t{1} << 40;
}

Value newArray(int64_t capacity) {
  if (capacity < 0 || capacity > kMaxArrayLength) return raiseNoMemory();
  Obj* o = newObject(types::array_type, sizeof(ArrayObj) + static_cast<size_t>(capacity) * sizeof(gc::HeapValue));
  static_cast<ArrayObj*>(o)->capacity = capacity;
  return Value(o);
}

Value newRawBytes(size_t n) {
  if (n > (size_t{1} << 44)) return raiseNoMemory();
  size_t rounded = (n + 7) & ~size_t{7};
  Obj* o = newObject(types::rawbytes_type, sizeof(RawBytesObj) + rounded);
  static_cast<RawBytesObj*>(o)->size = static_cast<int64_t>(n);
  return Value(o);
}

namespace {

inline ArrayObj* asArray(Value v) { return static_cast<ArrayObj*>(v.asObject()); }
inline int64_t listCapacity(Value list) {
  Value items = asList(list)->items.get();
  return items.isNull() ? 0 : asArray(items)->capacity;
}

// Makes room for `newsize` items (CPython's list_resize over-allocation, so
// that __sizeof__ and growth match), then sets the length.  New slots are
// null; slots past a shrunk length are cleared.  False on MemoryError.
bool listResize(Value list, int64_t newsize) {
  int64_t capacity = listCapacity(list);
  ListObj* l = asList(list);
  if (capacity >= newsize && newsize >= (capacity >> 1)) {
    Value items = l->items.get();
    for (int64_t i = newsize; i < l->length; ++i) asArray(items)->items[i].set(Value());
    l->length = newsize;
    return true;
  }
  int64_t allocated = 0;
  if (newsize > 0) {
    allocated = (newsize + (newsize >> 3) + 6) & ~int64_t{3};
    if (newsize - l->length > allocated - newsize) allocated = (newsize + 3) & ~int64_t{3};
  }
  if (allocated == 0) {
    l->items.set(Value());
    l->length = 0;
    return true;
  }
  Value fresh = newArray(allocated);
  if (fresh.isNull()) return false;
  l = asList(list);  // re-read: the allocation may have moved the list
  Value old = l->items.get();
  int64_t keep = std::min(l->length, newsize);
  for (int64_t i = 0; i < keep; ++i) asArray(fresh)->items[i].set(asArray(old)->items[i].get());
  l->items.set(fresh);
  l->length = newsize;
  return true;
}

// Sets the storage to exactly `capacity` slots (at least the length).
bool listReserve(Value list, int64_t capacity) {
  if (capacity <= listCapacity(list)) return true;
  Value fresh = newArray(capacity);
  if (fresh.isNull()) return false;
  ListObj* l = asList(list);
  Value old = l->items.get();
  for (int64_t i = 0; i < l->length; ++i) asArray(fresh)->items[i].set(asArray(old)->items[i].get());
  l->items.set(fresh);
  return true;
}

Value allocList(Type* type) { return Value(newObject(type, type->basic_size)); }

}  // namespace

Value newList(int64_t capacity) {
  Value list = allocList(types::list_type);
  if (capacity > 0 && !listReserve(list, capacity)) return Value();
  return list;
}

Value newListFrom(const Value* items, int64_t n) {
  Value list = newList(n);
  if (list.isNull()) return list;
  for (int64_t i = 0; i < n; ++i) asArray(asList(list)->items.get())->items[i].set(items[i]);
  asList(list)->length = n;
  return list;
}

bool listAppend(Value list, Value item) {
  int64_t n = asList(list)->length;
  if (n < listCapacity(list)) {
    asArray(asList(list)->items.get())->items[n].set(item);
    asList(list)->length = n + 1;
    return true;
  }
  if (!listResize(list, n + 1)) return false;
  listSetItem(list, n, item);
  return true;
}

bool listExtend(Value list, Value iterable) {
  if (isList(iterable) || isTuple(iterable)) {
    // Snapshot the source length: `a.extend(a)` doubles once.
    int64_t m = isList(iterable) ? listLength(iterable) : tupleLength(iterable);
    if (m == 0) return true;
    int64_t n = listLength(list);
    if (!listResize(list, n + m)) return false;
    for (int64_t i = 0; i < m; ++i) {
      Value v = isList(iterable) ? listItem(iterable, i) : tupleItem(iterable, i);
      listSetItem(list, n + i, v);
    }
    return true;
  }
  Value it = getIter(iterable);
  if (it.isNull()) return false;
  int64_t hint = lengthHint(iterable, 8);
  if (hint < 0) return false;
  int64_t n = listLength(list);
  if (hint > 0 && n + hint > listCapacity(list) && hint < kMaxArrayLength) {
    if (!listReserve(list, n + hint)) return false;
  }
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) {
      if (errorPending()) return false;
      break;
    }
    if (!listAppend(list, item)) return false;
  }
  return true;
}

Value listFromIterable(Value iterable) {
  Value list = newList();
  if (list.isNull() || !listExtend(list, iterable)) return Value();
  return list;
}

Value listAsTuple(Value list) {
  int64_t n = listLength(list);
  Value t = newTuple(n);
  if (t.isNull()) return t;
  // The list cannot change here: nothing runs Python code.
  for (int64_t i = 0; i < n && i < listLength(list); ++i) tupleInit(t, i, listItem(list, i));
  return t;
}

namespace {

// ---------------------------------------------------------------------------
// Tables

const uint32_t kObFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kArrayLayout = {
    .name = "_array", .fields = kObFields, .trailing_refs_from = offsetof(ArrayObj, items)};
const gc::Layout kRawBytesLayout = {.name = "_rawbytes", .fields = kObFields};

const TypeSpec kArraySpec = {
    .name = "_array",
    .type = &types::array_type,
    .layout = &kArrayLayout,
    .basic_size = sizeof(ArrayObj),
    .item_size = sizeof(gc::HeapValue),
};
TERN_REGISTER_TYPE(kArraySpec);

const TypeSpec kRawBytesSpec = {
    .name = "_rawbytes",
    .type = &types::rawbytes_type,
    .layout = &kRawBytesLayout,
    .basic_size = sizeof(RawBytesObj),
    .item_size = 1,
};
TERN_REGISTER_TYPE(kRawBytesSpec);

}  // namespace
}  // namespace tern
