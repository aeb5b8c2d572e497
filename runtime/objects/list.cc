// list, its iterators, and the storage objects of the containers: `_array`
// (a block of traced slots, list.h's ArrayObj) and `_rawbytes` (untraced
// bytes, rawbytes.h).
//
// Invariants (list.h): 0 <= length <= capacity of `items`; slots at index >=
// length are null; `items` is null iff the capacity is 0.  Every function that
// calls out (comparisons, __index__, iteration) re-reads the length and the
// storage afterwards: Python code may have mutated the list, and an
// allocation may have moved the storage.
//
// C storage (list.h): a list whose items live in a cpyext proxy is read and
// written through the hooks by listLength/listItem/listSetItem/listAppend/
// listTruncate; every function below that touches `items`, `length` or the
// capacity directly first opens a HeapListStorage scope on the list.
#include "runtime/objects/list.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

#include "runtime/gc/barrier.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/genericalias.h"
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
// Storage sizes are Python's to choose ([None] * n): every allocation below
// is the fallible one (tryNewObject), which raises MemoryError when the heap
// has no room; this bound only keeps the byte count from overflowing.
constexpr int64_t kMaxArrayLength = int64_t{1} << 40;
}

Value newArray(int64_t capacity) {
  if (capacity < 0 || capacity > kMaxArrayLength) return raiseNoMemory();
  Obj* o = tryNewObject(types::array_type, sizeof(ArrayObj) + static_cast<size_t>(capacity) * sizeof(gc::HeapValue));
  if (o == nullptr) return Value();
  static_cast<ArrayObj*>(o)->capacity = capacity;
  return Value(o);
}

namespace {

// Storage of at least this many slots is made with room to grow (listResize).
constexpr int64_t kRoomyArray = 4096;

// An _array of `capacity` slots whose object has room for `words` (>= capacity),
// or for `capacity` only when the heap has no room for the spare words.
Value newArrayWithRoom(int64_t capacity, int64_t words) {
  if (words > capacity && words <= kMaxArrayLength) {
    Obj* o = tryNewObject(types::array_type, sizeof(ArrayObj) + static_cast<size_t>(words) * sizeof(gc::HeapValue));
    if (o != nullptr) {
      static_cast<ArrayObj*>(o)->capacity = capacity;
      return Value(o);
    }
    clearError();
  }
  return newArray(capacity);
}

}  // namespace

Value newRawBytes(size_t n) {
  if (n > (size_t{1} << 44)) return raiseNoMemory();
  size_t rounded = (n + 7) & ~size_t{7};
  Obj* o = tryNewObject(types::rawbytes_type, sizeof(RawBytesObj) + rounded);
  if (o == nullptr) return Value();
  static_cast<RawBytesObj*>(o)->size = static_cast<int64_t>(n);
  return Value(o);
}

Value rawBytesOld(Value block) {
  if (!gc::isYoungReference(block)) return block;
  int64_t size = rawBytesSize(block);
  size_t rounded = (static_cast<size_t>(size) + 7) & ~size_t{7};
  Obj* copy = newObjectOld(types::rawbytes_type, sizeof(RawBytesObj) + rounded);
  static_cast<RawBytesObj*>(copy)->size = size;
  // `block` is a conservative stack root: pinned if young, so still valid.
  std::memcpy(static_cast<RawBytesObj*>(copy)->data(), rawBytesData(block), rounded);
  return Value(copy);
}

