// The format-specification mini-language against python3.11.
//
// The tables in format_spec_cases.inc were printed by python3.11
// (format(value, spec), and str(exc) of the ValueError for a bad spec):
// gen_format_spec_cases.py crosses fills (ASCII, non-ASCII, astral),
// alignments, signs, 'z', '#', '0', widths, grouping, precisions and type
// codes over values chosen for their corner cases (rounding ties, 1e16,
// negative zero, inf, nan, subnormals, the largest double, int64 bounds),
// with a fixed random seed, plus hand-picked rows.  Floats are written as
// hex literals so the values are exact.
//
// Beyond these, a differential run of 450,000 random specs and values
// against python3.11 found no difference when this was written.
#include "runtime/objects/format_spec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace tern::objects {
namespace {

using std::string_view_literals::operator""sv;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

struct FloatCase {
  double value;
  std::string_view spec;
  std::string_view expected;
};

struct IntCase {
  int64_t value;
  std::string_view spec;
  std::string_view expected;
};

// Ints past int64: the magnitude's digits in the base of the type code.
struct BigIntCase {
  bool negative;
  std::string_view digits;
  std::string_view spec;
  std::string_view expected;
};

struct StrCase {
  std::string_view value;
  std::string_view spec;
  std::string_view expected;
};

enum class Kind { kStr, kInt, kFloat };

struct ErrorCase {
  Kind kind;
  std::string_view type_name;
  std::string_view spec;
  std::string_view message;
};

#include "tests/unit/objects/format_spec_cases.inc"

// format(value, spec) for an int of at most 64 bits, as int.__format__ will
// drive this library.
std::string format_int64(int64_t value, const ParsedSpec& spec) {
  if (spec.type == 'c') return format_int_char(static_cast<char32_t>(value), spec);
  if (int_spec_is_float_type(spec)) return format_float(static_cast<double>(value), spec);
  int base = 10;
  switch (spec.type) {
    case 'b':
      base = 2;
      break;
    case 'o':
      base = 8;
      break;
    case 'x':
    case 'X':
      base = 16;
      break;
    default:
      break;
  }
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  char buf[80];
  std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, magnitude, base);
  return format_int(value < 0, std::string_view(buf, static_cast<size_t>(r.ptr - buf)), spec);
}

TEST(FormatSpecTest, FloatTable) {
  for (const FloatCase& c : kFloatCases) {
    std::string error;
    std::optional<ParsedSpec> spec = parse_float_spec(c.spec, "float", &error);
    ASSERT_TRUE(spec) << "spec '" << c.spec << "': " << error;
    EXPECT_EQ(format_float(c.value, *spec), c.expected) << "format(" << c.value << ", '" << c.spec << "')";
  }
}

TEST(FormatSpecTest, IntTable) {
  for (const IntCase& c : kIntCases) {
    std::string error;
    std::optional<ParsedSpec> spec = parse_int_spec(c.spec, "int", &error);
    ASSERT_TRUE(spec) << "spec '" << c.spec << "': " << error;
    EXPECT_EQ(format_int64(c.value, *spec), c.expected) << "format(" << c.value << ", '" << c.spec << "')";
  }
}

TEST(FormatSpecTest, BigIntTable) {
  for (const BigIntCase& c : kBigIntCases) {
    std::string error;
    std::optional<ParsedSpec> spec = parse_int_spec(c.spec, "int", &error);
    ASSERT_TRUE(spec) << "spec '" << c.spec << "': " << error;
    EXPECT_EQ(format_int(c.negative, c.digits, *spec), c.expected) << "digits " << c.digits << ", '" << c.spec << "'";
  }
}

TEST(FormatSpecTest, StrTable) {
  for (const StrCase& c : kStrCases) {
    std::string error;
    std::optional<ParsedSpec> spec = parse_str_spec(c.spec, "str", &error);
    ASSERT_TRUE(spec) << "spec '" << c.spec << "': " << error;
    EXPECT_EQ(format_str(c.value, *spec), c.expected) << "format('" << c.value << "', '" << c.spec << "')";
  }
}

