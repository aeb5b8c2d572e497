// Per-character Unicode properties and case mappings exactly as Python 3.11's
// str methods use them (CPython's Objects/unicodectype.c), Unicode 14.0.
//
// The tables are generated at build time by gen_unicode_props.py from the
// Unicode data files, restricted to 14.0 like the compiler's tables; utf8proc
// is not used because Debian's knows a different Unicode version.
//
// Definitions are CPython's, not Unicode's where they differ:
//   is_alpha      general category Lm, Lt, Lu, Ll or Lo
//   is_decimal    has a decimal digit value (UnicodeData field 6)
//   is_digit      has a digit value (field 7)
//   is_numeric    has a numeric value (field 8 or Unihan kPrimaryNumeric,
//                kAccountingNumeric, kOtherNumeric)
//   is_space      bidirectional class WS, B or S, or category Zs
//   is_printable  U+0020, or a category outside C* and Z*
//   is_lower/is_upper   the derived Lowercase/Uppercase properties
//   is_title      category Lt
//   is_cased/is_case_ignorable   the derived properties str.title and the
//                final-sigma rule of str.lower test
// Full case mappings take SpecialCasing.txt's unconditional entries over
// UnicodeData.txt; casefold is CaseFolding.txt's C and F entries.  The only
// conditional mapping CPython applies, Final_Sigma, is in_final_sigma_context.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace tern::objects::unicode {

bool is_alpha(char32_t c);
bool is_decimal(char32_t c);
bool is_digit(char32_t c);
bool is_numeric(char32_t c);
// str.isalnum per character: alpha, decimal, digit or numeric.
bool is_alnum(char32_t c);
// str.isspace per character (Unicode White_Space as CPython defines it); the
// ASCII answer inline: \t-\r, the four separators 0x1C-0x1F, and space.
bool is_space_table(char32_t c);
inline bool is_space(char32_t c) {
  if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
  return is_space_table(c);
}
bool is_printable(char32_t c);
bool is_lower(char32_t c);
bool is_upper(char32_t c);
bool is_title(char32_t c);
bool is_cased(char32_t c);
bool is_case_ignorable(char32_t c);

// The value of a decimal or digit character, or -1 (what int() and float()
// read after mapping decimals to ASCII; unicodedata.decimal/digit).
int decimal_value(char32_t c);
int digit_value(char32_t c);
// unicodedata.numeric; U+0F33 is -0.5, so "none" is not a sentinel value.
std::optional<double> numeric_value(char32_t c);

// A full case mapping: one to three code points.
struct CaseMapped {
  char32_t chars[3];
  size_t length;
};

// Without context: U+03A3 lowers to U+03C3 here; str.lower asks
// in_final_sigma_context for it (and only for it).
CaseMapped to_lower_full(char32_t c);
CaseMapped to_upper_full(char32_t c);
CaseMapped to_title_full(char32_t c);
CaseMapped to_folded_full(char32_t c);

// Whether the U+03A3 at text[i] lowers to final sigma U+03C2 (CPython's
// handle_capital_sigma): preceded by a cased character, skipping
// case-ignorable ones, and not followed by one the same way.  Text is any
// random-access sequence of code points with size() and operator[].
template <typename Text>
bool in_final_sigma_context(const Text& text, size_t i) {
  size_t j = i;
  char32_t c = 0;
  bool found = false;
  while (j > 0) {
    c = text[--j];
    if (!is_case_ignorable(c)) {
      found = true;
      break;
    }
  }
  if (!found || !is_cased(c)) return false;
  for (j = i + 1; j < text.size(); ++j) {
    c = text[j];
    if (!is_case_ignorable(c)) return !is_cased(c);
  }
  return true;
}

// to_lower_full(text[i]) with the final-sigma rule applied: what str.lower
// (and the lowering steps of capitalize, title and swapcase) produce.
template <typename Text>
CaseMapped to_lower_full_at(const Text& text, size_t i) {
  char32_t c = text[i];
  if (c == 0x3A3) return {.chars = {in_final_sigma_context(text, i) ? char32_t{0x3C2} : char32_t{0x3C3}}, .length = 1};
  return to_lower_full(c);
}

}  // namespace tern::objects::unicode
