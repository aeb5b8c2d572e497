// The str and bytes algorithms of stringlib.h against python3.11.
//
// The tables in stringlib_cases.inc were printed by python3.11
// (gen_stringlib_cases.py): find/rfind/count/startswith/endswith with every
// form of start and end, split/rsplit with and without a separator and
// maxsplit, splitlines, partition/rpartition, replace with counts and empty
// old strings, strip/lstrip/rstrip, expandtabs, zfill/center/ljust/rjust,
// join, the six case mappings and the whole-string predicates, for str and
// bytes.  Each str row is run with every unit width that can hold its
// strings (a Latin-1 haystack as uint8_t, uint16_t and uint32_t, its needle
// likewise), so narrow needles in wide haystacks and the reverse are covered.
//
// Beyond the tables: the substring search against a naive one on random and
// periodic strings (both the Horspool path and the forced two-way one), a
// linear-time check on inputs that are quadratic for naive searches, and the
// overflow paths of the length computations.
//
// When this was written, a wider run of the generator (seed 7, scale 10:
// 130,000 rows) found no difference either.
#include "runtime/objects/stringlib.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/objects/pep393.h"

namespace tern::objects::stringlib {
namespace {

using std::string_view_literals::operator""sv;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

struct SearchCase {
  std::string_view s, sub;
  int64_t start, end;
  int64_t find, rfind, count;
  bool startswith, endswith;
};
struct SplitCase {
  std::string_view s;
  bool has_sep;
  std::string_view sep;
  int64_t maxsplit;
  std::string_view split, rsplit;  // lists as <length>:<item>...
};
struct SplitlinesCase {
  std::string_view s, lines, lines_keepends;
};
struct PartitionCase {
  std::string_view s, sep, partition, rpartition;
};
struct ReplaceCase {
  std::string_view s, old, new_;
  int64_t count;
  std::string_view expected;
};
struct StripCase {
  std::string_view s;
  bool has_chars;
  std::string_view chars, strip, lstrip, rstrip;
};
struct ExpandtabsCase {
  std::string_view s;
  int64_t tabsize;
  std::string_view expected;
};
struct PadCase {
  std::string_view s;
  int64_t width;
  std::string_view fill, zfill, center, ljust, rjust;
};
struct JoinCase {
  std::string_view sep, items, expected;
};
struct CaseMapCase {
  std::string_view s, lower, upper, casefold, capitalize, title, swapcase;
};
// Bits in the order of gen_stringlib_cases.py's STR_PREDICATES.
struct PredicateCase {
  std::string_view s;
  uint32_t mask;
};

#include "tests/unit/objects/stringlib_cases.inc"

// ---------------------------------------------------------------------------
// Strings of each flavor as units and back

template <typename V>
auto units(const V& v) {
  return Units<typename V::value_type>(v.data(), v.size());
}

template <CodeUnit T>
constexpr StrKind kind_of() {
  return sizeof(T) == 1 ? StrKind::k1 : sizeof(T) == 2 ? StrKind::k2 : StrKind::k4;
}

std::vector<std::string> decode_list(std::string_view encoded) {
  std::vector<std::string> items;
  size_t i = 0;
  while (i < encoded.size()) {
    size_t colon = encoded.find(':', i);
    const size_t len = std::stoul(std::string(encoded.substr(i, colon - i)));
    items.emplace_back(encoded.substr(colon + 1, len));
    i = colon + 1 + len;
  }
  return items;
}

// str: generalized UTF-8 in the tables, every width that holds the string.
struct StrFlavor {
  static constexpr Flavor kFlavor = Flavor::kStr;

  static std::u32string code_points(std::string_view utf8) {
    std::u32string out(scan_utf8(utf8).length, U'\0');
    transcode_utf8(utf8, StrKind::k4, out.data());
    return out;
  }