TEST(FormatSpecTest, ErrorTable) {
  for (const ErrorCase& c : kErrorCases) {
    std::string error;
    std::optional<ParsedSpec> spec;
    switch (c.kind) {
      case Kind::kStr:
        spec = parse_str_spec(c.spec, c.type_name, &error);
        break;
      case Kind::kInt:
        spec = parse_int_spec(c.spec, c.type_name, &error);
        break;
      case Kind::kFloat:
        spec = parse_float_spec(c.spec, c.type_name, &error);
        break;
    }
    EXPECT_FALSE(spec) << "spec '" << c.spec << "' for " << c.type_name;
    EXPECT_EQ(error, c.message) << "spec '" << c.spec << "' for " << c.type_name;
  }
}

TEST(FormatSpecTest, ParsedFields) {
  std::string error;
  std::optional<ParsedSpec> spec = parse_float_spec("é^+z#012_.3%", "float", &error);
  ASSERT_TRUE(spec) << error;
  EXPECT_EQ(spec->fill, U'é');
  EXPECT_EQ(spec->align, '^');
  EXPECT_EQ(spec->sign, '+');
  EXPECT_TRUE(spec->no_neg_0);
  EXPECT_TRUE(spec->alternate);
  EXPECT_EQ(spec->width, 12);
  EXPECT_EQ(spec->grouping, '_');
  EXPECT_EQ(spec->precision, 3);
  EXPECT_EQ(spec->type, U'%');

  // The defaults differ by kind: '0' makes numbers sign-aware, not strings.
  spec = parse_int_spec("05", "int", &error);
  ASSERT_TRUE(spec) << error;
  EXPECT_EQ(spec->fill, U'0');
  EXPECT_EQ(spec->align, '=');
  EXPECT_EQ(spec->type, U'd');
  spec = parse_str_spec("05", "str", &error);
  ASSERT_TRUE(spec) << error;
  EXPECT_EQ(spec->align, '<');
  EXPECT_EQ(spec->type, U's');
  spec = parse_float_spec("", "float", &error);
  ASSERT_TRUE(spec) << error;
  EXPECT_EQ(spec->width, -1);
  EXPECT_EQ(spec->precision, -1);
  EXPECT_EQ(spec->type, U'\0');

  // Widths up to PY_SSIZE_T_MAX parse (CPython then fails to allocate).
  spec = parse_int_spec("9223372036854775807", "int", &error);
  ASSERT_TRUE(spec) << error;
  EXPECT_EQ(spec->width, std::numeric_limits<int64_t>::max());
}

TEST(FormatSpecTest, IntWithFloatTypes) {
  std::string error;
  for (const char* text : {"e", "E", "f", "F", "g", "G", "%", ".3f", "z.2f"}) {
    std::optional<ParsedSpec> spec = parse_int_spec(text, "int", &error);
    ASSERT_TRUE(spec) << text << ": " << error;
    EXPECT_TRUE(int_spec_is_float_type(*spec)) << text;
  }
  for (const char* text : {"", "d", "b", "c", "n", "x", "X", "o"}) {
    std::optional<ParsedSpec> spec = parse_int_spec(text, "int", &error);
    ASSERT_TRUE(spec) << text << ": " << error;
    EXPECT_FALSE(int_spec_is_float_type(*spec)) << text;
  }
}

// Widths too long for literals; the expected strings were measured in
// python3.11.
TEST(FormatSpecTest, HugeWidths) {
  std::string error;
  // format(1234, '0=10000,'): grouping overshoots the width by one.
  std::optional<ParsedSpec> spec = parse_int_spec("0=10000,", "int", &error);
  ASSERT_TRUE(spec) << error;
  std::string s = format_int(false, "1234", *spec);
  EXPECT_EQ(s.size(), 10001u);
  EXPECT_EQ(s.substr(0, 12), "0,000,000,00");
  EXPECT_EQ(s.substr(s.size() - 5), "1,234");
  EXPECT_EQ(std::count(s.begin(), s.end(), ','), 2500);

  // format('ab', 'é^100001'): 99999 two-byte fills.
  spec = parse_str_spec("é^100001", "str", &error);
  ASSERT_TRUE(spec) << error;
  s = format_str("ab", *spec);
  EXPECT_EQ(s.size(), 99999u * 2 + 2);
  EXPECT_EQ(s.substr(49999 * 2, 2), "ab");

  // format(-1.5, '_^+30001,.3f')[14990:15010]
  spec = parse_float_spec("_^+30001,.3f", "float", &error);
  ASSERT_TRUE(spec) << error;
  s = format_float(-1.5, *spec);
  EXPECT_EQ(s.size(), 30001u);
  EXPECT_EQ(s.substr(14990, 20), "_______-1.500_______");
}

}  // namespace
}  // namespace tern::objects