namespace {

inline ArrayObj* asArray(Value v) { return static_cast<ArrayObj*>(v.asObject()); }
inline int64_t listCapacity(Value list) {
  Value items = asList(list)->items.get();
  return items.isNull() ? 0 : asArray(items)->capacity;
}

// The lists some HeapListStorage scope is working on (a list may appear more
// than once: scopes nest, and threads interleave them while Python code runs).
gc::RootVector& busyLists() {
  static auto* lists = new gc::RootVector();
  return *lists;
}

bool isBusy(Value list) {
  gc::RootVector& busy = busyLists();
  for (size_t i = busy.size(); i-- > 0;) {
    if (busy[i] == list) return true;
  }
  return false;
}

// While alive, `list` keeps its items on heap storage: a list on C storage
// has them moved into an `_array` (the C storage keeps its references) and,
// when the last scope on the list ends, back into C storage as the
// operation left them; a list that got a proxy meanwhile moves to C storage
// then too (listMayUseCStorage says not before).  So code inside may hold
// the storage across calls out.  Meanwhile C code that reads the list with
// macros sees it as it was when the scope opened, and writes it makes with
// macros are lost; the PyList_* functions work on the heap storage.  ok() is
// false (MemoryError pending) when the items could not be moved.
class HeapListStorage {
 public:
  explicit HeapListStorage(Value list) : list_(list) {
    void* c = asList(list)->c_storage;
    if (c != nullptr) {
      int64_t n = g_list_c_hooks->length(c);
      gc::RootVector values;
      values.resize(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) values.set(static_cast<size_t>(i), g_list_c_hooks->item(c, i));
      Value storage = n == 0 ? Value() : newArray(n);
      if (n != 0 && storage.isNull()) {
        ok_ = false;
        return;
      }
      for (int64_t i = 0; i < n; ++i) asArray(storage)->items[i].set(values[static_cast<size_t>(i)]);
      ListObj* l = asList(list_);
      l->c_storage = nullptr;
      l->items.set(storage);
      l->length = n;
    }
    busyLists().push_back(list_);
  }
  ~HeapListStorage() {
    if (!ok_) return;
    gc::RootVector& busy = busyLists();
    for (size_t i = busy.size(); i-- > 0;) {
      if (busy[i] != list_) continue;
      for (size_t j = i + 1; j < busy.size(); ++j) busy.set(j - 1, busy[j]);
      busy.resize(busy.size() - 1);
      break;
    }
    if (isBusy(list_) || !list_.asObject()->hasFlag(gc::header::kHasExternal)) return;
    g_list_c_hooks->heap_released(list_);
  }
  HeapListStorage(const HeapListStorage&) = delete;
  HeapListStorage& operator=(const HeapListStorage&) = delete;
  bool ok() const { return ok_; }

 private:
  Value list_;
  bool ok_ = true;
};

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
  if (newsize > kMaxArrayLength) {  // the over-allocation below must not overflow
    raiseNoMemory();
    return false;
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
  // A big list's storage is made with spare words beyond its capacity (the
  // capacity __sizeof__ reports and growth follows stays CPython's): growing
  // into them needs no copy, where copying at every eighth of growth cost
  // appends nine copies of each item.  The spare words are null.
  Value current = l->items.get();
  if (!current.isNull() && allocated > capacity) {
    auto spare = static_cast<int64_t>((current.asObject()->sizeBytes() - sizeof(ArrayObj)) / sizeof(gc::HeapValue));
    if (allocated <= spare) {
      asArray(current)->capacity = allocated;
      l->length = newsize;
      return true;
    }
  }
  Value fresh = newArrayWithRoom(allocated, allocated >= kRoomyArray ? allocated + (allocated >> 1) : allocated);
  if (fresh.isNull()) return false;
  l = asList(list);  // re-read: the allocation may have moved the list
  Value old = l->items.get();
  int64_t keep = std::min(l->length, newsize);
  if (keep > 0) gc::moveSlots(&asArray(fresh)->items[0], &asArray(old)->items[0], static_cast<size_t>(keep));
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

// PySequence_Fast: a list or tuple with the items of `v` (v itself when it is
// an exact list or tuple); a TypeError from iter(v) becomes `message`.
Value sequenceFast(Value v, const char* message) {
  if (isExactList(v) || isExactTuple(v)) return v;
  Value it = getIter(v);
  if (it.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raise(exc::TypeError, message);
    }
    return Value();
  }
  return listFromIterable(it);
}

inline int64_t fastLength(Value seq) { return isList(seq) ? listLength(seq) : tupleLength(seq); }
inline Value fastItem(Value seq, int64_t i) { return isList(seq) ? listItem(seq, i) : tupleItem(seq, i); }

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
  if (asList(list)->c_storage != nullptr) return g_list_c_hooks->append(asList(list)->c_storage, item);
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
  HeapListStorage heap(list);
  if (!heap.ok()) return false;
  if (isExactList(iterable) || isExactTuple(iterable) || iterable == list) {
    // Snapshot the source length: `a.extend(a)` doubles once.
    int64_t m = isList(iterable) ? listLength(iterable) : tupleLength(iterable);
    if (m == 0) return true;
    int64_t n = listLength(list);
    if (listCapacity(list) == 0) {
      if (!listReserve(list, m)) return false;  // an empty list gets exactly m (CPython's list_preallocate_exact)
    }
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
  // A huge hint is MemoryError, as CPython's pre-sizing (list(range(2**60)));
  // one that would overflow with the length is ignored.
  if (hint > 0 && hint <= INT64_MAX - n) {
    if (listCapacity(list) == 0) {
      if (!listReserve(list, hint)) return false;  // exactly the hint, as CPython's list_preallocate_exact
    } else if (n + hint > listCapacity(list)) {
      if (!listResize(list, n + hint)) return false;
      asList(list)->length = n;  // keep the room; the new slots are null
    }
  }
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) {
      if (errorPending()) return false;
      break;
    }
    if (!listAppend(list, item)) return false;
  }
  // Give back a too-generous guess (shrinks only below half the capacity).
  if (listLength(list) < listCapacity(list)) return listResize(list, listLength(list));
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