  template <typename F>
  static void each_width(std::string_view text, F&& f) {
    const std::u32string cps = code_points(text);
    const char32_t max = cps.empty() ? 0 : *std::max_element(cps.begin(), cps.end());
    if (max < 0x100) f(std::vector<uint8_t>(cps.begin(), cps.end()));
    if (max < 0x10000) f(std::vector<uint16_t>(cps.begin(), cps.end()));
    f(std::vector<uint32_t>(cps.begin(), cps.end()));
  }

  template <CodeUnit T>
  static std::string text(const T* p, size_t n) {
    std::string out;
    append_utf8(out, p, kind_of<T>(), n);
    return out;
  }
};

// bytes: the bytes themselves.
struct BytesFlavor {
  static constexpr Flavor kFlavor = Flavor::kBytes;

  template <typename F>
  static void each_width(std::string_view text, F&& f) {
    f(std::vector<uint8_t>(text.begin(), text.end()));
  }

  template <CodeUnit T>
  static std::string text(const T* p, size_t n) {
    return std::string(p, p + n);
  }
};

template <typename P, CodeUnit T>
std::string text(Units<T> s, Piece piece) {
  return P::text(s.data() + piece.start, piece.size());
}

template <typename P, CodeUnit T>
std::vector<std::string> texts(Units<T> s, const std::vector<Piece>& pieces) {
  std::vector<std::string> out;
  for (const Piece& piece : pieces) out.push_back(text<P>(s, piece));
  return out;
}

// The largest code point (or byte) of a string given as in the tables.
template <typename P>
char32_t max_char(std::string_view text) {
  char32_t max = 0;
  P::each_width(text, [&max](const auto& v) {
    for (const auto c : v) max = std::max<char32_t>(max, c);
  });
  return max;
}

// Reports the first failures in full and counts the rest.
class Failures {
 public:
  ~Failures() { EXPECT_EQ(count_, 0) << "failing checks in all"; }
  template <typename A, typename E>
  void expect_eq(const A& actual, const E& expected, size_t row, std::string_view what) {
    if (actual == expected) return;
    if (++count_ <= 20)
      ADD_FAILURE() << "row " << row << ": " << what << " " << show(actual) << " != " << show(expected);
  }

 private:
  template <typename V>
  static std::string show(const V& v) {
    if constexpr (std::is_same_v<V, std::string>) {
      return "\"" + v + "\"";
    } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
      std::string out = "[";
      for (const auto& s : v) out += "\"" + s + "\" ";
      return out + "]";
    } else {
      return std::to_string(v);
    }
  }
  int count_ = 0;
};

// ---------------------------------------------------------------------------
// Table-driven tests, one body per method family for both flavors

template <typename P, size_t N>
void run_search(const SearchCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const SearchCase& c = cases[row];
    P::each_width(c.s, [&](const auto& sv) {
      P::each_width(c.sub, [&](const auto& subv) {
        const auto s = units(sv);
        const auto sub = units(subv);
        failures.expect_eq(stringlib::find(s, sub, c.start, c.end), c.find, row, "find");
        failures.expect_eq(stringlib::rfind(s, sub, c.start, c.end), c.rfind, row, "rfind");
        failures.expect_eq(stringlib::count(s, sub, c.start, c.end), c.count, row, "count");
        failures.expect_eq(startswith(s, sub, c.start, c.end), c.startswith, row, "startswith");
        failures.expect_eq(endswith(s, sub, c.start, c.end), c.endswith, row, "endswith");
      });
    });
  }
}

template <typename P, size_t N>
void run_split(const SplitCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const SplitCase& c = cases[row];
    P::each_width(c.s, [&](const auto& sv) {
      const auto s = units(sv);
      using T = typename std::decay_t<decltype(sv)>::value_type;
      if (!c.has_sep) {
        failures.expect_eq(texts<P>(s, split_whitespace<P::kFlavor, T>(s, c.maxsplit)), decode_list(c.split), row,
                           "split(None)");
        failures.expect_eq(texts<P>(s, rsplit_whitespace<P::kFlavor, T>(s, c.maxsplit)), decode_list(c.rsplit), row,
                           "rsplit(None)");
        return;
      }
      P::each_width(c.sep, [&](const auto& sepv) {
        failures.expect_eq(texts<P>(s, split(s, units(sepv), c.maxsplit)), decode_list(c.split), row, "split");
        failures.expect_eq(texts<P>(s, rsplit(s, units(sepv), c.maxsplit)), decode_list(c.rsplit), row, "rsplit");
      });
    });
  }
}

