// bytearray: a mutable, growable byte string.
//
// Layout: the ByteArrayObj holds the length and a reference to its storage,
// a `_rawbytes` object (rawbytes.h) whose size is the capacity.  Invariants:
// 0 <= length <= capacity; when length > 0 the storage is non-null, and the
// byte at `length` is zero whenever capacity > length (kept for C callers
// reading PyByteArray_AS_STRING); `storage` is null iff the capacity is 0.
// Growing replaces the storage.  The storage moves like any young object:
// re-read the data pointer after anything that may allocate.
//
// `exports` counts live buffer exports (memoryview); while it is non-zero
// the bytearray may not be resized ("Existing exports of data: object cannot
// be re-sized").
//
// A bytearray with a cpyext proxy (header flag kHasExternal) shares its
// storage with C (PyByteArray_AS_STRING): its storage is allocated in the
// old space, which never moves, and every change of length or storage calls
// g_bytearray_changed_hook, so that the proxy's ob_size/ob_start follow at
// once, as CPython's fields do.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/objects/object.h"

namespace tern {

struct ByteArrayObj : Obj {
  int64_t length;
  int64_t exports;
  gc::HeapValue storage;  // RawBytesObj or null
};

inline ByteArrayObj* asByteArray(Value v) { return static_cast<ByteArrayObj*>(v.asObject()); }
inline bool isByteArray(Value v) { return !v.isSmallInt() && isInstance(v, types::bytearray_type); }
inline bool isExactByteArray(Value v) { return !v.isSmallInt() && typeOf(v) == types::bytearray_type; }

// The data (valid until the next allocation) and length.
char* byteArrayData(Value v);
inline int64_t byteArrayLength(Value v) { return asByteArray(v)->length; }
inline std::string_view byteArrayView(Value v) {
  return {byteArrayData(v), static_cast<size_t>(asByteArray(v)->length)};
}

// A new bytearray copying n bytes (not from the heap).
Value newByteArray(const void* data, int64_t n);
// Resizes to n bytes (new bytes zeroed); false with an exception (MemoryError,
// BufferError while exported).
bool byteArrayResize(Value ba, int64_t n);

// cpyext's: brings the C-visible fields of the proxy of `ba` up to date.
inline void (*g_bytearray_changed_hook)(Value ba) = nullptr;

}  // namespace tern
