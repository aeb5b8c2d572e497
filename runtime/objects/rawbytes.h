// _rawbytes: a block of raw bytes on the heap that the collector does not
// trace (dict and set index tables, hashes).  Never holds a reference: a Value
// stored here goes stale at the next collection.
//
// The object moves like any young object: re-derive rawBytesData() from the
// Value after anything that may allocate.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

struct RawBytesObj : Obj {
  int64_t size;  // bytes of data
  // data follows, 8-byte aligned

  char* data() { return reinterpret_cast<char*>(this) + sizeof(RawBytesObj); }
};

// A new block of `n` zeroed bytes.  May collect.  Null with MemoryError when
// the heap has no room (its size may be Python's to choose: bytearray(n)).
Value newRawBytes(size_t n);
inline RawBytesObj* asRawBytes(Value v) { return static_cast<RawBytesObj*>(v.asObject()); }
inline char* rawBytesData(Value v) { return asRawBytes(v)->data(); }
inline int64_t rawBytesSize(Value v) { return asRawBytes(v)->size; }
// `block` itself when it lives in the old space, which never moves it, else
// a copy made there: storage whose address C may keep (a buffer export).
// May collect; the caller stores the result in place of the block.
Value rawBytesOld(Value block);

}  // namespace tern
