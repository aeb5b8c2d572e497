// Literal values and reprs, checked against python3.11 (the expected values
// were printed by python3.11: repr(), str(int), SyntaxError.msg, warnings).
#include "runtime/compiler/literals.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "runtime/compiler/unicode_names.h"

namespace tern::compiler {
namespace {

using std::string_view_literals::operator""sv;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

std::string number_repr(std::string_view token) {
  NumberLiteral number = parse_number(token);
  switch (number.kind) {
    case NumberLiteral::Kind::Int:
      return number.int_decimal;
    case NumberLiteral::Kind::Float:
      return repr_float(number.value);
    case NumberLiteral::Kind::Complex:
      return repr_imaginary(number.value);
  }
  return "?";
}

// ===========================================================================
// Numbers
// ===========================================================================

struct NumberCase {
  const char* token;
  const char* repr;  // str(int) or repr(float) or repr(imaginary)
};

constexpr NumberCase kNumberCases[] = {
    {"0", "0"},
    {"00", "0"},
    {"0_0", "0"},
    {"7", "7"},
    {"1_000_000", "1000000"},
    {"0x0", "0"},
    {"0XFF", "255"},
    {"0xdead_beef", "3735928559"},
    {"0o777", "511"},
    {"0O17", "15"},
    {"0b1", "1"},
    {"0B1_0", "2"},
    {"0xffffffffffffffffffff", "1208925819614629174706175"},
    {"18446744073709551616", "18446744073709551616"},
    {"0b1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111",
     "1267650600228229401496703205375"},
    {"0o7777777777777777777777777777777777777777", "1329227995784915872903807060280344575"},
    {"1.0", "1.0"},
    {"0.1", "0.1"},
    {"1.", "1.0"},
    {".5", "0.5"},
    {"1e5", "100000.0"},
    {"1E-5", "1e-05"},
    {"1_000.000_1e-1_0", "1.0000001e-07"},
    {"1e22", "1e+22"},
    {"1e23", "1e+23"},
    {"5e-324", "5e-324"},
    {"2.4703282292062328e-324", "5e-324"},
    {"2.4703282292062327e-324", "0.0"},
    {"1.7976931348623157e308", "1.7976931348623157e+308"},
    {"1.7976931348623159e308", "inf"},
    {"1e400", "inf"},
    {"1e-400", "0.0"},
    {"0e0", "0.0"},
    {"00.5", "0.5"},
    {"3.141592653589793238462643383279", "3.141592653589793"},
    {"9007199254740993.0", "9007199254740992.0"},
    {"0j", "0j"},
    {"1j", "1j"},
    {"1J", "1j"},
    {"10j", "10j"},
    {"1.5j", "1.5j"},
    {"1e16j", "1e+16j"},
    {"1e400j", "infj"},
    {"012j", "12j"},
};

TEST(ParseNumber, MatchesPython) {
  for (const NumberCase& c : kNumberCases) EXPECT_EQ(number_repr(c.token), c.repr) << c.token;
}

TEST(ParseNumber, Kinds) {
  EXPECT_EQ(parse_number("10").kind, NumberLiteral::Kind::Int);
  EXPECT_EQ(parse_number("0xe").kind, NumberLiteral::Kind::Int);
  EXPECT_EQ(parse_number("1e5").kind, NumberLiteral::Kind::Float);
  EXPECT_EQ(parse_number("1.").kind, NumberLiteral::Kind::Float);
  EXPECT_EQ(parse_number("1e5j").kind, NumberLiteral::Kind::Complex);
  EXPECT_EQ(parse_number("7J").value, 7.0);
  EXPECT_EQ(parse_number("0.1").value, 0.1);
}

TEST(ParseNumber, HugeInts) {
  // 16**100 - 1 and 2**300.
  EXPECT_EQ(parse_number("0x" + std::string(100, 'f')).int_decimal,
            "258224987808690858965591917200301187432970579282922351283065935654064762201684119462964535328013783143"
            "5903171972747493375");
  EXPECT_EQ(parse_number("0b1" + std::string(300, '0')).int_decimal,
            "2037035976334486086268445688409378161051468393665936250636140449354381299763336706183397376");
  EXPECT_EQ(parse_number(std::string(500, '0')).int_decimal, "0");
}

// ===========================================================================
// String tokens
// ===========================================================================

TEST(SplitStringToken, PrefixesAndQuotes) {
  StringToken t = split_string_token("'abc'");
  EXPECT_EQ(t.body, "abc");
  EXPECT_EQ(t.body_offset, 1u);
  EXPECT_FALSE(t.raw || t.bytes || t.fstring || t.u_prefix);

  t = split_string_token("Rb\"\"\"x\"y\"\"\"");
  EXPECT_TRUE(t.raw && t.bytes);
  EXPECT_FALSE(t.fstring || t.u_prefix);
  EXPECT_EQ(t.body, "x\"y");
  EXPECT_EQ(t.body_offset, 5u);

  t = split_string_token("fR'''{x}'''");
  EXPECT_TRUE(t.fstring && t.raw);
  EXPECT_EQ(t.body, "{x}");

  t = split_string_token("u''");
  EXPECT_TRUE(t.u_prefix);
  EXPECT_EQ(t.body, "");
  EXPECT_EQ(t.body_offset, 2u);

  t = split_string_token("''''''");
  EXPECT_EQ(t.body, "");
  EXPECT_EQ(t.body_offset, 3u);

  t = split_string_token("B'\\''");
  EXPECT_TRUE(t.bytes);
  EXPECT_EQ(t.body, "\\'");
}

// ===========================================================================
// Escape sequences
// ===========================================================================

struct DecodeCase {
  const char* body;
  bool raw;
  bool bytes;
  const char* repr;  // repr() of the value
  long invalid_escape_offset;
};

const DecodeCase kDecodeCases[] = {
    {"abc", false, false, "'abc'", -1},
    {"a\\nb\\tc\\rd\\\\e\\'f\\\"g", false, false, "'a\\nb\\tc\\rd\\\\e\\'f\"g'", -1},
    {"\\a\\b\\f\\v\\0\\01\\012\\101\\1234", false, false, "'\\x07\\x08\\x0c\\x0b\\x00\\x01\\nAS4'", -1},
    {"\\x41\\x4a\\x4A", false, false, "'AJJ'", -1},
    {"\\u00e9\\u20AC", false, false, "'\303\251\342\202\254'", -1},
    {"\\U0001F600\\U00000041", false, false, "'\360\237\230\200A'", -1},
    {"\\N{LATIN SMALL LETTER A}\\N{bom}\\N{EM DASH}", false, false, "'a\\ufeff\342\200\224'", -1},
    {"\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{HANGUL SYLLABLE GAG}", false, false, "'\344\270\200\352\260\201'", -1},
    {"\\udc80\\ud800\\udfff", false, false, "'\\udc80\\ud800\\udfff'", -1},
    {"\\777", false, false, "'\307\277'", 0},     // invalid octal escape sequence '\777',
    {"\\8\\9", false, false, "'\\\\8\\\\9'", 0},  // invalid escape sequence '\8',
    {"a\\d", false, false, "'a\\\\d'", 1},        // invalid escape sequence '\d',
    {"\\\\d", false, false, "'\\\\d'", -1},
    {"\303\251\\\303\251", false, false, "'\303\251\\\\\303\251'", -1},
    {"line\\\012cont", false, false, "'linecont'", -1},
    {"line\\\015\012cont", false, false, "'linecont'", -1},
    {"a\015\012b\015c", false, false, "'a\\nb\\nc'", -1},
    {"\360\237\230\200 \342\200\213 \177 \302\240", false, false, "'\360\237\230\200 \\u200b \\x7f \\xa0'", -1},
    {"\\z\\777", false, false, "'\\\\z\307\277'", 0},  // invalid escape sequence '\z',
    {"\\777\\z", false, false, "'\307\277\\\\z'", 0},  // invalid octal escape sequence '\777',
    {"raw\\n\\x", true, false, "'raw\\\\n\\\\x'", -1},
    {"raw\\\015\012x\015\012", true, false, "'raw\\\\\\nx\\n'", -1},
    {"\303\251\\N", true, false, "'\303\251\\\\N'", -1},
    {"abc\\x00\\xff\\xFF", false, true, "b'abc\\x00\\xff\\xff'", -1},
    {"\\777\\d", false, true, "b'\\xff\\\\d'", 0},                    // invalid octal escape sequence '\777',
    {"\\N{DASH}\\u1234", false, true, "b'\\\\N{DASH}\\\\u1234'", 0},  // invalid escape sequence '\N',
    {"'\\\"\\\\\\a\\b\\f\\n\\r\\t\\v", false, true, "b'\\'\"\\\\\\x07\\x08\\x0c\\n\\r\\t\\x0b'", -1},
    {"x\\\015\012y", false, true, "b'xy'", -1},
    {"\\d\\x41", false, true, "b'\\\\dA'", 0},  // invalid escape sequence '\d',
    {"raw\\x", true, true, "b'raw\\\\x'", -1},
    {"a\015\012b", true, true, "b'a\\nb'", -1},
};

TEST(DecodeStringBody, MatchesPython) {
  for (const DecodeCase& c : kDecodeCases) {
    std::string out, error;
    long invalid = -2;
    ASSERT_TRUE(decode_string_body(c.body, c.raw, c.bytes, &out, &error, &invalid)) << c.body << ": " << error;
    EXPECT_EQ(c.bytes ? repr_bytes(out) : repr_str(out), c.repr) << c.body;
    EXPECT_EQ(invalid, c.invalid_escape_offset) << c.body;
  }
}

TEST(DecodeStringBody, AppendsToOutput) {
  std::string out = "x", error;
  long invalid;
  ASSERT_TRUE(decode_string_body("\\x41", false, false, &out, &error, &invalid));
  EXPECT_EQ(out, "xA");
}

TEST(DecodeStringBody, InvalidEscapeOffsetIsInTheOriginalBody) {
  std::string out, error;
  long invalid;
  ASSERT_TRUE(decode_string_body("a\r\nb\\d", false, false, &out, &error, &invalid));
  EXPECT_EQ(invalid, 4);
  ASSERT_TRUE(decode_string_body("\xc3\xa9\\d", false, false, &out, &error, &invalid));
  EXPECT_EQ(invalid, 2);
  ASSERT_TRUE(decode_string_body("x\r\ny\\q", false, true, &out, &error, &invalid));
  EXPECT_EQ(invalid, 4);
}

TEST(DecodeStringBody, LoneSurrogatesUseThreeBytes) {
  std::string out, error;
  long invalid;
  ASSERT_TRUE(decode_string_body("\\udc80", false, false, &out, &error, &invalid));
  EXPECT_EQ(out, "\xed\xb2\x80");
}

TEST(DecodeStringBody, TrailingBackslashIsKept) {
  // Not a valid token body, but CPython's decoder reads it as \u005c.
  std::string out, error;
  long invalid;
  ASSERT_TRUE(decode_string_body("a\\", false, false, &out, &error, &invalid));
  EXPECT_EQ(out, "a\\");
}

struct ErrorCase {
  const char* body;
  bool bytes;
  const char* message;  // SyntaxError.msg
};

const ErrorCase kErrorCases[] = {
    {"\\x4", false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"},
    {"\\x", false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"},
    {"\\xg0", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"},
    {"\\u12", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape"},
    {"\\u", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\uXXXX escape"},
    {"\\U0000004", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: truncated \\UXXXXXXXX escape"},
    {"\\U1", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\UXXXXXXXX escape"},
    {"\\U00110000", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"},
    {"\\Uffffffff", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"},
    {"\\N", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape"},
    {"\\N{}", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape"},
    {"\\N{x", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: malformed \\N character escape"},
    {"\\Nx", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape"},
    {"ab\\N{foo}", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-8: unknown Unicode character name"},
    {"\\N{cjk unified ideograph-4e00}", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-29: unknown Unicode character name"},
    {"\303\251\\x4", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape"},
    {"\303\251\\\303\251\\x4", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 26-28: truncated \\xXX escape"},
    {"\342\202\254\360\237\230\200\\u12", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 20-23: truncated \\uXXXX escape"},
    {"\\N{\303\251}", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-13: unknown Unicode character name"},
    {"\\N{\\\303\251", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-18: malformed \\N character escape"},
    {"a\015\012b\\x", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 3-4: truncated \\xXX escape"},
    {"\\N{LATIN SMALL LETTER A}\\N{LATIN SMALL LETTER B", false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 24-46: malformed \\N character escape"},
    {"\\x4", true, "(value error) invalid \\x escape at position 0"},
    {"ab\\xzz", true, "(value error) invalid \\x escape at position 2"},
    {"\\x", true, "(value error) invalid \\x escape at position 0"},
    {"a\015\012b\\x", true, "(value error) invalid \\x escape at position 3"},
    {"\303\251", true, "bytes can only contain ASCII literal characters"},
    {"\303\251", true, "bytes can only contain ASCII literal characters"},
    {"\\x\303\251", true, "bytes can only contain ASCII literal characters"},
};

TEST(DecodeStringBody, ErrorsMatchPython) {
  for (const ErrorCase& c : kErrorCases) {
    std::string out, error;
    long invalid;
    EXPECT_FALSE(decode_string_body(c.body, false, c.bytes, &out, &error, &invalid)) << c.body;
    EXPECT_EQ(error, c.message) << c.body;
  }
  std::string out, error;
  long invalid;
  EXPECT_FALSE(decode_string_body("\xc3\xa9", true, true, &out, &error, &invalid));
  EXPECT_EQ(error, "bytes can only contain ASCII literal characters");
}

// Invalid UTF-8 in a str body (sources are not validated up front).  The
// messages are python3.11's for `x = PREFIX"BODY"` given as bytes.
struct Utf8ErrorCase {
  std::string_view body;
  bool raw;
  bool fstring_part;
  const char* message;
};

#define TERN_UTF8_ERROR "(unicode error) 'utf-8' codec can't decode "
const Utf8ErrorCase kUtf8ErrorCases[] = {
    // No escapes: the body is decoded whole.
    {"a\xff"
     "b",
     false, false, TERN_UTF8_ERROR "byte 0xff in position 1: invalid start byte"},
    {"\xc3", false, false, TERN_UTF8_ERROR "byte 0xc3 in position 0: unexpected end of data"},
    {"\xc3"
     "a",
     false, false, TERN_UTF8_ERROR "byte 0xc3 in position 0: invalid continuation byte"},
    {"\xe9\x80"
     "A",
     false, false, TERN_UTF8_ERROR "bytes in position 0-1: invalid continuation byte"},
    {"\xe2\x82", false, false, TERN_UTF8_ERROR "bytes in position 0-1: unexpected end of data"},
    {"\xf0\x90\x80", false, false, TERN_UTF8_ERROR "bytes in position 0-2: unexpected end of data"},
    {"\xed\xa0\x80", false, false, TERN_UTF8_ERROR "byte 0xed in position 0: invalid continuation byte"},
    {"\xf4\x90\x80\x80", false, false, TERN_UTF8_ERROR "byte 0xf4 in position 0: invalid continuation byte"},
    {"\xc0\xaf", false, false, TERN_UTF8_ERROR "byte 0xc0 in position 0: invalid start byte"},
    {"\xe0\x80\xaf", false, false, TERN_UTF8_ERROR "byte 0xe0 in position 0: invalid continuation byte"},
    {"a\r\n\xff", false, false, TERN_UTF8_ERROR "byte 0xff in position 2: invalid start byte"},
    {"\\n\xff", true, false, TERN_UTF8_ERROR "byte 0xff in position 2: invalid start byte"},
    // With escapes, each run of non-ASCII bytes is decoded by itself, before
    // the escapes are: the UTF-8 error wins over the truncated \x.
    {"\xc3"
     "a\\n",
     false, false, TERN_UTF8_ERROR "byte 0xc3 in position 0: unexpected end of data"},
    {"a\\n\xff"
     "b",
     false, false, TERN_UTF8_ERROR "byte 0xff in position 0: invalid start byte"},
    {"\\x4 \xff", false, false, TERN_UTF8_ERROR "byte 0xff in position 0: invalid start byte"},
    {"\\N{\xff}", false, false, TERN_UTF8_ERROR "byte 0xff in position 0: invalid start byte"},
    // An f-string's literal parts always count from the run, unless raw.
    {"b\xff", false, true, TERN_UTF8_ERROR "byte 0xff in position 0: invalid start byte"},
    {"b\xff", true, true, TERN_UTF8_ERROR "byte 0xff in position 1: invalid start byte"},
};
#undef TERN_UTF8_ERROR

TEST(DecodeStringBody, InvalidUtf8MatchesPython) {
  for (const Utf8ErrorCase& c : kUtf8ErrorCases) {
    std::string out, error;
    long invalid;
    EXPECT_FALSE(decode_string_body(c.body, c.raw, false, &out, &error, &invalid, c.fstring_part)) << c.body;
    EXPECT_EQ(error, c.message) << c.body;
  }
  // Bytes keep their own message; valid UTF-8 still decodes.
  std::string out, error;
  long invalid;
  EXPECT_FALSE(decode_string_body("a\xff", false, true, &out, &error, &invalid));
  EXPECT_EQ(error, "bytes can only contain ASCII literal characters");
  EXPECT_TRUE(decode_string_body("\xc3\xa9\\n", false, false, &out, &error, &invalid));
  EXPECT_EQ(out, "\xc3\xa9\n");
}

// ===========================================================================
// repr
// ===========================================================================

struct ReprCase {
  std::string_view value;  // may hold NULs
  const char* repr;
};

const ReprCase kStrReprCases[] = {
    {""sv, "''"},
    {"abc"sv, "'abc'"},
    {"it's"sv, "\"it's\""},
    {"say \"hi\""sv, "'say \"hi\"'"},
    {"both ' and \""sv, "'both \\' and \"'"},
    {"\\"sv, "'\\\\'"},
    {"\012\015\011"sv, "'\\n\\r\\t'"},
    {"\000\037\177"sv, "'\\x00\\x1f\\x7f'"},
    {"\302\200\302\205\302\237\302\240\302\255\303\251"sv, "'\\x80\\x85\\x9f\\xa0\\xad\303\251'"},
    {"\303\251\342\202\254\360\237\230\200"sv, "'\303\251\342\202\254\360\237\230\200'"},
    {"\342\200\213\342\200\250\342\200\251\343\200\200\357\273\277"sv, "'\\u200b\\u2028\\u2029\\u3000\\ufeff'"},
    {"\355\240\200\355\262\200\355\277\277"sv, "'\\ud800\\udc80\\udfff'"},
    {"\356\200\200\357\277\277\363\240\200\201\364\217\277\277"sv, "'\\ue000\\uffff\\U000e0001\\U0010ffff'"},
    {"\360\237\230\200\360\252\233\237\360\260\200\200"sv, "'\360\237\230\200\360\252\233\237\360\260\200\200'"},
    {"\315\270\340\241\260\340\242\210"sv, "'\\u0378\340\241\260\340\242\210'"},
    {"\360\237\253\260"sv, "'\360\237\253\260'"},
    {"tab\011quote'"sv, "\"tab\\tquote'\""},
};

TEST(ReprStr, MatchesPython) {
  for (const ReprCase& c : kStrReprCases) EXPECT_EQ(repr_str(c.value), c.repr) << c.value;
  EXPECT_EQ(repr_str(std::string_view("a\0b", 3)), "'a\\x00b'");
}

const ReprCase kBytesReprCases[] = {
    {""sv, "b''"},
    {"abc"sv, "b'abc'"},
    {"it's"sv, "b\"it's\""},
    {"\""sv, "b'\"'"},
    {"'\""sv, "b'\\'\"'"},
    {"\\"sv, "b'\\\\'"},
    {"\000\011\012\015\037\177\200\377"sv, "b'\\x00\\t\\n\\r\\x1f\\x7f\\x80\\xff'"},
    {" ~"sv, "b' ~'"},
};

TEST(ReprBytes, MatchesPython) {
  for (const ReprCase& c : kBytesReprCases) EXPECT_EQ(repr_bytes(c.value), c.repr) << c.value;
  EXPECT_EQ(repr_bytes(std::string_view("\0", 1)), "b'\\x00'");
}

struct FloatCase {
  double value;
  const char* repr;            // repr(value)
  const char* imaginary_repr;  // repr(complex(0.0, value))
};

const FloatCase kFloatCases[] = {
    {0.0, "0.0", "0j"},
    {-0.0, "-0.0", "-0j"},
    {1.0, "1.0", "1j"},
    {-1.5, "-1.5", "-1.5j"},
    {0.1, "0.1", "0.1j"},
    {0.3, "0.3", "0.3j"},
    {0.3333333333333333, "0.3333333333333333", "0.3333333333333333j"},
    {1e+16, "1e+16", "1e+16j"},
    {1000000000000000.0, "1000000000000000.0", "1000000000000000j"},
    {1.2345678901234568e+17, "1.2345678901234568e+17", "1.2345678901234568e+17j"},
    {0.0001, "0.0001", "0.0001j"},
    {1e-05, "1e-05", "1e-05j"},
    {1.5e-05, "1.5e-05", "1.5e-05j"},
    {0.00012345, "0.00012345", "0.00012345j"},
    {1e+22, "1e+22", "1e+22j"},
    {1e+23, "1e+23", "1e+23j"},
    {5e-324, "5e-324", "5e-324j"},
    {1.7976931348623157e+308, "1.7976931348623157e+308", "1.7976931348623157e+308j"},
    {2.2250738585072014e-308, "2.2250738585072014e-308", "2.2250738585072014e-308j"},
    {9007199254740992.0, "9007199254740992.0", "9007199254740992j"},
    {kInf, "inf", "infj"},
    {-kInf, "-inf", "-infj"},
    {kNan, "nan", "nanj"},
    {100.0, "100.0", "100j"},
    {1e+100, "1e+100", "1e+100j"},
    {12345.678, "12345.678", "12345.678j"},
};

TEST(ReprFloat, MatchesPython) {
  for (const FloatCase& c : kFloatCases) {
    EXPECT_EQ(repr_float(c.value), c.repr);
    EXPECT_EQ(repr_imaginary(c.value), c.imaginary_repr);
  }
}

// ===========================================================================
// Unicode database
// ===========================================================================

struct NameCase {
  const char* name;
  std::optional<char32_t> code;  // what "\N{name}" gives in python3.11
};

const NameCase kNameCases[] = {
    {"LATIN SMALL LETTER A", 0x61},
    {"latin small letter a", 0x61},
    {"lAtIn SmAlL lEtTeR A", 0x61},
    {"EM DASH", 0x2014},
    {"NULL", 0x0},
    {"NUL", 0x0},
    {"BOM", 0xFEFF},
    {"BYTE ORDER MARK", 0xFEFF},
    {"LATIN CAPITAL LETTER GHA", 0x1A2},
    {"TIBETAN MARK BKA- SHOG YIG MGO", 0xF0A},
    {"HYPHEN-MINUS", 0x2D},
    {"hyphen-minus", 0x2D},
    {"CJK UNIFIED IDEOGRAPH-4E00", 0x4E00},
    {"CJK UNIFIED IDEOGRAPH-04E00", 0x4E00},
    {"CJK UNIFIED IDEOGRAPH-9FFF", 0x9FFF},
    {"CJK UNIFIED IDEOGRAPH-2A6DF", 0x2A6DF},
    {"CJK UNIFIED IDEOGRAPH-3134A", 0x3134A},
    {"CJK COMPATIBILITY IDEOGRAPH-F900", 0xF900},
    {"cjk compatibility ideograph-f900", 0xF900},
    {"HANGUL SYLLABLE GA", 0xAC00},
    {"HANGUL SYLLABLE A", 0xC544},
    {"HANGUL SYLLABLE GAG", 0xAC01},
    {"HANGUL SYLLABLE HIH", 0xD7A3},
    {"KHITAN SMALL SCRIPT CHARACTER-18B00", 0x18B00},
    {"NUSHU CHARACTER-1B170", 0x1B170},
    {"GRINNING FACE", 0x1F600},
    {"ARABIC LETTER KASHMIRI YEH", 0x620},
    {"LINE FEED", 0xA},
    {"LF", 0xA},
    {"ZWNJ", 0x200C},
    {"VS256", 0xE01EF},
    {"MATHEMATICAL BOLD CAPITAL A", 0x1D400},
    {"TOUT SUPERSCRIPT", std::nullopt},
    {"", std::nullopt},
    {"LATIN", std::nullopt},
    {"LATIN SMALL LETTER", std::nullopt},
    {"LATIN SMALL LETTER A ", std::nullopt},
    {" LATIN SMALL LETTER A", std::nullopt},
    {"LATIN SMALL LETTER  A", std::nullopt},
    {"LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", std::nullopt},
    {"cjk unified ideograph-4e00", std::nullopt},
    {"CJK UNIFIED IDEOGRAPH-4e00", std::nullopt},
    {"CJK UNIFIED IDEOGRAPH-4E0", std::nullopt},
    {"CJK UNIFIED IDEOGRAPH-004E00", std::nullopt},
    {"CJK UNIFIED IDEOGRAPH-2B739", std::nullopt},
    {"CJK UNIFIED IDEOGRAPH-A000", std::nullopt},
    {"hangul syllable ga", std::nullopt},
    {"HANGUL SYLLABLE ", std::nullopt},
    {"HANGUL SYLLABLE G", std::nullopt},
    {"HANGUL SYLLABLE GAGG", 0xAC02},
    {"TANGUT IDEOGRAPH-17000", std::nullopt},
    {"EM", std::nullopt},
    {"SUNDANESE LETTER ARCHAIC I", std::nullopt},
    {"LATIN SMALL LETTER A\011X", std::nullopt},
};

TEST(LookupUnicodeName, MatchesPython) {
  for (const NameCase& c : kNameCases) EXPECT_EQ(lookup_unicode_name(c.name), c.code) << c.name;
}

}  // namespace
}  // namespace tern::compiler
