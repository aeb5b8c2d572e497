// The single-string algorithms of stringlib.h: whitespace splitting, line
// splitting, stripping, tabs, zero-filling, padding, case mapping and the
// predicates, instantiated for the unit types and flavors the type files use
// (str: uint8_t, uint16_t, uint32_t; bytes: uint8_t).
#include "runtime/objects/stringlib.h"

#include "runtime/compiler/identifier.h"
#include "runtime/objects/unicode_props.h"

namespace tern::objects::stringlib {
namespace {

// ===========================================================================
// Character classes

constexpr bool ascii_space(char32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr bool ascii_lower(char32_t c) { return c >= 'a' && c <= 'z'; }
constexpr bool ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
constexpr bool ascii_alpha(char32_t c) { return ascii_lower(c) || ascii_upper(c); }
constexpr bool ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
constexpr char32_t ascii_to_lower(char32_t c) { return ascii_upper(c) ? c + ('a' - 'A') : c; }
constexpr char32_t ascii_to_upper(char32_t c) { return ascii_lower(c) ? c - ('a' - 'A') : c; }

// Python's whitespace: str.isspace's for str (U+001C..U+001F are whitespace
// there, being bidirectional class B or S), Py_ISSPACE's for bytes.
template <Flavor F>
bool is_space(char32_t c) {
  if constexpr (F == Flavor::kBytes) {
    return ascii_space(c);
  } else {
    if (c < 0x80) return ascii_space(c) || (c >= 0x1C && c <= 0x1F);
    return unicode::is_space(c);
  }
}

template <Flavor F>
bool is_linebreak(char32_t c) {
  if constexpr (F == Flavor::kBytes) {
    return c == '\n' || c == '\r';
  } else {
    return (c >= '\n' && c <= '\r') || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029;
  }
}

}  // namespace

// ===========================================================================
// Splitting

template <Flavor F, CodeUnit T>
std::vector<Piece> split_whitespace(Units<T> s, int64_t maxsplit) {
  std::vector<Piece> out;
  const size_t n = s.size();
  size_t left = detail::limit(maxsplit);
  size_t i = 0;
  for (; left > 0; --left) {
    while (i < n && is_space<F>(s[i])) ++i;
    if (i == n) break;
    const size_t j = i;
    while (++i < n && !is_space<F>(s[i])) {
    }
    out.push_back({j, i});
  }
  // Out of splits: the rest, without its leading whitespace, is the last piece.
  while (i < n && is_space<F>(s[i])) ++i;
  if (i < n) out.push_back({i, n});
  return out;
}

template <Flavor F, CodeUnit T>
std::vector<Piece> rsplit_whitespace(Units<T> s, int64_t maxsplit) {
  std::vector<Piece> out;
  size_t left = detail::limit(maxsplit);
  size_t i = s.size();  // one past the unit looked at next
  for (; left > 0; --left) {
    while (i > 0 && is_space<F>(s[i - 1])) --i;
    if (i == 0) break;
    const size_t j = i;
    while (--i > 0 && !is_space<F>(s[i - 1])) {
    }
    out.push_back({i, j});
  }
  while (i > 0 && is_space<F>(s[i - 1])) --i;
  if (i > 0) out.push_back({0, i});
  std::reverse(out.begin(), out.end());
  return out;
}

template <Flavor F, CodeUnit T>
std::vector<Piece> splitlines(Units<T> s, bool keepends) {
  std::vector<Piece> out;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const size_t start = i;
    while (i < n && !is_linebreak<F>(s[i])) ++i;
    size_t eol = i;
    if (i < n) {
      i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
      if (keepends) eol = i;
    }
    out.push_back({start, eol});
  }
  return out;
}

// ===========================================================================
// Stripping

template <Flavor F, CodeUnit T>
Piece strip_whitespace(Units<T> s, StripSide side) {
  size_t i = 0, j = s.size();
  if (static_cast<uint8_t>(side) & static_cast<uint8_t>(StripSide::kLeft)) {
    while (i < j && is_space<F>(s[i])) ++i;
  }
  if (static_cast<uint8_t>(side) & static_cast<uint8_t>(StripSide::kRight)) {
    while (j > i && is_space<F>(s[j - 1])) --j;
  }
  return {i, j};
}

// ===========================================================================
// Tabs, zero-filling, padding

template <CodeUnit T>
std::optional<size_t> expandtabs_length(Units<T> s, int64_t tabsize) {
  constexpr auto kMax = static_cast<size_t>(std::numeric_limits<int64_t>::max());
  const auto tab = static_cast<size_t>(tabsize);
  size_t done = 0;    // units up to the last '\n' or '\r'
  size_t column = 0;  // units since then
  for (const T c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        const size_t incr = tab - column % tab;
        if (column > kMax - incr) return std::nullopt;
        column += incr;
      }
    } else {
      if (column > kMax - 1) return std::nullopt;
      ++column;
      if (c == '\n' || c == '\r') {
        if (done > kMax - column) return std::nullopt;
        done += column;
        column = 0;
      }
    }
  }
  if (done > kMax - column) return std::nullopt;
  return done + column;
}

