// tuple: an immutable, fixed-length array of references, stored inline.
//
// Invariant: once a tuple is visible to Python code every item is non-null.
// While a runtime function fills a new tuple (newTuple then tupleInit), items
// may still be null; the collector traces null items harmlessly.
#pragma once

#include <cstdint>
#include <initializer_list>

#include "runtime/objects/object.h"

namespace tern {

struct TupleObj : Obj {
  int64_t length;
  int64_t hash;  // cached hash, -1 until computed (tuples of immutables are hashed often)
  gc::HeapValue items[];  // NOLINT: flexible array member (GCC extension), traced as trailing refs
};

inline TupleObj* asTuple(Value v) { return static_cast<TupleObj*>(v.asObject()); }
inline bool isTuple(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kTupleSubclass); }
inline bool isExactTuple(Value v) { return !v.isSmallInt() && typeOf(v) == types::tuple_type; }
inline int64_t tupleLength(Value t) { return asTuple(t)->length; }
inline Value tupleItem(Value t, int64_t i) { return asTuple(t)->items[i].get(); }
inline void tupleInit(Value t, int64_t i, Value v) { asTuple(t)->items[i].set(v); }

// A tuple of `n` null items for the caller to fill; the empty tuple is a singleton.
Value newTuple(int64_t n);
Value newTupleOf(std::initializer_list<Value> items);
Value newTupleFrom(const Value* items, int64_t n);  // items must not point into the heap
// tuple(iterable); null on error.
Value tupleFromIterable(Value iterable);

}  // namespace tern
