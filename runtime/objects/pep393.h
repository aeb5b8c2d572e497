// The PEP 393 representation of str, without heap objects: which code-unit
// width a string needs and the conversions between it and UTF-8.
//
// A str stores its code points as an array of fixed-width code units, the
// narrowest that holds its largest code point (CPython 3.11's "kind"):
//   1 byte   max < 0x100   (Latin-1; ASCII when max < 0x80, which cpyext needs
//                           to tell apart: CPython lays the two out differently)
//   2 bytes  max < 0x10000 (UCS-2, surrogates included as themselves)
//   4 bytes  otherwise     (UCS-4)
// so indexing is O(1).  Code units are in native byte order.
//
// The UTF-8 here is *generalized*: a lone surrogate is its 3-byte encoding
// (compiler/literals.h keeps "\udc80" that way), so every str value has one.
// The input must be well-formed generalized UTF-8 (what the compiler and the
// runtime produce); bytes.decode() validates untrusted input before it gets
// here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tern::objects {

enum class StrKind : uint8_t { k1 = 1, k2 = 2, k4 = 4 };

inline StrKind kind_for(char32_t max_char) {
  return max_char < 0x100 ? StrKind::k1 : max_char < 0x10000 ? StrKind::k2 : StrKind::k4;
}

struct Utf8Scan {
  size_t length = 0;  // code points
  // The largest code point when one is >= 128; for ASCII text, the bitwise OR
  // of its bytes (below 128, and the code point itself for one character).
  // 0 for the empty string.
  char32_t max_char = 0;
};
Utf8Scan scan_utf8(std::string_view utf8);

// How many bytes at the start of `text` are ASCII (below 0x80).
size_t ascii_prefix_length(std::string_view text);

// Writes the `scan_utf8(utf8).length` code units of `utf8` to `out`, which has
// room for them in `kind`; `kind` must hold the string's largest code point.
void transcode_utf8(std::string_view utf8, StrKind kind, void* out);

inline char32_t code_unit_at(const void* data, StrKind kind, size_t i) {
  switch (kind) {
    case StrKind::k1:
      return static_cast<const uint8_t*>(data)[i];
    case StrKind::k2:
      return static_cast<const uint16_t*>(data)[i];
    case StrKind::k4:
      return static_cast<const uint32_t*>(data)[i];
  }
  return 0;
}

// Appends code units [0, n) as generalized UTF-8.
void append_utf8(std::string& out, const void* data, StrKind kind, size_t n);

}  // namespace tern::objects