template <CodeUnit T>
void expandtabs_into(T* out, Units<T> s, int64_t tabsize) {
  const auto tab = static_cast<size_t>(tabsize);
  size_t column = 0;
  for (const T c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        const size_t incr = tab - column % tab;
        out = std::fill_n(out, incr, T{' '});
        column += incr;
      }
    } else {
      *out++ = c;
      ++column;
      if (c == '\n' || c == '\r') column = 0;
    }
  }
}

template <CodeUnit T>
void zfill_into(T* out, Units<T> s, int64_t width) {
  const size_t fill = zfill_length(s.size(), width) - s.size();
  std::fill_n(out, fill, T{'0'});
  std::copy(s.begin(), s.end(), out + fill);
  if (fill > 0 && !s.empty() && (s[0] == '+' || s[0] == '-')) {
    out[0] = s[0];
    out[fill] = '0';
  }
}

Padding center_padding(size_t len, int64_t width) {
  if (width <= 0 || static_cast<size_t>(width) <= len) return {};
  const size_t pad = static_cast<size_t>(width) - len;
  const size_t left = pad / 2 + (pad & static_cast<size_t>(width) & 1);
  return {.left = left, .right = pad - left};
}

Padding ljust_padding(size_t len, int64_t width) {
  if (width <= 0 || static_cast<size_t>(width) <= len) return {};
  return {.left = 0, .right = static_cast<size_t>(width) - len};
}

Padding rjust_padding(size_t len, int64_t width) {
  if (width <= 0 || static_cast<size_t>(width) <= len) return {};
  return {.left = static_cast<size_t>(width) - len, .right = 0};
}

// ===========================================================================
// Case mapping

namespace {

using unicode::CaseMapped;

CaseMapped one(char32_t c) { return {.chars = {c}, .length = 1}; }

// The mappings with an ASCII shortcut (ASCII maps to ASCII, one to one).
template <CodeUnit T>
CaseMapped lower_at(Units<T> s, size_t i) {
  const char32_t c = s[i];
  return c < 0x80 ? one(ascii_to_lower(c)) : unicode::to_lower_full_at(s, i);
}
CaseMapped upper_of(char32_t c) { return c < 0x80 ? one(ascii_to_upper(c)) : unicode::to_upper_full(c); }
CaseMapped title_of(char32_t c) { return c < 0x80 ? one(ascii_to_upper(c)) : unicode::to_title_full(c); }
CaseMapped fold_of(char32_t c) { return c < 0x80 ? one(ascii_to_lower(c)) : unicode::to_folded_full(c); }
bool cased(char32_t c) { return c < 0x80 ? ascii_alpha(c) : unicode::is_cased(c); }
bool upper(char32_t c) { return c < 0x80 ? ascii_upper(c) : unicode::is_upper(c); }
bool lower(char32_t c) { return c < 0x80 ? ascii_lower(c) : unicode::is_lower(c); }

// Calls emit(CaseMapped) for each character of s in turn.
template <CodeUnit T, typename Emit>
void str_case_map(CaseOp op, Units<T> s, Emit&& emit) {
  const size_t n = s.size();
  switch (op) {
    case CaseOp::kLower:
      for (size_t i = 0; i < n; ++i) emit(lower_at(s, i));
      return;
    case CaseOp::kUpper:
      for (size_t i = 0; i < n; ++i) emit(upper_of(s[i]));
      return;
    case CaseOp::kCasefold:
      for (size_t i = 0; i < n; ++i) emit(fold_of(s[i]));
      return;
    case CaseOp::kCapitalize:
      if (n == 0) return;
      emit(title_of(s[0]));
      for (size_t i = 1; i < n; ++i) emit(lower_at(s, i));
      return;
    case CaseOp::kTitle: {
      bool previous_is_cased = false;
      for (size_t i = 0; i < n; ++i) {
        const char32_t c = s[i];
        emit(previous_is_cased ? lower_at(s, i) : title_of(c));
        previous_is_cased = cased(c);
      }
      return;
    }
    case CaseOp::kSwapcase:
      for (size_t i = 0; i < n; ++i) {
        const char32_t c = s[i];
        if (upper(c)) {
          emit(lower_at(s, i));
        } else if (lower(c)) {
          emit(upper_of(c));
        } else {
          emit(one(c));
        }
      }
      return;
  }
}

}  // namespace

