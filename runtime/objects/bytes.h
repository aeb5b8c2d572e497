// bytes: immutable byte strings, stored inline.
//
// Layout: BytesObj header, then `length` bytes and one zero byte after them
// (so the data is always NUL-terminated, as C code expects of
// PyBytes_AS_STRING).  Invariants: `hash` is -1 until first computed (then
// hash.h's hash_bytes of the data); the bytes never change once the object
// is visible to Python code (a function that allocates one with allocBytes
// fills it before it escapes); the empty bytes and the 256 one-byte objects
// are shared (old, rooted).  A subclass instance's own fields come after the
// data (at an offset from the end of the object, CPython's negative dict
// offset).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/objects/object.h"

namespace tern {

struct BytesObj : Obj {
  int64_t length;
  int64_t hash;  // -1 until computed
  // data follows

  char* data() { return reinterpret_cast<char*>(this) + sizeof(BytesObj); }
  const char* data() const { return reinterpret_cast<const char*>(this) + sizeof(BytesObj); }
  std::string_view view() const { return {data(), static_cast<size_t>(length)}; }
};

// The longest a bytes can be: CPython's PY_SSIZE_T_MAX less its header
// (PyBytesObject_SIZE); longer is OverflowError "byte string is too large".
inline constexpr int64_t kMaxBytesLength = INT64_MAX - 33;

inline BytesObj* asBytes(Value v) { return static_cast<BytesObj*>(v.asObject()); }
inline bool isBytes(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kBytesSubclass); }
inline bool isExactBytes(Value v) { return !v.isSmallInt() && typeOf(v) == types::bytes_type; }
inline int64_t bytesLength(Value v) { return asBytes(v)->length; }

// A new bytes copying `n` bytes from `data`, which must not point into the
// heap (the allocation may move it); null on MemoryError.
Value newBytes(const void* data, int64_t n);
inline Value newBytes(std::string_view s) { return newBytes(s.data(), static_cast<int64_t>(s.size())); }
// An uninitialised bytes of n bytes for the caller to fill before anyone
// sees it; null with OverflowError when n is past the largest length
// CPython allows, with MemoryError when the heap has no room.
BytesObj* allocBytes(int64_t n);
Value emptyBytes();
int64_t bytesHash(Value b);  // never -1
// bytes/bytearray `a + b`: the right operand's own nb_add (a class with
// __radd__) is tried before concatenation, as CPython's sq_concat comes last.
bool bytesConcatRightFirst(Value a, Value b, Value* out);

// The contents of a bytes-like object (bytes, bytearray and their
// subclasses), or false when `v` is not one.  The view points into the heap:
// it is valid only until the next allocation.
bool bytesLikeView(Value v, std::string_view* out);
// The same, copied (safe across allocations).  False with TypeError
// "a bytes-like object is required, not 'int'" when `v` is not bytes-like.
bool bytesLikeCopy(Value v, std::string* out);

// bytes(x) of Python for the runtime: bytes of a bytes-like object, an
// iterable of ints, or an object with __bytes__; null on error.
Value bytesFromObject(Value v);
// repr(b) of bytes (and the inner part of bytearray's repr): b'...'.
std::string bytesReprText(std::string_view data);
// format % args for bytes (printf-style formatting); null on error.
Value bytesPercentFormat(Value format, Value args, bool is_bytearray);

}  // namespace tern