template <typename P, size_t N>
void run_splitlines(const SplitlinesCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const SplitlinesCase& c = cases[row];
    P::each_width(c.s, [&](const auto& sv) {
      const auto s = units(sv);
      using T = typename std::decay_t<decltype(sv)>::value_type;
      failures.expect_eq(texts<P>(s, splitlines<P::kFlavor, T>(s, false)), decode_list(c.lines), row, "splitlines");
      failures.expect_eq(texts<P>(s, splitlines<P::kFlavor, T>(s, true)), decode_list(c.lines_keepends), row,
                         "splitlines(True)");
    });
  }
}

template <typename P, size_t N>
void run_partition(const PartitionCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const PartitionCase& c = cases[row];
    P::each_width(c.s, [&](const auto& sv) {
      P::each_width(c.sep, [&](const auto& sepv) {
        const auto s = units(sv);
        const Partition p = partition(s, units(sepv));
        const Partition r = rpartition(s, units(sepv));
        failures.expect_eq(texts<P>(s, {p.head, p.sep, p.tail}), decode_list(c.partition), row, "partition");
        failures.expect_eq(texts<P>(s, {r.head, r.sep, r.tail}), decode_list(c.rpartition), row, "rpartition");
        failures.expect_eq(p.found, stringlib::find(s, units(sepv)) >= 0, row, "partition found");
        failures.expect_eq(r.found, p.found, row, "rpartition found");
      });
    });
  }
}

template <typename P, size_t N>
void run_replace(const ReplaceCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const ReplaceCase& c = cases[row];
    P::each_width(c.s, [&](const auto& sv) {
      P::each_width(c.old, [&](const auto& oldv) {
        P::each_width(c.new_, [&](const auto& newv) {
          const auto s = units(sv), old = units(oldv), new_ = units(newv);
          const ReplaceSize size = replace_measure(s, old, new_, c.count, true);
          failures.expect_eq(size.too_long, false, row, "too_long");
          std::vector<uint32_t> out(size.length + 1, 0xDEAD);
          replace_into(out.data(), s, old, new_, c.count);
          failures.expect_eq(out[size.length], uint32_t{0xDEAD}, row, "replace wrote past the end");
          failures.expect_eq(P::text(out.data(), size.length), std::string(c.expected), row, "replace");
          failures.expect_eq(size.max_char, max_char<P>(c.expected), row, "replace max_char");
          failures.expect_eq(replace_measure(s, old, new_, c.count).length, size.length, row, "replace length");
          using H = typename std::decay_t<decltype(sv)>::value_type;
          using N2 = typename std::decay_t<decltype(newv)>::value_type;
          using Out = std::conditional_t<(sizeof(H) > sizeof(N2)), H, N2>;
          std::vector<Out> narrow(size.length);
          replace_into(narrow.data(), s, old, new_, c.count);
          failures.expect_eq(P::text(narrow.data(), narrow.size()), std::string(c.expected), row, "replace (kind)");
        });
      });
    });
  }
}

