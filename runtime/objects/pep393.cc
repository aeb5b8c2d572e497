#include "runtime/objects/pep393.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "runtime/compiler/identifier.h"
#include "runtime/compiler/literals.h"

namespace tern::objects {

namespace {

// The length of the ASCII prefix of `text`, read eight bytes at a time;
// `bits` gets the OR of its bytes.
size_t asciiPrefix(std::string_view text, uint8_t* bits) {
  uint64_t ored = 0;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080u) break;
    ored |= word;
  }
  for (; i < text.size() && static_cast<uint8_t>(text[i]) < 0x80; ++i) ored |= static_cast<uint8_t>(text[i]);
  ored |= ored >> 32;
  ored |= ored >> 16;
  ored |= ored >> 8;
  *bits = static_cast<uint8_t>(ored);
  return i;
}

template <class Unit>
void transcode_into(std::string_view utf8, Unit* out) {
  size_t i = 0;
  if constexpr (sizeof(Unit) == 1) {
    uint8_t ignored;
    i = asciiPrefix(utf8, &ignored);
    std::memcpy(out, utf8.data(), i);
    out += i;
  }
  while (i < utf8.size()) {
    auto byte = static_cast<uint8_t>(utf8[i]);
    if (byte < 0x80) {
      *out++ = byte;
      ++i;
    } else {
      *out++ = static_cast<Unit>(compiler::decode_utf8(utf8, i));
    }
  }
}

}  // namespace

size_t ascii_prefix_length(std::string_view text) {
  uint8_t ignored;
  return asciiPrefix(text, &ignored);
}

Utf8Scan scan_utf8(std::string_view utf8) {
  Utf8Scan scan;
  uint8_t bits;
  size_t i = asciiPrefix(utf8, &bits);
  scan.length = i;
  scan.max_char = bits;
  while (i < utf8.size()) {
    ++scan.length;
    auto byte = static_cast<uint8_t>(utf8[i]);
    if (byte < 0x80) {
      scan.max_char = std::max<char32_t>(scan.max_char, byte);
      ++i;
    } else {
      scan.max_char = std::max(scan.max_char, compiler::decode_utf8(utf8, i));
    }
  }
  return scan;
}

void transcode_utf8(std::string_view utf8, StrKind kind, void* out) {
  switch (kind) {
    case StrKind::k1:
      return transcode_into(utf8, static_cast<uint8_t*>(out));
    case StrKind::k2:
      return transcode_into(utf8, static_cast<uint16_t*>(out));
    case StrKind::k4:
      return transcode_into(utf8, static_cast<uint32_t*>(out));
  }
}

void append_utf8(std::string& out, const void* data, StrKind kind, size_t n) {
  for (size_t i = 0; i < n; ++i) compiler::append_utf8(&out, code_unit_at(data, kind, i));
}

}  // namespace tern::objects
