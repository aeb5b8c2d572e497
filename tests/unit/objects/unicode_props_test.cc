// Character properties and case mappings against python3.11, over every code
// point 0..0x10FFFF.
//
// unicode_props_cases.inc was printed by gen_unicode_props_cases.py under
// python3.11: per predicate the [first, end) ranges where str.isalpha() etc.
// hold for chr(c), per mapping every code point whose lower(), upper(),
// title() or casefold() is not itself, and unicodedata's decimal, digit and
// numeric values.  The tables under test are generated independently, from
// the Unicode data files (runtime/objects/gen_unicode_props.py).
#include "runtime/objects/unicode_props.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tern::objects::unicode {
namespace {

constexpr char32_t kLimit = 0x110000;

struct Range {
  char32_t first;
  char32_t end;
};

struct Mapping {
  char32_t code;
  char32_t chars[3];
  size_t length;
};

struct IntValue {
  char32_t code;
  int value;
};

struct DoubleValue {
  char32_t code;
  double value;
};

#include "tests/unit/objects/unicode_props_cases.inc"

// Expands ranges to one bool per code point.
template <size_t N>
std::vector<bool> Expand(const Range (&ranges)[N]) {
  std::vector<bool> out(kLimit, false);
  for (const Range& r : ranges) {
    for (char32_t c = r.first; c < r.end; ++c) out[c] = true;
  }
  return out;
}

template <size_t N, typename Predicate>
void CheckPredicate(const char* name, const Range (&ranges)[N], Predicate predicate) {
  std::vector<bool> expected = Expand(ranges);
  int failures = 0;
  for (char32_t c = 0; c < kLimit; ++c) {
    if (predicate(c) != expected[c] && ++failures <= 20) {
      ADD_FAILURE() << name << "(U+" << std::hex << static_cast<uint32_t>(c) << ") should be " << expected[c];
    }
  }
  EXPECT_EQ(failures, 0) << name;
}

TEST(UnicodeProps, Predicates) {
  CheckPredicate("isalpha", predicates::kAlpha, is_alpha);
  CheckPredicate("isdecimal", predicates::kDecimal, is_decimal);
  CheckPredicate("isdigit", predicates::kDigit, is_digit);
  CheckPredicate("isnumeric", predicates::kNumeric, is_numeric);
  CheckPredicate("isalnum", predicates::kAlnum, is_alnum);
  CheckPredicate("isspace", predicates::kSpace, is_space);
  CheckPredicate("isprintable", predicates::kPrintable, is_printable);
  CheckPredicate("islower", predicates::kLower, is_lower);
  CheckPredicate("isupper", predicates::kUpper, is_upper);
  CheckPredicate("istitle", predicates::kIsTitle, [](char32_t c) { return is_upper(c) || is_title(c); });
  CheckPredicate("category Lt", predicates::kTitlecase, is_title);
  CheckPredicate("cased", predicates::kCased, is_cased);
  CheckPredicate("case-ignorable", predicates::kCaseIgnorable, is_case_ignorable);
}

std::u32string Str(const CaseMapped& m) { return std::u32string(m.chars, m.length); }

template <size_t N>
void CheckMapping(const char* name, const Mapping (&table)[N], CaseMapped (*map)(char32_t)) {
  std::vector<std::u32string> expected(kLimit);
  for (char32_t c = 0; c < kLimit; ++c) expected[c] = std::u32string(1, c);
  for (const Mapping& m : table) expected[m.code] = std::u32string(m.chars, m.length);
  int failures = 0;
  for (char32_t c = 0; c < kLimit; ++c) {
    if (Str(map(c)) != expected[c] && ++failures <= 20) {
      ADD_FAILURE() << name << "(U+" << std::hex << static_cast<uint32_t>(c) << ") is wrong";
    }
  }
  EXPECT_EQ(failures, 0) << name;
}

TEST(UnicodeProps, CaseMappings) {
  CheckMapping("lower", mappings::kLower, to_lower_full);
  CheckMapping("upper", mappings::kUpper, to_upper_full);
  CheckMapping("title", mappings::kTitle, to_title_full);
  CheckMapping("casefold", mappings::kFold, to_folded_full);
}

TEST(UnicodeProps, Values) {
  std::vector<int> decimal(kLimit, -1), digit(kLimit, -1);
  std::vector<std::optional<double>> numeric(kLimit);
  for (const IntValue& v : kDecimalValues) decimal[v.code] = v.value;
  for (const IntValue& v : kDigitValues) digit[v.code] = v.value;
  for (const DoubleValue& v : kNumericValues) numeric[v.code] = v.value;
  int failures = 0;
  for (char32_t c = 0; c < kLimit; ++c) {
    bool ok = decimal_value(c) == decimal[c] && digit_value(c) == digit[c] && numeric_value(c) == numeric[c];
    if (!ok && ++failures <= 20) ADD_FAILURE() << "values of U+" << std::hex << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(numeric_value(U'\u0F33'), -0.5);     // TIBETAN DIGIT HALF ZERO
  EXPECT_EQ(numeric_value(U'\u4E07'), 10000.0);  // 万, from Unihan
  EXPECT_EQ(decimal_value(U'\u0663'), 3);        // ARABIC-INDIC DIGIT THREE
  EXPECT_EQ(numeric_value(0x110000), std::nullopt);
  EXPECT_FALSE(is_alpha(0x110000));
}

// str.lower's final sigma, against python3.11's "...".lower().
TEST(UnicodeProps, FinalSigma) {
  struct Case {
    std::u32string_view text;
    std::u32string_view lowered;
  };
  const Case cases[] = {
      {.text = U"\u03a3", .lowered = U"\u03c3"},
      {.text = U"A\u03a3", .lowered = U"a\u03c2"},
      {.text = U"A\u03a3B", .lowered = U"a\u03c3b"},
      {.text = U"A\u03a3 B", .lowered = U"a\u03c2 b"},
      {.text = U"A'\u03a3", .lowered = U"a'\u03c2"},
      {.text = U"A\u03a3'", .lowered = U"a\u03c2'"},
      {.text = U"A\u03a3'B", .lowered = U"a\u03c3'b"},
      {.text = U"'\u03a3", .lowered = U"'\u03c3"},
      {.text = U"1\u03a3", .lowered = U"1\u03c3"},
      {.text = U"\u03a3\u03a3", .lowered = U"\u03c3\u03c2"},
      {.text = U"\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3",
       .lowered = U"\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c2"},
      {.text = U"\u0130\u03a3", .lowered = U"i\u0307\u03c2"},
  };
  for (const Case& c : cases) {
    std::u32string out;
    for (size_t i = 0; i < c.text.size(); ++i) out += Str(to_lower_full_at(c.text, i));
    EXPECT_EQ(out, c.lowered);
  }
}

}  // namespace
}  // namespace tern::objects::unicode
