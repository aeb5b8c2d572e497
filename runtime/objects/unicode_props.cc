// Lookups in the tables of gen_unicode_props.py; see unicode_props.h.
#include "runtime/objects/unicode_props.h"

#include "runtime/objects/unicode_props_tables.h"

namespace tern::objects::unicode {
namespace {

namespace t = unicode_tables;

const t::TypeRecord& Record(char32_t c) {
  if (c > 0x10FFFF) return t::kTypeRecords[0];  // record 0: unassigned
  size_t block = t::kIndex1[c >> t::kShift];
  return t::kTypeRecords[t::kIndex2[(block << t::kShift) + (c & ((1u << t::kShift) - 1))]];
}

bool Has(char32_t c, uint16_t flag) { return (Record(c).flags & flag) != 0; }

CaseMapped Map(char32_t c, const t::CaseMapping& m) {
  CaseMapped out{.chars = {}, .length = 0};
  if (m.length == 0) {
    out.chars[0] = static_cast<char32_t>(static_cast<int32_t>(c) + m.value);
    out.length = 1;
    return out;
  }
  for (size_t k = 0; k < m.length; ++k) out.chars[k] = t::kExtendedCase[m.value + k];
  out.length = m.length;
  return out;
}

}  // namespace

bool is_alpha(char32_t c) { return Has(c, t::kAlpha); }
bool is_decimal(char32_t c) { return Has(c, t::kDecimal); }
bool is_digit(char32_t c) { return Has(c, t::kDigit); }
bool is_numeric(char32_t c) { return Has(c, t::kNumeric); }
bool is_alnum(char32_t c) { return Has(c, t::kAlpha | t::kDecimal | t::kDigit | t::kNumeric); }
bool is_space_table(char32_t c) { return Has(c, t::kSpace); }
bool is_printable(char32_t c) { return Has(c, t::kPrintable); }
bool is_lower(char32_t c) { return Has(c, t::kLower); }
bool is_upper(char32_t c) { return Has(c, t::kUpper); }
bool is_title(char32_t c) { return Has(c, t::kTitle); }
bool is_cased(char32_t c) { return Has(c, t::kCased); }
bool is_case_ignorable(char32_t c) { return Has(c, t::kCaseIgnorable); }

int decimal_value(char32_t c) { return Record(c).decimal; }
int digit_value(char32_t c) { return Record(c).digit; }

std::optional<double> numeric_value(char32_t c) {
  uint16_t index = Record(c).numeric;
  if (index == 0) return std::nullopt;
  return t::kNumericValues[index];
}

CaseMapped to_lower_full(char32_t c) { return Map(c, Record(c).lower); }
CaseMapped to_upper_full(char32_t c) { return Map(c, Record(c).upper); }
CaseMapped to_title_full(char32_t c) { return Map(c, Record(c).title); }
CaseMapped to_folded_full(char32_t c) { return Map(c, Record(c).fold); }

}  // namespace tern::objects::unicode
