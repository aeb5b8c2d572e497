// PEP 393: the kind a string needs, and UTF-8 <-> code units both ways,
// surrogates and astral characters included.
#include "runtime/objects/pep393.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

namespace tern::objects {
namespace {

struct Case {
  const char* utf8;
  std::vector<char32_t> code_points;
  StrKind kind;
};

const Case kCases[] = {
    {"", {}, StrKind::k1},
    {"abc", {'a', 'b', 'c'}, StrKind::k1},
    {"\x7f", {0x7f}, StrKind::k1},
    {"caf\xc3\xa9", {'c', 'a', 'f', 0xe9}, StrKind::k1},
    {"\xc3\xbf", {0xff}, StrKind::k1},
    {"\xc4\x80", {0x100}, StrKind::k2},
    {"x\xe2\x82\xac", {'x', 0x20ac}, StrKind::k2},
    {"\xed\xb2\x80", {0xdc80}, StrKind::k2},  // a lone surrogate, generalized UTF-8
    {"\xef\xbf\xbf", {0xffff}, StrKind::k2},
    {"\xf0\x90\x80\x80", {0x10000}, StrKind::k4},
    {"a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", {'a', 0xe9, 0x20ac, 0x1d11e}, StrKind::k4},
    {"\xf4\x8f\xbf\xbf", {0x10ffff}, StrKind::k4},
};

TEST(Pep393, KindFollowsTheLargestCodePoint) {
  EXPECT_EQ(kind_for(0), StrKind::k1);
  EXPECT_EQ(kind_for(0xff), StrKind::k1);
  EXPECT_EQ(kind_for(0x100), StrKind::k2);
  EXPECT_EQ(kind_for(0xffff), StrKind::k2);
  EXPECT_EQ(kind_for(0x10000), StrKind::k4);
  EXPECT_EQ(kind_for(0x10ffff), StrKind::k4);
}

TEST(Pep393, ScanTranscodeAndBack) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.utf8);
    Utf8Scan scan = scan_utf8(c.utf8);
    ASSERT_EQ(scan.length, c.code_points.size());
    char32_t max = 0;
    for (char32_t cp : c.code_points) max = std::max(max, cp);
    EXPECT_EQ(scan.max_char, max);
    StrKind kind = kind_for(scan.max_char);
    EXPECT_EQ(kind, c.kind);

    // Room in the widest kind plus a guard word, all filled with a marker byte.
    std::vector<uint32_t> units(scan.length + 1);
    std::memset(units.data(), 0xab, units.size() * sizeof(uint32_t));
    transcode_utf8(c.utf8, kind, units.data());
    for (size_t i = 0; i < scan.length; ++i) EXPECT_EQ(code_unit_at(units.data(), kind, i), c.code_points[i]) << i;
    // Nothing written past the string's units.
    const auto* bytes = reinterpret_cast<const uint8_t*>(units.data());
    for (size_t b = scan.length * static_cast<size_t>(kind); b < units.size() * sizeof(uint32_t); ++b)
      EXPECT_EQ(bytes[b], 0xab) << "byte " << b;

    std::string back;
    append_utf8(back, units.data(), kind, scan.length);
    EXPECT_EQ(back, c.utf8);
  }
}

TEST(Pep393, WiderKindHoldsNarrowStrings) {
  // A caller may store a string in a wider kind than it needs (while building one
  // up); the conversion must still give the same code points.
  const char* utf8 = "caf\xc3\xa9";
  for (StrKind kind : {StrKind::k2, StrKind::k4}) {
    uint32_t units[4];
    transcode_utf8(utf8, kind, units);
    std::string back;
    append_utf8(back, units, kind, 4);
    EXPECT_EQ(back, utf8);
  }
}

}  // namespace
}  // namespace tern::objects