template <CodeUnit T>
CaseSize str_case_measure(CaseOp op, Units<T> s) {
  CaseSize r;
  str_case_map(op, s, [&r](const CaseMapped& m) {
    r.length += m.length;
    for (size_t k = 0; k < m.length; ++k) r.max_char = std::max(r.max_char, m.chars[k]);
  });
  return r;
}

template <CodeUnit T, CodeUnit Out>
void str_case_into(CaseOp op, Out* out, Units<T> s) {
  str_case_map(op, s, [&out](const CaseMapped& m) {
    for (size_t k = 0; k < m.length; ++k) *out++ = static_cast<Out>(m.chars[k]);
  });
}

void bytes_case_into(CaseOp op, uint8_t* out, Units<uint8_t> s) {
  auto put = [&out](char32_t c) { *out++ = static_cast<uint8_t>(c); };
  switch (op) {
    case CaseOp::kLower:
    case CaseOp::kCasefold:
      for (const uint8_t c : s) put(ascii_to_lower(c));
      return;
    case CaseOp::kUpper:
      for (const uint8_t c : s) put(ascii_to_upper(c));
      return;
    case CaseOp::kCapitalize:
      for (size_t i = 0; i < s.size(); ++i) put(i == 0 ? ascii_to_upper(s[i]) : ascii_to_lower(s[i]));
      return;
    case CaseOp::kTitle: {
      bool previous_is_cased = false;
      for (const uint8_t c : s) {
        if (ascii_lower(c)) {
          put(previous_is_cased ? c : ascii_to_upper(c));
          previous_is_cased = true;
        } else if (ascii_upper(c)) {
          put(previous_is_cased ? ascii_to_lower(c) : c);
          previous_is_cased = true;
        } else {
          put(c);
          previous_is_cased = false;
        }
      }
      return;
    }
    case CaseOp::kSwapcase:
      for (const uint8_t c : s) put(ascii_upper(c) ? ascii_to_lower(c) : ascii_to_upper(c));
      return;
  }
}

// ===========================================================================
// Predicates

namespace {

// True when s is not empty and every character passes.
template <CodeUnit T, typename Pred>
bool all_of_nonempty(Units<T> s, Pred pred) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&pred](T c) { return pred(char32_t{c}); });
}

// islower / isupper: no character of the opposite case (or titlecase), at
// least one of the case asked for.
template <typename Wanted, typename Unwanted, CodeUnit T>
bool cased_only(Units<T> s, Wanted wanted, Unwanted unwanted) {
  bool any = false;
  for (const T unit : s) {
    const char32_t c = unit;
    if (unwanted(c)) return false;
    any = any || wanted(c);
  }
  return any;
}

}  // namespace

template <Flavor F, CodeUnit T>
bool isalnum(Units<T> s) {
  if constexpr (F == Flavor::kBytes) {
    return all_of_nonempty(s, [](char32_t c) { return ascii_alpha(c) || ascii_digit(c); });
  } else {
    return all_of_nonempty(s, [](char32_t c) { return unicode::is_alnum(c); });
  }
}

template <Flavor F, CodeUnit T>
bool isalpha(Units<T> s) {
  if constexpr (F == Flavor::kBytes) {
    return all_of_nonempty(s, [](char32_t c) { return ascii_alpha(c); });
  } else {
    return all_of_nonempty(s, [](char32_t c) { return unicode::is_alpha(c); });
  }
}

template <Flavor, CodeUnit T>
bool isascii(Units<T> s) {
  return std::all_of(s.begin(), s.end(), [](T c) { return c < 0x80; });
}

template <Flavor F, CodeUnit T>
bool isdigit(Units<T> s) {
  if constexpr (F == Flavor::kBytes) {
    return all_of_nonempty(s, [](char32_t c) { return ascii_digit(c); });
  } else {
    return all_of_nonempty(s, [](char32_t c) { return unicode::is_digit(c); });
  }
}

template <Flavor F, CodeUnit T>
bool islower(Units<T> s) {
  if constexpr (F == Flavor::kBytes) {
    return cased_only(s, ascii_lower, ascii_upper);
  } else {
    return cased_only(s, lower, [](char32_t c) { return upper(c) || unicode::is_title(c); });
  }
}

