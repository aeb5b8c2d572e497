// Identifier characters and NFKC normalisation; see identifier.h.
#include "runtime/compiler/identifier.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <new>

#include "runtime/compiler/xid_tables.h"
#include "runtime/objects/unicode_props.h"

namespace tern::compiler {

namespace {

using unicode_tables::CodePointRange;

template <size_t N>
bool in_table(const CodePointRange (&table)[N], char32_t cp) {
  const CodePointRange* it = std::upper_bound(std::begin(table), std::end(table), cp,
                                              [](char32_t c, const CodePointRange& r) { return c < r.first; });
  return it != std::begin(table) && cp <= std::prev(it)->last;
}

bool is_ascii_letter(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

bool is_xid_start(char32_t cp) {
  if (cp < 0x80) return is_ascii_letter(cp);
  return in_table(unicode_tables::kXidStart, cp);
}

bool is_xid_continue(char32_t cp) {
  if (cp < 0x80) return is_ascii_letter(cp) || (cp >= '0' && cp <= '9') || cp == '_';
  return in_table(unicode_tables::kXidContinue, cp);
}

bool is_printable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return objects::unicode::is_printable(cp);
}

char32_t decode_utf8(std::string_view utf8, size_t& i) {
  auto b0 = static_cast<unsigned char>(utf8[i++]);
  if (b0 < 0x80) return b0;
  int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
  char32_t cp = b0 & (0x3F >> extra);
  for (int k = 0; k < extra && i < utf8.size(); k++) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i++]) & 0x3F);
  return cp;
}

size_t find_invalid_identifier_char(std::string_view utf8) {
  size_t i = 0;
  bool first = true;
  while (i < utf8.size()) {
    size_t at = i;
    char32_t cp = decode_utf8(utf8, i);
    if (!(first ? is_xid_start(cp) || cp == '_' : is_xid_continue(cp))) return at;
    first = false;
  }
  return first ? 0 : std::string_view::npos;
}

bool is_identifier(std::string_view utf8) { return find_invalid_identifier_char(utf8) == std::string_view::npos; }

std::string normalize_identifier(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()), static_cast<utf8proc_ssize_t>(utf8.size()),
                   &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (n == UTF8PROC_ERROR_NOMEM) throw std::bad_alloc();
  // Other failures (invalid UTF-8) cannot happen for tokenizer output; keep
  // the text as it is rather than lose it.
  if (n < 0) return std::string(utf8);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
}

}  // namespace tern::compiler