void listTruncate(Value list, int64_t n) {
  ListObj* l = asList(list);
  if (l->c_storage != nullptr) return g_list_c_hooks->truncate(l->c_storage, n);
  if (n == 0) {
    l->items.set(Value());
    l->length = 0;
    return;
  }
  listResize(list, n);  // shrinking: room is never needed
}

void setListCStorageHooks(const ListCStorageHooks* hooks) { g_list_c_hooks = hooks; }

bool listMayUseCStorage(Value list) { return !isBusy(list); }

void listUseCStorage(Value list, void* c) {
  ListObj* l = asList(list);
  l->items.set(Value());
  l->length = 0;
  l->c_storage = c;
}

bool listLeaveCStorage(Value list) {
  void* c = asList(list)->c_storage;
  if (c == nullptr) return true;
  int64_t n = g_list_c_hooks->length(c);
  gc::RootVector values;
  values.resize(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) values.set(static_cast<size_t>(i), g_list_c_hooks->item(c, i));
  Value storage;
  if (n != 0) {
    storage = newArray(n);
    if (storage.isNull()) return false;
    for (int64_t i = 0; i < n; ++i) asArray(storage)->items[i].set(values[static_cast<size_t>(i)]);
  }
  ListObj* l = asList(list);
  l->c_storage = nullptr;
  l->items.set(storage);
  l->length = n;
  return true;
}