template <Flavor F, CodeUnit T>
bool isupper(Units<T> s) {
  if constexpr (F == Flavor::kBytes) {
    return cased_only(s, ascii_upper, ascii_lower);
  } else {
    return cased_only(s, upper, [](char32_t c) { return lower(c) || unicode::is_title(c); });
  }
}

template <Flavor F, CodeUnit T>
bool isspace(Units<T> s) {
  return all_of_nonempty(s, [](char32_t c) { return is_space<F>(c); });
}

template <Flavor F, CodeUnit T>
bool istitle(Units<T> s) {
  bool any_cased = false, previous_is_cased = false;
  for (const T unit : s) {
    const char32_t c = unit;
    bool is_upper_or_title, is_lower;
    if constexpr (F == Flavor::kBytes) {
      is_upper_or_title = ascii_upper(c);
      is_lower = ascii_lower(c);
    } else {
      is_upper_or_title = upper(c) || unicode::is_title(c);
      is_lower = lower(c);
    }
    if (is_upper_or_title) {
      if (previous_is_cased) return false;
      previous_is_cased = any_cased = true;
    } else if (is_lower) {
      if (!previous_is_cased) return false;
      previous_is_cased = any_cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return any_cased;
}

template <CodeUnit T>
bool isdecimal(Units<T> s) {
  return all_of_nonempty(s, [](char32_t c) { return unicode::is_decimal(c); });
}

template <CodeUnit T>
bool isnumeric(Units<T> s) {
  return all_of_nonempty(s, [](char32_t c) { return unicode::is_numeric(c); });
}

template <CodeUnit T>
bool isprintable(Units<T> s) {
  return std::all_of(s.begin(), s.end(), [](T c) { return unicode::is_printable(c); });
}

template <CodeUnit T>
bool isidentifier(Units<T> s) {
  if (s.empty()) return false;
  if (s[0] != '_' && !compiler::is_xid_start(s[0])) return false;
  return std::all_of(s.begin() + 1, s.end(), [](T c) { return compiler::is_xid_continue(c); });
}

// ===========================================================================
// Instantiations

#define TERN_STRINGLIB_FLAVORED(F, T)                                     \
  template std::vector<Piece> split_whitespace<F, T>(Units<T>, int64_t);  \
  template std::vector<Piece> rsplit_whitespace<F, T>(Units<T>, int64_t); \
  template std::vector<Piece> splitlines<F, T>(Units<T>, bool);           \
  template Piece strip_whitespace<F, T>(Units<T>, StripSide);             \
  template bool isalnum<F, T>(Units<T>);                                  \
  template bool isalpha<F, T>(Units<T>);                                  \
  template bool isascii<F, T>(Units<T>);                                  \
  template bool isdigit<F, T>(Units<T>);                                  \
  template bool islower<F, T>(Units<T>);                                  \
  template bool isupper<F, T>(Units<T>);                                  \
  template bool isspace<F, T>(Units<T>);                                  \
  template bool istitle<F, T>(Units<T>);

#define TERN_STRINGLIB_UNIT(T)                                            \
  TERN_STRINGLIB_FLAVORED(Flavor::kStr, T)                                \
  template std::optional<size_t> expandtabs_length<T>(Units<T>, int64_t); \
  template void expandtabs_into<T>(T*, Units<T>, int64_t);                \
  template void zfill_into<T>(T*, Units<T>, int64_t);                     \
  template CaseSize str_case_measure<T>(CaseOp, Units<T>);                \
  template void str_case_into<T, uint8_t>(CaseOp, uint8_t*, Units<T>);    \
  template void str_case_into<T, uint16_t>(CaseOp, uint16_t*, Units<T>);  \
  template void str_case_into<T, uint32_t>(CaseOp, uint32_t*, Units<T>);  \
  template bool isdecimal<T>(Units<T>);                                   \
  template bool isnumeric<T>(Units<T>);                                   \
  template bool isprintable<T>(Units<T>);                                 \
  template bool isidentifier<T>(Units<T>);

TERN_STRINGLIB_UNIT(uint8_t)
TERN_STRINGLIB_UNIT(uint16_t)
TERN_STRINGLIB_UNIT(uint32_t)
TERN_STRINGLIB_FLAVORED(Flavor::kBytes, uint8_t)

#undef TERN_STRINGLIB_UNIT
#undef TERN_STRINGLIB_FLAVORED

}  // namespace tern::objects::stringlib
