// XID predicates, str.isprintable() and NFKC for identifiers, checked
// against python3.11 (str.isidentifier, str.isprintable,
// unicodedata.normalize('NFKC', ...)).
#include "runtime/compiler/identifier.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace tern::compiler {
namespace {

TEST(Identifier, XidProperties) {
  EXPECT_TRUE(is_xid_start('a'));
  EXPECT_FALSE(is_xid_start('_'));  // allowed first by the grammar, not by XID_Start
  EXPECT_FALSE(is_xid_start('1'));
  EXPECT_TRUE(is_xid_continue('1'));
  EXPECT_TRUE(is_xid_start(0x00E4));      // ä
  EXPECT_TRUE(is_xid_start(0x2118));      // ℘, Other_ID_Start
  EXPECT_FALSE(is_xid_start(0x00B7));     // MIDDLE DOT ...
  EXPECT_TRUE(is_xid_continue(0x00B7));   // ... may continue a name
  EXPECT_FALSE(is_xid_continue(0x20AC));  // €
  EXPECT_FALSE(is_xid_continue(0x00B2));  // ², \w but not XID
  EXPECT_TRUE(is_xid_continue(0xE0100));  // variation selector
  EXPECT_TRUE(is_xid_start(0x0870));      // Unicode 14.0
  EXPECT_FALSE(is_xid_start(0x11F04));    // Unicode 15.0: unassigned for 3.11
  EXPECT_FALSE(is_xid_start(0x309B));     // NFKC-unstable: excluded from XID_Start
}

TEST(Identifier, Printable) {
  EXPECT_TRUE(is_printable(' '));
  EXPECT_FALSE(is_printable('\x7f'));
  EXPECT_FALSE(is_printable(0x00A0));  // Zs
  EXPECT_FALSE(is_printable(0x00AD));  // Cf
  EXPECT_FALSE(is_printable(0x2028));  // Zl
  EXPECT_FALSE(is_printable(0xE000));  // Co
  EXPECT_TRUE(is_printable(0x20AC));
  EXPECT_TRUE(is_printable(0x1F40D));
  EXPECT_FALSE(is_printable(0x1E030));  // Unicode 15.0
}

TEST(Identifier, PrintableMatchesPythonOnEveryCodePoint) {
  // FNV-1a over str.isprintable() of every code point, and the count of
  // printable ones, as python3.11 computes them (Unicode 14.0).
  uint64_t hash = 0xcbf29ce484222325u;
  uint32_t count = 0;
  for (char32_t c = 0; c < 0x110000; ++c) {
    bool printable = is_printable(c);
    count += printable;
    hash = (hash ^ (printable ? 1 : 0)) * 0x100000001b3u;
  }
  EXPECT_EQ(count, 144516u);
  EXPECT_EQ(hash, 0xBEF272E932B35F59u);
}

TEST(Identifier, FindInvalidCharacter) {
  EXPECT_EQ(find_invalid_identifier_char("abc"), std::string_view::npos);
  EXPECT_EQ(find_invalid_identifier_char("_1"), std::string_view::npos);
  EXPECT_EQ(find_invalid_identifier_char("1a"), 0u);
  EXPECT_EQ(find_invalid_identifier_char(""), 0u);
  EXPECT_EQ(find_invalid_identifier_char("a\xE2\x82\xAC"
                                         "b"),
            1u);                                                    // byte offset of €
  EXPECT_EQ(find_invalid_identifier_char("\xC3\xA9\xC2\xB2"), 2u);  // é²
  EXPECT_TRUE(is_identifier("\xC3\xA4\xC2\xB7"));
  EXPECT_FALSE(is_identifier("\xC2\xB7"));
}

TEST(Identifier, DecodeUtf8) {
  std::string_view s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x90\x8D";
  size_t i = 0;
  EXPECT_EQ(decode_utf8(s, i), U'a');
  EXPECT_EQ(decode_utf8(s, i), U'\u00E9');
  EXPECT_EQ(decode_utf8(s, i), U'\u20AC');
  EXPECT_EQ(decode_utf8(s, i), U'\U0001F40D');
  EXPECT_EQ(i, s.size());
}

TEST(Identifier, NormalizeIsNfkc) {
  EXPECT_EQ(normalize_identifier("plain_ascii"), "plain_ascii");
  EXPECT_EQ(normalize_identifier("\xEF\xAC\x81"), "fi");              // ﬁ
  EXPECT_EQ(normalize_identifier("\xC2\xB5"), "\xCE\xBC");            // µ -> μ
  EXPECT_EQ(normalize_identifier("\xE2\x84\x8C"), "H");               // ℌ
  EXPECT_EQ(normalize_identifier("e\xCC\x81"), "\xC3\xA9");           // e + combining acute -> é
  EXPECT_EQ(normalize_identifier("\xEF\xBD\x89\xEF\xBD\x86"), "if");  // fullwidth
}

}  // namespace
}  // namespace tern::compiler