template <typename P, size_t N>
void run_strip(const StripCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const StripCase& c = cases[row];
    P::each_width(c.s, [&](const auto& sv) {
      const auto s = units(sv);
      using T = typename std::decay_t<decltype(sv)>::value_type;
      if (!c.has_chars) {
        failures.expect_eq(text<P>(s, strip_whitespace<P::kFlavor, T>(s, StripSide::kBoth)), std::string(c.strip), row,
                           "strip()");
        failures.expect_eq(text<P>(s, strip_whitespace<P::kFlavor, T>(s, StripSide::kLeft)), std::string(c.lstrip), row,
                           "lstrip()");
        failures.expect_eq(text<P>(s, strip_whitespace<P::kFlavor, T>(s, StripSide::kRight)), std::string(c.rstrip),
                           row, "rstrip()");
        return;
      }
      P::each_width(c.chars, [&](const auto& charsv) {
        const auto chars = units(charsv);
        failures.expect_eq(text<P>(s, strip_chars(s, chars, StripSide::kBoth)), std::string(c.strip), row, "strip");
        failures.expect_eq(text<P>(s, strip_chars(s, chars, StripSide::kLeft)), std::string(c.lstrip), row, "lstrip");
        failures.expect_eq(text<P>(s, strip_chars(s, chars, StripSide::kRight)), std::string(c.rstrip), row, "rstrip");
      });
    });
  }
}

template <typename P, size_t N>
void run_expandtabs(const ExpandtabsCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const ExpandtabsCase& c = cases[row];
    P::each_width(c.s, [&](const auto& sv) {
      const auto s = units(sv);
      const std::optional<size_t> length = expandtabs_length(s, c.tabsize);
      ASSERT_TRUE(length.has_value());
      std::vector<typename std::decay_t<decltype(sv)>::value_type> out(*length);
      expandtabs_into(out.data(), s, c.tabsize);
      failures.expect_eq(P::text(out.data(), out.size()), std::string(c.expected), row, "expandtabs");
    });
  }
}

template <typename P, size_t N>
void run_pad(const PadCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const PadCase& c = cases[row];
    char32_t fill = 0;
    P::each_width(c.fill, [&](const auto& f) { fill = f.at(0); });
    P::each_width(c.s, [&](const auto& sv) {
      const auto s = units(sv);
      using T = typename std::decay_t<decltype(sv)>::value_type;
      std::vector<T> z(zfill_length(s.size(), c.width));
      zfill_into(z.data(), s, c.width);
      failures.expect_eq(P::text(z.data(), z.size()), std::string(c.zfill), row, "zfill");
      const std::pair<Padding, std::string_view> pads[] = {{center_padding(s.size(), c.width), c.center},
                                                           {ljust_padding(s.size(), c.width), c.ljust},
                                                           {rjust_padding(s.size(), c.width), c.rjust}};
      for (const auto& [padding, expected] : pads) {
        std::vector<uint32_t> out(padding.left + s.size() + padding.right);
        pad_into(out.data(), s, padding, fill);
        failures.expect_eq(P::text(out.data(), out.size()), std::string(expected), row, "center/ljust/rjust");
        if (fill <= std::numeric_limits<T>::max()) {
          std::vector<T> same(out.size());
          pad_into(same.data(), s, padding, fill);
          failures.expect_eq(P::text(same.data(), same.size()), std::string(expected), row, "pad (same width)");
        }
      }
    });
  }
}

template <typename P, size_t N>
void run_join(const JoinCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const JoinCase& c = cases[row];
    // Each item and the separator in its canonical (narrowest) width.
    std::vector<std::vector<uint8_t>> bytes;
    std::vector<std::vector<uint16_t>> ucs2;
    std::vector<std::vector<uint32_t>> ucs4;
    auto canonical = [&](std::string_view text) {
      AnyUnits u;
      bool done = false;
      P::each_width(text, [&](const auto& v) {
        if (done) return;
        done = true;
        using T = typename std::decay_t<decltype(v)>::value_type;
        u.kind = kind_of<T>();
        u.length = v.size();
        if constexpr (sizeof(T) == 1) {
          u.data = bytes.emplace_back(v).data();
        } else if constexpr (sizeof(T) == 2) {
          u.data = ucs2.emplace_back(v).data();
        } else {
          u.data = ucs4.emplace_back(v).data();
        }
      });
      return u;
    };
    const std::vector<std::string> item_texts = decode_list(c.items);
    bytes.reserve(item_texts.size() + 1);
    ucs2.reserve(item_texts.size() + 1);
    ucs4.reserve(item_texts.size() + 1);
    const AnyUnits sep = canonical(c.sep);
    std::vector<AnyUnits> items;
    for (const auto& t : item_texts) items.push_back(canonical(t));
    auto item = [&items](size_t i) { return items[i]; };
    const std::optional<JoinSize> size = join_measure(sep, items.size(), item);
    ASSERT_TRUE(size.has_value());
    failures.expect_eq(static_cast<int>(size->kind), static_cast<int>(kind_for(max_char<P>(c.expected))), row,
                       "join kind");
    std::vector<uint32_t> out(size->length);
    join_into(out.data(), sep, items.size(), item);
    failures.expect_eq(P::text(out.data(), out.size()), std::string(c.expected), row, "join");
  }
}

