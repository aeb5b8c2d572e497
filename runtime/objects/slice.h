// slice: the object `a[start:stop:step]` builds, and the index arithmetic of
// sequences (CPython's PySlice_Unpack / PySlice_AdjustIndices /
// PySlice_GetIndicesEx).
//
// Invariant: start, stop and step are never null (None when omitted).
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

struct SliceObj : Obj {
  gc::HeapValue start, stop, step;
};

inline SliceObj* asSlice(Value v) { return static_cast<SliceObj*>(v.asObject()); }
inline bool isSlice(Value v) { return !v.isSmallInt() && typeOf(v) == types::slice_type; }

// slice(start, stop, step); a null argument means None.
Value newSlice(Value start, Value stop, Value step);

// PySlice_Unpack: the bounds through __index__, clamped to int64 (None gives
// the extremes for the step's sign); "slice step cannot be zero".  False on error.
bool sliceUnpack(Value slice, int64_t* start, int64_t* stop, int64_t* step);
// PySlice_AdjustIndices: clips unpacked bounds to a sequence of `length`;
// returns the slice length.
int64_t sliceAdjustIndices(int64_t length, int64_t* start, int64_t* stop, int64_t step);
// Both (PySlice_GetIndicesEx); false on error.
bool sliceIndices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step, int64_t* slicelength);

// _PySlice_GetLongIndices: slice.indices(length) over Python ints of any
// size (`length` an exact int >= 0); the results are exact ints.  False on error.
bool sliceIndicesLong(Value slice, Value length, Value* start, Value* stop, Value* step);

// _PyEval_SliceIndex: a slice bound or a start/stop argument of index()/count():
// through __index__, clamped to int64 ("slice indices must be integers or None
// or have an __index__ method").  None leaves *out unchanged.  False on error.
bool sliceIndex(Value v, int64_t* out);
// The same without None ("slice indices must be integers or have an __index__ method").
bool sliceIndexNotNone(Value v, int64_t* out);

// Is `key` an item index of a sequence (an int or an __index__ object, not a
// slice)?  The test str, bytes and bytearray subscripts start with.
bool isItemIndex(Value key);
// seq[key] for an item index: negative counts from the end; out of range
// raises IndexError(`out_of_range`).  False on error.
bool itemIndex(Value key, int64_t length, const char* out_of_range, int64_t* out);

}  // namespace tern