namespace {

// ---------------------------------------------------------------------------
// Helpers over the storage

// Replaces self[lo:hi] by the items of `seq` (a list or tuple that is not
// `self`); lo and hi already clipped.  False on MemoryError.
bool replaceRange(Value self, int64_t lo, int64_t hi, Value seq) {
  int64_t n = seq.isNull() ? 0 : fastLength(seq);
  int64_t len = listLength(self);
  int64_t d = n - (hi - lo);
  if (d < 0) {
    ArrayObj* a = asArray(asList(self)->items.get());
    gc::moveSlots(&a->items[hi + d], &a->items[hi], static_cast<size_t>(len - hi));
    if (!listResize(self, len + d)) return false;
  } else if (d > 0) {
    if (!listResize(self, len + d)) return false;
    ArrayObj* a = asArray(asList(self)->items.get());
    gc::moveSlots(&a->items[hi + d], &a->items[hi], static_cast<size_t>(len - hi));
  }
  for (int64_t i = 0; i < n; ++i) listSetItem(self, lo + i, fastItem(seq, i));
  return true;
}

// list_ass_slice: self[lo:hi] = v (v null: delete); -1 on error.
int assignSlice(Value self, int64_t lo, int64_t hi, Value v) {
  HeapListStorage heap(self);
  if (!heap.ok()) return -1;
  Value seq;
  if (!v.isNull()) {
    if (v == self) {
      v = newListFrom(nullptr, 0);
      if (v.isNull() || !listExtend(v, self)) return -1;
    }
    seq = sequenceFast(v, "can only assign an iterable");
    if (seq.isNull()) return -1;
  }
  int64_t len = listLength(self);
  if (lo < 0) {
    lo = 0;
  } else if (lo > len) {
    lo = len;
  }
  if (hi < lo) {
    hi = lo;
  } else if (hi > len) {
    hi = len;
  }
  return replaceRange(self, lo, hi, seq) ? 0 : -1;
}

Value listSlice(Value self, int64_t start, int64_t step, int64_t n) {
  Value out = newList(n > 0 ? n : 0);
  if (out.isNull() || n <= 0) return out;
  asList(out)->length = n;
  for (int64_t i = 0, j = start; i < n; ++i, j += step) listSetItem(out, i, listItem(self, j));
  return out;
}

// ---------------------------------------------------------------------------
// Slots

Value list_repr(Value self) {
  if (listLength(self) == 0) return containers::strFromUtf8("[]");
  int r = reprEnter(self);
  if (r < 0) return Value();
  if (r > 0) return containers::strFromUtf8("[...]");
  std::string out = "[";
  // The list may change under a repr: re-read the length every time.
  for (int64_t i = 0; i < listLength(self); ++i) {
    if (i > 0) out += ", ";
    if (!containers::appendRepr(out, listItem(self, i))) {
      reprLeave(self);
      return Value();
    }
  }
  out += "]";
  reprLeave(self);
  return containers::strFromUtf8(out);
}

int64_t list_len(Value self) { return listLength(self); }

Value list_subscript(Value self, Value key) {
  if (containers::hasIndex(key)) {
    int64_t i;
    if (!containers::indexValue(key, &i)) return Value();
    int64_t n = listLength(self);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(exc::IndexError, "list index out of range");
    return listItem(self, i);
  }
  if (isSlice(key)) {
    int64_t start, stop, step;
    if (!sliceUnpack(key, &start, &stop, &step)) return Value();
    int64_t len = sliceAdjustIndices(listLength(self), &start, &stop, step);
    return listSlice(self, start, step, len);
  }
  return containers::raiseBadIndexType("list", key);
}

int list_ass_subscript(Value self, Value key, Value value) {
  if (containers::hasIndex(key)) {
    int64_t i;
    if (!containers::indexValue(key, &i)) return -1;
    int64_t n = listLength(self);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raise(exc::IndexError, "list assignment index out of range");
      return -1;
    }
    if (!value.isNull()) {
      listSetItem(self, i, value);
      return 0;
    }
    return assignSlice(self, i, i + 1, Value());
  }
  if (!isSlice(key)) {
    raisef(exc::TypeError, "list indices must be integers or slices, not %s", typeNameOf(key).c_str());
    return -1;
  }
  int64_t start, stop, step;
  if (!sliceUnpack(key, &start, &stop, &step)) return -1;
  HeapListStorage heap(self);
  if (!heap.ok()) return -1;
  int64_t slicelen = sliceAdjustIndices(listLength(self), &start, &stop, step);
  if (step == 1) return assignSlice(self, start, stop, value);
  // s[5:2] = [...] inserts before 5, not before 2.
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (value.isNull()) {
    if (slicelen <= 0) return 0;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelen - 1) - 1;
      step = -step;
    }
    int64_t len = listLength(self);
    ArrayObj* a = asArray(asList(self)->items.get());
    int64_t j = start;
    for (int64_t i = start; i < len; ++i) {
      int64_t off = i - start;
      if (off % step == 0 && off / step < slicelen) continue;
      a->items[j++].set(a->items[i].get());
    }
    return listResize(self, len - slicelen) ? 0 : -1;
  }
  Value seq;
  if (value == self) {
    seq = listSlice(self, 0, 1, listLength(self));
  } else {
    seq = sequenceFast(value, "must assign iterable to extended slice");
  }
  if (seq.isNull()) return -1;
  int64_t n = fastLength(seq);
  if (n != slicelen) {
    raisef(exc::ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
           static_cast<long long>(n), static_cast<long long>(slicelen));
    return -1;
  }
  for (int64_t k = 0, i = start; k < n; ++k, i += step) listSetItem(self, i, fastItem(seq, k));
  return 0;
}

int list_contains(Value self, Value item) {
  for (int64_t i = 0; i < listLength(self); ++i) {
    int r = richCompareBool(listItem(self, i), item, kEq);
    if (r != 0) return r;
  }
  return 0;
}

Value list_richcompare(Value a, Value b, int op) {
  containers::RecursionGuard guard(containers::kInComparison);
  if (!guard.ok()) return Value();
  if (!isList(a) || !isList(b)) return NotImplemented();
  if (listLength(a) != listLength(b) && (op == kEq || op == kNe)) return Bool(op == kNe);
  int64_t i = 0;
  for (; i < listLength(a) && i < listLength(b); ++i) {
    Value va = listItem(a, i), vb = listItem(b, i);
    if (va == vb) continue;
    int r = richCompareBool(va, vb, kEq);
    if (r < 0) return Value();
    if (r == 0) break;
  }
  int64_t na = listLength(a), nb = listLength(b);
  if (i >= na || i >= nb) {
    return Bool(orderingSatisfies(na < nb ? -1 : na > nb ? 1 : 0, op));
  }
  if (op == kEq) return False();
  if (op == kNe) return True();
  return richCompare(listItem(a, i), listItem(b, i), op);
}