template <size_t N>
void run_str_case(const CaseMapCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const CaseMapCase& c = cases[row];
    const std::pair<CaseOp, std::string_view> ops[] = {
        {CaseOp::kLower, c.lower},           {CaseOp::kUpper, c.upper}, {CaseOp::kCasefold, c.casefold},
        {CaseOp::kCapitalize, c.capitalize}, {CaseOp::kTitle, c.title}, {CaseOp::kSwapcase, c.swapcase}};
    StrFlavor::each_width(c.s, [&](const auto& sv) {
      const auto s = units(sv);
      for (const auto& [op, expected] : ops) {
        const std::u32string cps = StrFlavor::code_points(expected);
        const CaseSize size = str_case_measure(op, s);
        failures.expect_eq(size.length, cps.size(), row, "case length");
        failures.expect_eq(size.max_char, cps.empty() ? 0 : *std::max_element(cps.begin(), cps.end()), row,
                           "case max_char");
        std::vector<uint32_t> wide(size.length);
        str_case_into(op, wide.data(), s);
        failures.expect_eq(StrFlavor::text(wide.data(), wide.size()), std::string(expected), row, "case map");
        if (size.max_char < 0x100) {
          std::vector<uint8_t> narrow(size.length);
          str_case_into(op, narrow.data(), s);
          failures.expect_eq(StrFlavor::text(narrow.data(), narrow.size()), std::string(expected), row, "case (1)");
        } else if (size.max_char < 0x10000) {
          std::vector<uint16_t> narrow(size.length);
          str_case_into(op, narrow.data(), s);
          failures.expect_eq(StrFlavor::text(narrow.data(), narrow.size()), std::string(expected), row, "case (2)");
        }
      }
    });
  }
}

template <size_t N>
void run_bytes_case(const CaseMapCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const CaseMapCase& c = cases[row];
    const std::pair<CaseOp, std::string_view> ops[] = {{CaseOp::kLower, c.lower},
                                                       {CaseOp::kUpper, c.upper},
                                                       {CaseOp::kCapitalize, c.capitalize},
                                                       {CaseOp::kTitle, c.title},
                                                       {CaseOp::kSwapcase, c.swapcase}};
    const std::vector<uint8_t> s(c.s.begin(), c.s.end());
    for (const auto& [op, expected] : ops) {
      std::vector<uint8_t> out(s.size());
      bytes_case_into(op, out.data(), units(s));
      failures.expect_eq(std::string(out.begin(), out.end()), std::string(expected), row, "bytes case map");
    }
  }
}

enum PredicateBit {
  kIsAlnum,
  kIsAlpha,
  kIsAscii,
  kIsDecimal,
  kIsDigit,
  kIsIdentifier,
  kIsLower,
  kIsNumeric,
  kIsPrintable,
  kIsSpace,
  kIsTitle,
  kIsUpper
};

