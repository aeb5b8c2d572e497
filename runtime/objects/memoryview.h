// memoryview: a view on the memory of a buffer exporter (buffer.h): bytes,
// bytearray, another memoryview; its format, shape and strides.
//
// (This header was reconstructed by the strings engineer from memoryview.cc
// after being overwritten by mistake; its owner should check it against the
// original.)
//
// Layout: MemoryViewObj, then 2 * ndim int64_t words: the shape, then the
// strides (shape()[0..ndim), strides()[0..ndim)).  `exporter` is the object
// whose memory is viewed; the address of the data is re-derived from it
// through `procs` on every access (heap objects move), `offset` bytes in.
// `format` is the struct format string; its character (when it is a native
// single-character format) is cached in `flags` at kFormatCharShift.
// `record` is the export record (buffer.cc) while the view holds a counted
// export of its exporter, else null.  `nbytes` and the contiguity flags are
// derived from shape and strides (kept in step by updateDerived).  Once
// kReleased is set the view never touches its exporter again.
#pragma once

#include <cstdint>

#include "runtime/objects/buffer.h"
#include "runtime/objects/object.h"

namespace tern {

namespace memoryview_flags {
inline constexpr int64_t kReadonly = 1 << 0;
inline constexpr int64_t kReleased = 1 << 1;
inline constexpr int64_t kCContiguous = 1 << 2;
inline constexpr int64_t kFContiguous = 1 << 3;
inline constexpr int kFormatCharShift = 8;  // 8 bits: the native format character, or 0
}  // namespace memoryview_flags

struct MemoryViewObj : Obj {
  gc::HeapValue exporter;  // the object whose memory is viewed
  gc::HeapValue format;    // str: the struct format
  gc::HeapValue record;    // export record (buffer.cc) or null
  const BufferProcs* procs;
  int64_t offset;    // bytes into the exporter's data
  int64_t nbytes;    // product(shape) * itemsize
  int64_t itemsize;
  int64_t ndim;
  int64_t flags;     // memoryview_flags
  int64_t hash;      // -1 until computed
  int64_t exports;   // buffers exported from this view
  // shape and strides follow (2 * ndim words)

  int64_t* shape() { return reinterpret_cast<int64_t*>(reinterpret_cast<char*>(this) + sizeof(MemoryViewObj)); }
  int64_t* strides() { return shape() + ndim; }
};

inline MemoryViewObj* asMemoryView(Value v) { return static_cast<MemoryViewObj*>(v.asObject()); }
inline bool isMemoryView(Value v) { return !v.isSmallInt() && isInstance(v, types::memoryview_type); }

// memoryview(obj): a new view on any buffer exporter; null on error
// (TypeError "memoryview: a bytes-like object is required, not 'str'").
Value newMemoryView(Value obj);

}  // namespace tern
