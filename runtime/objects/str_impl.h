// Private to the str implementation (str*.cc, codecs_basic.cc): helpers over
// code units and the functions the files share.  Not for other subsystems:
// they use str.h.
//
// GC discipline: a pointer into a StrObj's code units (StrObj::data()) is only
// valid until the next allocation; helpers that allocate take Values, and
// the ones taking raw pointers never allocate.  Builders accumulate code
// points in malloc'd memory (no heap references there).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/objects/object.h"
#include "runtime/objects/str.h"

namespace tern::strimpl {

// Calls f(const T* units) with T the code-unit type of `kind`.
template <class F>
decltype(auto) withUnits(const void* data, int kind, F&& f) {
  switch (kind) {
    case 1:
      return f(static_cast<const uint8_t*>(data));
    case 2:
      return f(static_cast<const uint16_t*>(data));
    default:
      return f(static_cast<const uint32_t*>(data));
  }
}

// Copies n code units of `skind` to `dst` (of the wider or equal kind `dkind`).
void copyUnits(void* dst, int dkind, const void* src, int skind, int64_t n);

// The largest code point of n units.
char32_t maxChar(const void* data, int kind, int64_t n);

// Accumulates code points and makes a str of the narrowest kind.
class StrBuilder {
 public:
  void reserve(size_t n) { text_.reserve(n); }
  void push(char32_t c) {
    text_.push_back(c);
    if (c > max_) max_ = c;
  }
  void append(std::u32string_view s) {
    for (char32_t c : s) push(c);
  }
  void appendAscii(std::string_view s) {
    for (char c : s) push(static_cast<unsigned char>(c));
  }
  // Appends s[start:stop] of a str Value (no allocation).
  void appendStr(Value s, int64_t start, int64_t stop);
  void appendStr(Value s) { appendStr(s, 0, asStr(s)->length); }
  void appendUtf8(std::string_view utf8);
  size_t size() const { return text_.size(); }
  std::u32string& text() { return text_; }
  Value finish();  // a new exact str (may collect); null on MemoryError

 private:
  std::u32string text_;
  char32_t max_ = 0;
};

inline int64_t strLen(Value s) { return asStr(s)->length; }
inline char32_t strAt(Value s, int64_t i) { return asStr(s)->at(i); }

// "str" type checks with CPython's messages.
// "<what> must be str, not <type>": returns false with TypeError pending.
bool requireStr(Value v, const char* what);

// ---------------------------------------------------------------------------
// Argument helpers shared by str, bytes and bytearray methods.

// "None" for None, else the type's name (the clinic's bad-argument wording).
std::string argTypeName(Value v);
// A start/end argument as _PyEval_SliceIndex reads it: null or None leaves
// *out alone; huge values clamp.  False with TypeError "slice indices must be
// integers or None or have an __index__ method".
bool sliceIndexArg(Value v, int64_t* out);
// ADJUST_INDICES: negative bounds count from the end, then clip to [0, len].
inline void adjustIndices(int64_t len, int64_t* start, int64_t* end) {
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

// ---------------------------------------------------------------------------
// Searching code units (any widths on either side).  The caller has
// clipped [start, end) to the haystack.

template <class H, class N>
int64_t findUnits(const H* h, int64_t start, int64_t end, const N* n, int64_t m) {
  if (end - start < m) return -1;
  if (m == 0) return start;
  const N first = n[0];
  for (int64_t i = start, last = end - m; i <= last; ++i) {
    if (h[i] != first) continue;
    int64_t k = 1;
    while (k < m && h[i + k] == n[k]) ++k;
    if (k == m) return i;
  }
  return -1;
}

template <class H, class N>
int64_t rfindUnits(const H* h, int64_t start, int64_t end, const N* n, int64_t m) {
  if (end - start < m) return -1;
  if (m == 0) return end;
  for (int64_t i = end - m; i >= start; --i) {
    int64_t k = 0;
    while (k < m && h[i + k] == n[k]) ++k;
    if (k == m) return i;
  }
  return -1;
}

// Non-overlapping occurrences, at most maxcount (-1: no limit).
template <class H, class N>
int64_t countUnits(const H* h, int64_t start, int64_t end, const N* n, int64_t m, int64_t maxcount = -1) {
  if (end - start < m) return 0;
  if (m == 0) {
    int64_t c = end - start + 1;
    return maxcount >= 0 && c > maxcount ? maxcount : c;
  }
  int64_t count = 0;
  int64_t i = start;
  while (maxcount < 0 || count < maxcount) {
    int64_t at = findUnits(h, i, end, n, m);
    if (at < 0) break;
    ++count;
    i = at + m;
  }
  return count;
}

// ---------------------------------------------------------------------------
// Shared between the str files.

// str.__format__ for an exact str or subclass: format_spec.h's str formatter.
Value strFormatSpec(Value s, Value spec);
// str.format(*args, **kwargs) and str.format_map(mapping).
Value strFormatMethod(Value format, Value args, Value kwargs, Value mapping);

// Codecs (codecs_basic.cc).  `encoding` / `errors` may be null (defaults
// utf-8 / strict).  Encode returns bytes; decode takes a pointer that must
// not move: callers copy heap bytes first (decodeBytesValue does it).
Value encodeStr(Value s, Value encoding, Value errors);
Value decodeBytes(std::string_view data, Value encoding, Value errors);
// Decodes a bytes-like Value (bytes, bytearray) safely.
Value decodeBytesValue(Value obj, Value encoding, Value errors);

// An exact str copying the n units of `kind` of `s` (any str subclass).
Value newStrFromUnitsCopy(Value s, int kind, int64_t n);
// s * count.
Value strRepeat(Value s, int64_t count);
// The repeat count of `seq * other` (sq_repeat): false with an exception, or
// with *not_implemented set when a Python class's reflected method should
// get its turn.
bool repeatCount(Value other, int64_t* count, bool* not_implemented);
// Whether `str OP other` should return NotImplemented rather than raise
// str's own TypeError (other is an instance of a Python class).
bool deferToOther(Value other);
// Index of the first occurrence of `sub` in s[start:end] (clipped already), -1 if none.
int64_t strFind(Value s, Value sub, int64_t start, int64_t end);

}  // namespace tern::strimpl