template <Flavor F, CodeUnit T>
uint32_t predicate_mask(Units<T> s) {
  uint32_t m = 0;
  auto set = [&m](PredicateBit bit, bool value) { m |= uint32_t{value} << bit; };
  set(kIsAlnum, isalnum<F>(s));
  set(kIsAlpha, isalpha<F>(s));
  set(kIsAscii, isascii<F>(s));
  set(kIsDigit, isdigit<F>(s));
  set(kIsLower, islower<F>(s));
  set(kIsSpace, isspace<F>(s));
  set(kIsTitle, istitle<F>(s));
  set(kIsUpper, isupper<F>(s));
  if constexpr (F == Flavor::kStr) {
    set(kIsDecimal, isdecimal(s));
    set(kIsIdentifier, isidentifier(s));
    set(kIsNumeric, isnumeric(s));
    set(kIsPrintable, isprintable(s));
  }
  return m;
}

template <typename P, size_t N>
void run_predicates(const PredicateCase (&cases)[N]) {
  Failures failures;
  for (size_t row = 0; row < N; ++row) {
    const PredicateCase& c = cases[row];
    P::each_width(c.s, [&](const auto& sv) {
      failures.expect_eq(predicate_mask<P::kFlavor>(units(sv)), c.mask, row, "predicate mask");
    });
  }
}

TEST(StringlibStr, Search) { run_search<StrFlavor>(kStrSearchCases); }
TEST(StringlibStr, Split) { run_split<StrFlavor>(kStrSplitCases); }
TEST(StringlibStr, Splitlines) { run_splitlines<StrFlavor>(kStrSplitlinesCases); }
TEST(StringlibStr, Partition) { run_partition<StrFlavor>(kStrPartitionCases); }
TEST(StringlibStr, Replace) { run_replace<StrFlavor>(kStrReplaceCases); }
TEST(StringlibStr, Strip) { run_strip<StrFlavor>(kStrStripCases); }
TEST(StringlibStr, Expandtabs) { run_expandtabs<StrFlavor>(kStrExpandtabsCases); }
TEST(StringlibStr, Pad) { run_pad<StrFlavor>(kStrPadCases); }
TEST(StringlibStr, Join) { run_join<StrFlavor>(kStrJoinCases); }
TEST(StringlibStr, CaseMaps) { run_str_case(kStrCaseMapCases); }
TEST(StringlibStr, Predicates) { run_predicates<StrFlavor>(kStrPredicateCases); }

TEST(StringlibBytes, Search) { run_search<BytesFlavor>(kBytesSearchCases); }
TEST(StringlibBytes, Split) { run_split<BytesFlavor>(kBytesSplitCases); }
TEST(StringlibBytes, Splitlines) { run_splitlines<BytesFlavor>(kBytesSplitlinesCases); }
TEST(StringlibBytes, Partition) { run_partition<BytesFlavor>(kBytesPartitionCases); }
TEST(StringlibBytes, Replace) { run_replace<BytesFlavor>(kBytesReplaceCases); }
TEST(StringlibBytes, Strip) { run_strip<BytesFlavor>(kBytesStripCases); }
TEST(StringlibBytes, Expandtabs) { run_expandtabs<BytesFlavor>(kBytesExpandtabsCases); }
TEST(StringlibBytes, Pad) { run_pad<BytesFlavor>(kBytesPadCases); }
TEST(StringlibBytes, Join) { run_join<BytesFlavor>(kBytesJoinCases); }
TEST(StringlibBytes, CaseMaps) { run_bytes_case(kBytesCaseMapCases); }
TEST(StringlibBytes, Predicates) { run_predicates<BytesFlavor>(kBytesPredicateCases); }

// ---------------------------------------------------------------------------
// The substring search on its own

template <CodeUnit H, CodeUnit N>
size_t naive_find(const std::vector<H>& s, const std::vector<N>& sub, size_t from) {
  if (sub.size() > s.size()) return detail::kNotFound;
  for (size_t j = from; j + sub.size() <= s.size(); ++j) {
    if (std::equal(sub.begin(), sub.end(), s.begin() + static_cast<ptrdiff_t>(j),
                   [](N a, H b) { return char32_t{a} == char32_t{b}; })) {
      return j;
    }
  }
  return detail::kNotFound;
}

