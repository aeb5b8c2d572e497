// Unicode character names; see unicode_names.h.
//
// Layout of the generated tables (unicode_names.inc):
//  - kWordChars / kWordOffsets: the distinct words of all names, most frequent
//    first; word i is kWordChars[kWordOffsets[i], kWordOffsets[i + 1]).
//    kWordsByText lists the word numbers in byte order of their text.
//  - kNameData: one entry per name (and alias), sorted by key, front-coded:
//      [bytes shared with the previous key][length of the rest][rest of the key]
//      [code point, 3 bytes big-endian; bit 23 (kAliasFlag) set for an alias]
//    The first entry of each block of kNameBlock shares nothing.  The key is
//    the name's words as tokens (word * 2 + 1 if a '-' follows the word, + 0
//    if a ' ' or nothing follows), each token one byte when below 0x80, else
//    two: 0x80 | (token >> 8), token & 0xff.
//  - kNameBlockOffsets[i]: offset in kNameData of entry i * kNameBlock.
//  - kCjkIdeographs: sorted half-open code point ranges.
#include "runtime/compiler/unicode_names.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace tern::compiler {

namespace {

struct UnicodeRange {
  char32_t first;
  char32_t end;  // one past the last
};

#include "runtime/compiler/unicode_names.inc"

bool in_ranges(const UnicodeRange* begin, const UnicodeRange* end, char32_t code) {
  const UnicodeRange* it =
      std::upper_bound(begin, end, code, [](char32_t c, const UnicodeRange& r) { return c < r.end; });
  return it != end && it->first <= code;
}

std::string_view word_text(uint32_t word) {
  return std::string_view(kWordChars + kWordOffsets[word], kWordOffsets[word + 1] - kWordOffsets[word]);
}

std::optional<uint32_t> find_word(std::string_view word) {
  const uint16_t* end = kWordsByText + kWordCount;
  const uint16_t* it =
      std::lower_bound(kWordsByText, end, word, [](uint16_t id, std::string_view w) { return word_text(id) < w; });
  if (it == end || word_text(*it) != word) return std::nullopt;
  return *it;
}

// The key of an uppercase name, or nullopt if one of its words is in no name.
std::optional<std::string> encode_name(std::string_view name) {
  std::string key;
  size_t start = 0;
  while (true) {
    size_t sep = name.find_first_of(" -", start);
    std::optional<uint32_t> word = find_word(name.substr(start, sep == std::string_view::npos ? sep : sep - start));
    if (!word) return std::nullopt;
    uint32_t token = *word * 2 + (sep != std::string_view::npos && name[sep] == '-' ? 1 : 0);
    if (token < 0x80) {
      key.push_back(static_cast<char>(token));
    } else {
      key.push_back(static_cast<char>(0x80 | (token >> 8)));
      key.push_back(static_cast<char>(token & 0xff));
    }
    if (sep == std::string_view::npos) return key;
    start = sep + 1;
  }
}

// The first key of the block at `offset` (it shares nothing).
std::string_view block_key(uint32_t offset) {
  return std::string_view(kNameData + offset + 2, static_cast<unsigned char>(kNameData[offset + 1]));
}

std::optional<char32_t> lookup_table_name(std::string_view name, bool* is_alias) {
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  std::optional<std::string> key = encode_name(upper);
  if (!key) return std::nullopt;
  // The last block whose first key is <= key, then a scan of that block.
  constexpr size_t kBlocks = std::size(kNameBlockOffsets);
  const uint32_t* block = std::upper_bound(kNameBlockOffsets, kNameBlockOffsets + kBlocks, std::string_view(*key),
                                           [](std::string_view k, uint32_t offset) { return k < block_key(offset); });
  if (block == kNameBlockOffsets) return std::nullopt;
  --block;
  const auto* data = reinterpret_cast<const unsigned char*>(kNameData);
  size_t offset = *block;
  size_t first = static_cast<size_t>(block - kNameBlockOffsets) * kNameBlock;
  std::string entry_key;
  for (size_t i = first; i < kNameCount && i < first + kNameBlock; ++i) {
    size_t shared = data[offset];
    size_t rest = data[offset + 1];
    entry_key.resize(shared);
    entry_key.append(kNameData + offset + 2, rest);
    const unsigned char* code = data + offset + 2 + rest;
    if (entry_key == *key) {
      if (is_alias != nullptr) *is_alias = (code[0] & 0x80) != 0;
      return static_cast<char32_t>((code[0] & 0x7f) << 16 | code[1] << 8 | code[2]);
    }
    offset += 2 + rest + 3;
  }
  return std::nullopt;
}

// "CJK UNIFIED IDEOGRAPH-" followed by 4 or 5 uppercase hex digits.
std::optional<char32_t> lookup_cjk_ideograph(std::string_view digits) {
  if (digits.size() != 4 && digits.size() != 5) return std::nullopt;
  char32_t code = 0;
  for (char c : digits) {
    if (c >= '0' && c <= '9') {
      code = code * 16 + static_cast<char32_t>(c - '0');
    } else if (c >= 'A' && c <= 'F') {
      code = code * 16 + static_cast<char32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  if (!in_ranges(std::begin(kCjkIdeographs), std::end(kCjkIdeographs), code)) return std::nullopt;
  return code;
}

// Hangul syllable names are built from the short names of their jamo (The
// Unicode Standard, section 3.12): leading consonant, vowel, trailing
// consonant.  Each part is matched greedily (longest short name first), as
// CPython does.
constexpr std::string_view kLeadingJamo[] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                             "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
constexpr std::string_view kVowelJamo[] = {"A",  "AE", "YA", "YAE", "EO", "E",  "YEO", "YE", "O",  "WA", "WAE",
                                           "OE", "YO", "U",  "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr std::string_view kTrailingJamo[] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                              "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                              "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};

template <size_t N>
std::optional<size_t> match_jamo(std::string_view* rest, const std::string_view (&jamo)[N]) {
  std::optional<size_t> best;
  for (size_t i = 0; i < N; ++i) {
    if (rest->starts_with(jamo[i]) && (!best || jamo[i].size() > jamo[*best].size())) best = i;
  }
  if (best) rest->remove_prefix(jamo[*best].size());
  return best;
}

std::optional<char32_t> lookup_hangul_syllable(std::string_view rest) {
  std::optional<size_t> leading = match_jamo(&rest, kLeadingJamo);
  std::optional<size_t> vowel = match_jamo(&rest, kVowelJamo);
  std::optional<size_t> trailing = match_jamo(&rest, kTrailingJamo);
  if (!leading || !vowel || !trailing || !rest.empty()) return std::nullopt;
  constexpr char32_t kSyllableBase = 0xAC00;
  return static_cast<char32_t>(kSyllableBase + (*leading * std::size(kVowelJamo) + *vowel) * std::size(kTrailingJamo) +
                               *trailing);
}

// --- from code points to names (unicodedata.name) ---

// Where the primary name of a code point is: its entry's block and position
// in the block.  Built on first use, sorted by code point.
struct NameLocation {
  char32_t code;
  uint32_t block;
  uint32_t position;
};

const std::vector<NameLocation>& name_locations() {
  static const std::vector<NameLocation> locations = [] {
    std::vector<NameLocation> out;
    const auto* data = reinterpret_cast<const unsigned char*>(kNameData);
    size_t offset = 0;
    for (uint32_t i = 0; i < kNameCount; ++i) {
      size_t rest = data[offset + 1];
      const unsigned char* code = data + offset + 2 + rest;
      if ((code[0] & 0x80) == 0) {
        out.push_back({static_cast<char32_t>(code[0] << 16 | code[1] << 8 | code[2]), i / kNameBlock, i % kNameBlock});
      }
      offset += 2 + rest + 3;
    }
    std::sort(out.begin(), out.end(), [](const NameLocation& a, const NameLocation& b) { return a.code < b.code; });
    return out;
  }();
  return locations;
}

// The name whose key is `key` (see the layout above).
std::string decode_key(std::string_view key) {
  std::string name;
  for (size_t i = 0; i < key.size(); ++i) {
    uint32_t token = static_cast<unsigned char>(key[i]);
    if (token >= 0x80) token = (token & 0x7f) << 8 | static_cast<unsigned char>(key[++i]);
    name += word_text(token / 2);
    if (i + 1 < key.size()) name.push_back((token & 1) != 0 ? '-' : ' ');
  }
  return name;
}

std::string table_name_at(const NameLocation& location) {
  const auto* data = reinterpret_cast<const unsigned char*>(kNameData);
  size_t offset = kNameBlockOffsets[location.block];
  std::string key;
  for (uint32_t i = 0; i <= location.position; ++i) {
    size_t shared = data[offset];
    size_t rest = data[offset + 1];
    key.resize(shared);
    key.append(kNameData + offset + 2, rest);
    offset += 2 + rest + 3;
  }
  return decode_key(key);
}

}  // namespace

std::optional<char32_t> lookup_unicode_name(std::string_view name, bool* is_alias) {
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (is_alias != nullptr) *is_alias = false;
  if (name.starts_with(kHangul)) return lookup_hangul_syllable(name.substr(kHangul.size()));
  if (name.starts_with(kCjk)) return lookup_cjk_ideograph(name.substr(kCjk.size()));
  return lookup_table_name(name, is_alias);
}

std::optional<std::string> unicode_name_of(char32_t code) {
  constexpr char32_t kSyllableBase = 0xAC00, kSyllableCount = 11172;
  if (code >= kSyllableBase && code < kSyllableBase + kSyllableCount) {
    size_t index = code - kSyllableBase;
    size_t per_leading = std::size(kVowelJamo) * std::size(kTrailingJamo);
    std::string name = "HANGUL SYLLABLE ";
    name += kLeadingJamo[index / per_leading];
    name += kVowelJamo[(index % per_leading) / std::size(kTrailingJamo)];
    name += kTrailingJamo[index % std::size(kTrailingJamo)];
    return name;
  }
  if (in_ranges(std::begin(kCjkIdeographs), std::end(kCjkIdeographs), code)) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(code));
    return std::string("CJK UNIFIED IDEOGRAPH-") + hex;
  }
  const std::vector<NameLocation>& locations = name_locations();
  auto it = std::lower_bound(locations.begin(), locations.end(), code,
                             [](const NameLocation& l, char32_t c) { return l.code < c; });
  if (it == locations.end() || it->code != code) return std::nullopt;
  return table_name_at(*it);
}

}  // namespace tern::compiler