Value list_concat(Value a, Value b) {
  if (!isList(a)) return NotImplemented();
  if (!isList(b)) {
    if (containers::mayReflect(b, names::__radd__)) return NotImplemented();
    return raisef(exc::TypeError, "can only concatenate list (not \"%s\") to list", typeNameOf(b).c_str());
  }
  int64_t na = listLength(a), nb = listLength(b);
  Value out = newList(na + nb);
  if (out.isNull()) return out;
  asList(out)->length = na + nb;
  for (int64_t i = 0; i < na; ++i) listSetItem(out, i, listItem(a, i));
  for (int64_t i = 0; i < nb; ++i) listSetItem(out, na + i, listItem(b, i));
  return out;
}

// The repeat count of `seq * count` (either order); false with NotImplemented
// in *result or an error pending.
bool repeatCount(Value count, Value seq_first, int64_t* n, Value* result) {
  if (!containers::hasIndex(count)) {
    if (containers::mayReflect(count, seq_first.isNull() ? names::__mul__ : names::__rmul__)) {
      *result = NotImplemented();
      return false;
    }
    raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", typeNameOf(count).c_str());
    *result = Value();
    return false;
  }
  *result = Value();
  if (!indexToInt64(count, n, exc::OverflowError)) return false;
  if (*n < 0) *n = 0;
  return true;
}

Value list_repeat(Value a, Value b) {
  Value seq = a, count = b;
  if (!isList(a)) {
    seq = b;
    count = a;
  }
  int64_t n;
  Value result;
  if (!repeatCount(count, seq == a ? seq : Value(), &n, &result)) return result;
  int64_t len = listLength(seq);
  if (len == 0 || n == 0) return newList();
  if (len > kMaxArrayLength / n) return raiseNoMemory();
  Value out = newList(len * n);
  if (out.isNull()) return out;
  asList(out)->length = len * n;
  for (int64_t k = 0; k < n; ++k) {
    for (int64_t i = 0; i < len; ++i) listSetItem(out, k * len + i, listItem(seq, i));
  }
  return out;
}

Value list_inplace_concat(Value self, Value other) {
  if (!isList(self)) return NotImplemented();
  if (!listExtend(self, other)) return Value();
  return self;
}

Value list_inplace_repeat(Value self, Value count) {
  if (!isList(self)) return NotImplemented();
  int64_t n;
  Value result;
  if (!repeatCount(count, self, &n, &result)) return result;
  HeapListStorage heap(self);
  if (!heap.ok()) return Value();
  int64_t len = listLength(self);
  if (len == 0 || n == 1) return self;
  if (n == 0) {
    asList(self)->items.set(Value());
    asList(self)->length = 0;
    return self;
  }
  if (len > kMaxArrayLength / n) return raiseNoMemory();
  if (!listResize(self, len * n)) return Value();
  for (int64_t k = 1; k < n; ++k) {
    for (int64_t i = 0; i < len; ++i) listSetItem(self, k * len + i, listItem(self, i));
  }
  return self;
}

Value list_iter(Value self);

Value list_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) { return allocList(type); }

int list_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  // Keywords are for a subclass's own __new__ (CPython's rule).
  Type* type = typeOf(self);
  bool plain_new = type == types::list_type || type->slots.tp_new == types::list_type->slots.tp_new;
  if (plain_new && !kwnames.isNull() && tupleLength(kwnames) > 0) {
    raise(exc::TypeError, "list() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    raisef(exc::TypeError, "list expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  // Clear first (list.__init__ on an existing list empties it).
  listTruncate(self, 0);
  if (nargs == 0) return 0;
  Value iterable = args[0];
  return listExtend(self, iterable) ? 0 : -1;
}

// ---------------------------------------------------------------------------
// Methods

Value list_append(Value* args) {
  if (!listAppend(args[0], args[1])) return Value();
  return None();
}

Value list_clear(Value* args) {
  listTruncate(args[0], 0);
  return None();
}

Value list_copy(Value* args) { return listSlice(args[0], 0, 1, listLength(args[0])); }

Value list_count(Value* args) {
  Value self = args[0];
  int64_t count = 0;
  for (int64_t i = 0; i < listLength(self); ++i) {
    Value item = listItem(self, i);
    if (item == args[1]) {
      ++count;
      continue;
    }
    int r = richCompareBool(item, args[1], kEq);
    if (r < 0) return Value();
    count += r;
  }
  return newInt(count);
}

Value list_extend(Value* args) {
  if (!listExtend(args[0], args[1])) return Value();
  return None();
}

Value list_index(Value* args) {
  Value self = args[0];
  int64_t start = 0, stop = INT64_MAX;
  if (!sliceIndexNotNone(args[2], &start) || !sliceIndexNotNone(args[3], &stop)) return Value();
  int64_t n = listLength(self);
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < listLength(self); ++i) {
    int r = richCompareBool(listItem(self, i), args[1], kEq);
    if (r < 0) return Value();
    if (r > 0) return newInt(i);
  }
  Value r = repr(args[1]);
  if (r.isNull()) return r;
  return raisef(exc::ValueError, "%s is not in list", strToUtf8(r).c_str());
}