template <CodeUnit H, CodeUnit N>
void check_random_searches(uint32_t seed) {
  std::mt19937 rng(seed);
  // Alphabets of 1..3 letters, some beyond the narrower width.
  const char32_t letters[] = {'a', 'b', 0xE9, 0x20AC, 0x1F600};
  auto pick = [&](size_t alphabet, size_t limit) {
    char32_t c = letters[rng() % alphabet];
    return c > limit ? char32_t{'c'} : c;
  };
  for (int iter = 0; iter < 3000; ++iter) {
    const size_t alphabet = 1 + rng() % 3;
    const size_t n = rng() % 80, m = 2 + rng() % 12;
    std::vector<H> s(n);
    std::vector<N> sub(m);
    for (auto& c : s) c = static_cast<H>(pick(alphabet + (iter & 1) * 2, std::numeric_limits<H>::max()));
    if (n >= m && rng() % 2 == 0) {
      const size_t at = rng() % (n - m + 1);
      for (size_t k = 0; k < m; ++k)
        sub[k] = static_cast<N>(s[at + k] <= std::numeric_limits<N>::max() ? s[at + k] : 'a');
    } else {
      for (auto& c : sub) c = static_cast<N>(pick(alphabet, std::numeric_limits<N>::max()));
    }
    // Periodic needles now and then: a short word repeated.
    if (iter % 5 == 0) {
      for (size_t k = 3; k < m; ++k) sub[k] = sub[k % 3];
    }
    using Modes = typename detail::ForwardSearcher<H, N>::Mode;
    for (const Modes mode : {Modes::kAuto, Modes::kTwoWay}) {
      detail::ForwardSearcher<H, N> forward({sub.data()}, m, mode);
      detail::BackwardSearcher<H, N> backward({sub.data() + m}, m,
                                              mode == Modes::kAuto ? detail::BackwardSearcher<H, N>::Mode::kAuto
                                                                   : detail::BackwardSearcher<H, N>::Mode::kTwoWay);
      size_t from = 0;
      for (;;) {
        const size_t expected = naive_find(s, sub, from);
        ASSERT_EQ(forward.next({s.data()}, n, from), expected) << "seed " << seed << " iter " << iter;
        if (expected == detail::kNotFound) break;
        from = expected + 1;  // overlapping, to exercise restarts
      }
      // The last match, found backwards.
      size_t last = detail::kNotFound;
      for (size_t at = naive_find(s, sub, 0); at != detail::kNotFound; at = naive_find(s, sub, at + 1)) last = at;
      const size_t r = backward.next({s.data() + n}, n, 0);
      ASSERT_EQ(r == detail::kNotFound ? r : n - r - m, last) << "seed " << seed << " iter " << iter;
    }
  }
}

TEST(StringlibSearch, MatchesNaiveSearch) {
  check_random_searches<uint8_t, uint8_t>(1);
  check_random_searches<uint16_t, uint8_t>(2);
  check_random_searches<uint16_t, uint16_t>(3);
  check_random_searches<uint32_t, uint16_t>(4);
  check_random_searches<uint32_t, uint32_t>(5);
  check_random_searches<uint8_t, uint32_t>(6);
}

