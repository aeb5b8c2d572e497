// range: an immutable arithmetic sequence of ints of any size.
//
// Invariants: start, stop, step and length are exact ints (never null once
// the range exists); step is not zero; length is the number of items, >= 0.
#pragma once

#include "runtime/objects/object.h"

namespace tern {

struct RangeObj : Obj {
  gc::HeapValue start, stop, step, length;
};

inline RangeObj* asRange(Value v) { return static_cast<RangeObj*>(v.asObject()); }
inline bool isRange(Value v) { return !v.isSmallInt() && typeOf(v) == types::range_type; }

// range(start, stop, step) from exact ints (step non-zero); null on error.
Value newRange(Value start, Value stop, Value step);

}  // namespace tern