Value list_insert(Value* args) {
  Value self = args[0];
  int64_t where;
  if (!argSsize(args[1], &where)) return Value();
  int64_t n = listLength(self);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (where == n) return listAppend(self, args[2]) ? None() : Value();
  HeapListStorage heap(self);
  if (!heap.ok() || !listResize(self, n + 1)) return Value();
  ArrayObj* a = asArray(asList(self)->items.get());
  gc::moveSlots(&a->items[where + 1], &a->items[where], static_cast<size_t>(n - where));
  a->items[where].set(args[2]);
  return None();
}

Value list_pop(Value* args) {
  Value self = args[0];
  int64_t i;
  if (!argSsize(args[1], &i)) return Value();
  int64_t n = listLength(self);
  if (n == 0) return raise(exc::IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(exc::IndexError, "pop index out of range");
  Value v = listItem(self, i);
  if (i == n - 1) {
    listTruncate(self, i);
    return v;
  }
  HeapListStorage heap(self);
  if (!heap.ok()) return Value();
  ArrayObj* a = asArray(asList(self)->items.get());
  gc::moveSlots(&a->items[i], &a->items[i + 1], static_cast<size_t>(n - i - 1));
  if (!listResize(self, n - 1)) return Value();
  return v;
}

Value list_remove(Value* args) {
  Value self = args[0];
  for (int64_t i = 0; i < listLength(self); ++i) {
    int r = richCompareBool(listItem(self, i), args[1], kEq);
    if (r < 0) return Value();
    if (r > 0) {
      if (i < listLength(self) && assignSlice(self, i, i + 1, Value()) < 0) return Value();
      return None();
    }
  }
  return raise(exc::ValueError, "list.remove(x): x not in list");
}

Value list_reverse(Value* args) {
  Value self = args[0];
  int64_t n = listLength(self);
  if (n < 2) return None();
  HeapListStorage heap(self);
  if (!heap.ok()) return Value();
  ArrayObj* a = asArray(asList(self)->items.get());
  for (int64_t i = 0, j = n - 1; i < j; ++i, --j) {
    Value t = a->items[i].get();
    a->items[i].set(a->items[j].get());
    a->items[j].set(t);
  }
  return None();
}

int sortLess(void* /*ctx*/, Value a, Value b) {
  if (a.isSmallInt() && b.isSmallInt()) return a.asSmallInt() < b.asSmallInt() ? 1 : 0;
  if (isExactStr(a) && isExactStr(b)) return strCompare(a, b) < 0 ? 1 : 0;
  return richCompareBool(a, b, kLt);
}

// list.sort(*, key=None, reverse=False).  The list is empty while sorting
// (its storage replaced by a marker array) so that mutations made by key
// functions or comparisons are seen: "list modified during sort".
Value list_sort(Value* args) {
  Value self = args[0], key = args[1];
  int r = isTrue(args[2]);
  if (r < 0) return Value();
  bool reverse = r != 0;
  HeapListStorage heap(self);
  if (!heap.ok()) return Value();
  int64_t n = listLength(self);
  Value saved = asList(self)->items.get();
  gc::RootVector values;
  values.resize(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) values.set(static_cast<size_t>(i), listItem(self, i));
  Value marker = newArray(0);
  if (marker.isNull()) return marker;
  asList(self)->items.set(marker);
  asList(self)->length = 0;
  bool ok = true;
  if (n > 1) {
    if (isNone(key)) {
      ok = objects::sortValues(values.data(), static_cast<size_t>(n), sortLess, nullptr, reverse);
    } else {
      gc::RootVector keys;
      keys.resize(static_cast<size_t>(n));
      for (int64_t i = 0; i < n && ok; ++i) {
        Value k = call1(key, values[static_cast<size_t>(i)]);
        if (k.isNull()) {
          ok = false;
        } else {
          keys.set(static_cast<size_t>(i), k);
        }
      }
      if (ok) ok = objects::sortPairs(keys.data(), values.data(), static_cast<size_t>(n), sortLess, nullptr, reverse);
    }
  } else if (n == 1 && !isNone(key)) {
    ok = !call1(key, values[0]).isNull();
  }
  bool modified = asList(self)->items.get() != marker || asList(self)->length != 0;
  // Put the (possibly partly) sorted items back into the original storage.
  for (int64_t i = 0; i < n; ++i) asArray(saved)->items[i].set(values[static_cast<size_t>(i)]);
  asList(self)->items.set(saved);
  asList(self)->length = n;
  if (!ok) return Value();
  if (modified) return raise(exc::ValueError, "list modified during sort");
  return None();
}

Value list___reversed__(Value* args);

Value list___sizeof__(Value* args) {
  if (asList(args[0])->c_storage != nullptr) return newInt(40 + 8 * listLength(args[0]));
  return newInt(40 + 8 * listCapacity(args[0]));
}

Value list___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

// ---------------------------------------------------------------------------
// list_iterator and list_reverseiterator

struct ListIterObj : Obj {
  gc::HeapValue seq;  // null once exhausted
  int64_t index;
};

inline ListIterObj* asListIter(Value v) { return static_cast<ListIterObj*>(v.asObject()); }

Value list_iter(Value self) {
  Obj* o = newObject(types::list_iterator_type, sizeof(ListIterObj));
  static_cast<ListIterObj*>(o)->seq.set(self);
  return Value(o);
}

Value listiter_next(Value self) {
  ListIterObj* it = asListIter(self);
  Value seq = it->seq.get();
  if (seq.isNull()) return Value();
  if (it->index < listLength(seq)) return listItem(seq, it->index++);
  it->seq.set(Value());
  return Value();
}

Value listiter___length_hint__(Value* args) {
  ListIterObj* it = asListIter(args[0]);
  Value seq = it->seq.get();
  if (seq.isNull()) return newInt(0);
  int64_t left = listLength(seq) - it->index;
  return newInt(left < 0 ? 0 : left);
}

Value listiter___reduce__(Value* args) {
  Value empty = newList();  // what an exhausted one reduces to
  if (empty.isNull()) return empty;
  ListIterObj* it = asListIter(args[0]);
  return containers::reduceIndexIterator("iter", it->seq.get(), it->index, empty);
}

// The index is clamped to [0, len]; an exhausted iterator ignores it.
Value listiter___setstate__(Value* args) {
  int64_t index;
  if (!containers::stateToIndex(args[1], &index)) return Value();
  ListIterObj* it = asListIter(args[0]);
  Value seq = it->seq.get();
  if (!seq.isNull()) it->index = std::clamp<int64_t>(index, 0, listLength(seq));
  return None();
}

Value list___reversed__(Value* args) {
  Obj* o = newObject(types::list_reverseiterator_type, sizeof(ListIterObj));
  auto* it = static_cast<ListIterObj*>(o);
  it->seq.set(args[0]);
  it->index = listLength(args[0]) - 1;
  return Value(o);
}

Value listreviter_next(Value self) {
  ListIterObj* it = asListIter(self);
  Value seq = it->seq.get();
  if (seq.isNull()) return Value();
  if (it->index >= 0 && it->index < listLength(seq)) return listItem(seq, it->index--);
  it->index = -1;
  it->seq.set(Value());
  return Value();
}

Value listreviter___length_hint__(Value* args) {
  ListIterObj* it = asListIter(args[0]);
  Value seq = it->seq.get();
  int64_t len = it->index + 1;
  if (seq.isNull() || listLength(seq) < len) len = 0;
  return newInt(len);
}

Value listreviter___reduce__(Value* args) {
  Value empty = newList();  // what an exhausted one reduces to
  if (empty.isNull()) return empty;
  ListIterObj* it = asListIter(args[0]);
  return containers::reduceIndexIterator("reversed", it->seq.get(), it->index, empty);
}

// The index is clamped to [-1, len - 1]; an exhausted iterator ignores it.
Value listreviter___setstate__(Value* args) {
  int64_t index;
  if (!containers::stateToIndex(args[1], &index)) return Value();
  ListIterObj* it = asListIter(args[0]);
  Value seq = it->seq.get();
  if (!seq.isNull()) it->index = std::clamp<int64_t>(index, -1, listLength(seq) - 1);
  return None();
}

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

const uint32_t kListFields[] = {offsetof(Obj, ob_type), offsetof(ListObj, items)};
// A list on C storage: its items are reached through the C storage.
void traceList(gc::Object* o, gc::SlotVisitor& visitor) {
  auto* l = static_cast<ListObj*>(o);
  if (l->c_storage != nullptr) g_list_c_hooks->trace(l->c_storage, visitor);
}
const gc::Layout kListLayout = {.name = "list", .fields = kListFields, .trace = traceList};
const uint32_t kListIterFields[] = {offsetof(Obj, ob_type), offsetof(ListIterObj, seq)};
const gc::Layout kListIterLayout = {.name = "list_iterator", .fields = kListIterFields};

const MethodDef kListMethods[] = {
    {.name = "__reversed__", .signature = "($self, /)", .fn = list___reversed__,
     .doc = "Return a reverse iterator over the list."},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = list___sizeof__,
     .doc = "Return the size of the list in memory, in bytes."},
    {.name = "clear", .signature = "($self, /)", .fn = list_clear, .doc = "Remove all items from list."},
    {.name = "copy", .signature = "($self, /)", .fn = list_copy, .doc = "Return a shallow copy of the list."},
    {.name = "append", .signature = "($self, object, /)", .fn = list_append, .doc = "Append object to the end of the list."},
    {.name = "insert", .signature = "($self, index, object, /)", .fn = list_insert, .doc = "Insert object before index."},
    {.name = "extend", .signature = "($self, iterable, /)", .fn = list_extend,
     .doc = "Extend list by appending elements from the iterable."},
    {.name = "pop", .signature = "($self, index=-1, /)", .fn = list_pop,
     .doc = "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."},
    {.name = "remove", .signature = "($self, value, /)", .fn = list_remove,
     .doc = "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {.name = "index", .signature = "($self, value, start=0, stop=9223372036854775807, /)", .fn = list_index,
     .doc = "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {.name = "count", .signature = "($self, value, /)", .fn = list_count, .doc = "Return number of occurrences of value."},
    {.name = "reverse", .signature = "($self, /)", .fn = list_reverse, .doc = "Reverse *IN PLACE*."},
    {.name = "sort", .signature = "($self, /, *, key=None, reverse=False)", .fn = list_sort,
     .doc = "Sort the list in ascending order and return None.\n\n"
            "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
            "order of two equal elements is maintained).\n\n"
            "If a key function is given, apply it once to each list item and sort them,\n"
            "ascending or descending, according to their function values.\n\n"
            "The reverse flag can be set to sort in descending order."},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = list___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const TypeSpec kListSpec = {
    .name = "list",
    .type = &types::list_type,
    .layout = &kListLayout,
    .basic_size = sizeof(ListObj),
    .flags = type_flags::kBaseType | type_flags::kListSubclass | type_flags::kSequence,
    .slots =
        {
            .tp_repr = list_repr,
            .tp_hash = hashNotImplemented,
            .tp_richcompare = list_richcompare,
            .tp_iter = list_iter,
            .tp_init = list_init,
            .tp_new = list_new,
            .nb_add = list_concat,
            .nb_multiply = list_repeat,
            .nb_inplace_add = list_inplace_concat,
            .nb_inplace_multiply = list_inplace_repeat,
            .mp_length = list_len,
            .mp_subscript = list_subscript,
            .mp_ass_subscript = list_ass_subscript,
            .sq_contains = list_contains,
        },
    .methods = kListMethods,
    .doc = "Built-in mutable sequence.\n\n"
           "If no argument is given, the constructor creates a new empty list.\n"
           "The argument must be an iterable if specified.",
};
TERN_REGISTER_TYPE(kListSpec);

const MethodDef kListIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = listiter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = listiter___reduce__,
     .doc = "Return state information for pickling."},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = listiter___setstate__,
     .doc = "Set state information for unpickling."},
};
const MethodDef kListRevIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = listreviter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = listreviter___reduce__,
     .doc = "Return state information for pickling."},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = listreviter___setstate__,
     .doc = "Set state information for unpickling."},
};

const TypeSpec kListIterSpec = {
    .name = "list_iterator",
    .type = &types::list_iterator_type,
    .layout = &kListIterLayout,
    .basic_size = sizeof(ListIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = listiter_next},
    .methods = kListIterMethods,
};
TERN_REGISTER_TYPE(kListIterSpec);

const TypeSpec kListRevIterSpec = {
    .name = "list_reverseiterator",
    .type = &types::list_reverseiterator_type,
    .layout = &kListIterLayout,
    .basic_size = sizeof(ListIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = listreviter_next},
    .methods = kListRevIterMethods,
};
TERN_REGISTER_TYPE(kListRevIterSpec);

}  // namespace
}  // namespace tern