// Inputs on which a naive search makes |s| * |sub| comparisons (2e10 here):
// a linear search finishes in milliseconds.
TEST(StringlibSearch, LinearOnAdversarialInputs) {
  const size_t n = 1 << 21, m = 10000;
  const std::vector<uint8_t> s(n, 'a');
  std::vector<uint8_t> needles[3] = {std::vector<uint8_t>(m, 'a'), std::vector<uint8_t>(m, 'a'),
                                     std::vector<uint8_t>(m, 'a')};
  needles[0].back() = 'b';   // aaa…ab
  needles[1].front() = 'b';  // baa…a
  needles[2][m / 2] = 'b';   // aa…ba…a
  for (const auto& sub : needles) {
    EXPECT_EQ(stringlib::find(units(s), units(sub)), -1);
    EXPECT_EQ(stringlib::rfind(units(s), units(sub)), -1);
    EXPECT_EQ(stringlib::count(units(s), units(sub)), 0);
    EXPECT_EQ(split(units(s), units(sub)).size(), 1u);
  }
  const std::vector<uint8_t> all_a(m, 'a');
  EXPECT_EQ(stringlib::count(units(s), units(all_a)), static_cast<int64_t>(n / m));
  EXPECT_EQ(stringlib::rfind(units(s), units(all_a)), static_cast<int64_t>(n - m));
  std::vector<uint32_t> wide(n, 0x1F600);
  std::vector<uint16_t> narrow(m, 0xE9);
  EXPECT_EQ(stringlib::find(units(wide), units(narrow)), -1);
}

// ---------------------------------------------------------------------------
// Edge cases the tables do not reach

TEST(StringlibEdges, TooLong) {
  const uint8_t tabs[] = {'\t', '\t'};
  EXPECT_FALSE(expandtabs_length(Units<uint8_t>(tabs), kMax).has_value());
  EXPECT_EQ(expandtabs_length(Units<uint8_t>(tabs), 1LL << 61), size_t{1} << 62);
  // Only the length of new is read when no max_char is asked for.
  const uint8_t s[] = {'a', 'a'};
  const uint8_t old[] = {'a'};
  const ReplaceSize r = replace_measure(Units<uint8_t>(s), Units<uint8_t>(old), Units<uint8_t>(s, size_t{1} << 62), -1);
  EXPECT_TRUE(r.too_long);
  const AnyUnits big{.data = nullptr, .length = size_t{1} << 62, .kind = StrKind::k2};
  EXPECT_FALSE(join_measure(AnyUnits{}, 2, [&](size_t) { return big; }).has_value());
  const AnyUnits sep{.data = nullptr, .length = size_t{1} << 62, .kind = StrKind::k1};
  EXPECT_FALSE(join_measure(sep, 3, [](size_t) { return AnyUnits{}; }).has_value());
  const std::optional<JoinSize> j = join_measure(sep, 1, [&](size_t) { return big; });
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(j->length, size_t{1} << 62);
  EXPECT_EQ(j->kind, StrKind::k2);
}

TEST(StringlibEdges, Indices) {
  const Bounds b = adjust_indices(kMin, kMax, 5);
  EXPECT_EQ(b.start, 0);
  EXPECT_EQ(b.end, 5);
  const Bounds c = adjust_indices(kMax, kMin, 5);
  EXPECT_EQ(c.start, kMax);
  EXPECT_EQ(c.end, 0);
  const uint8_t abc[] = {'a', 'b', 'c'};
  const Units<uint8_t> s(abc);
  EXPECT_EQ(stringlib::find(s, Units<uint8_t>()), 0);
  EXPECT_EQ(stringlib::find(s, Units<uint8_t>(), 3), 3);
  EXPECT_EQ(stringlib::find(s, Units<uint8_t>(), 4), -1);
  EXPECT_EQ(stringlib::rfind(s, Units<uint8_t>()), 3);
  EXPECT_EQ(stringlib::count(s, Units<uint8_t>(), -2), 3);
  EXPECT_EQ(stringlib::count(s, Units<uint8_t>(), kMax), 0);
  EXPECT_TRUE(startswith(s, Units<uint8_t>(), 3));
  EXPECT_FALSE(startswith(s, Units<uint8_t>(), 4));
}

TEST(StringlibEdges, VisitUnits) {
  const uint16_t euro[] = {0x20AC, 'x'};
  const AnyUnits u{.data = euro, .length = 2, .kind = StrKind::k2};
  EXPECT_EQ(visit_units(u, [](auto s) { return sizeof(s[0]) * 10 + s.size(); }), 22u);
}

}  // namespace
}  // namespace tern::objects::stringlib
