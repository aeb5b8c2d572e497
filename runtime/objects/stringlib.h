// The algorithms behind the methods of str, bytes and bytearray, without heap
// objects: searching, counting, splitting, partitioning, replacing, stripping,
// padding, joining, tab expansion, case mapping and the whole-string
// predicates, with Python 3.11's semantics in every edge case.
//
// Inputs are spans of code units (`Units<T>`): uint8_t for bytes, bytearray
// and Latin-1 str, uint16_t and uint32_t for the wider str kinds (pep393.h).
// Functions that compare two strings are templated on both unit types, so a
// str needle of a narrower kind than its haystack is searched for directly;
// a wider needle simply never matches (a canonical str of a wider kind holds a
// character the narrower one cannot).  Results are
//   - indices (int64_t, -1 for "not found", as str.find reports it),
//   - Pieces: [start, end) ranges of the input, which the type files turn into
//     new objects (or return the input itself when a piece covers it all),
//   - or code units written by a *_into function into a buffer of exactly the
//     size that the matching *_measure / *_length function computed first.
//     The str caller allocates its result object with that size and the kind
//     of the reported max_char (str needs it to stay canonical), then fills it.
//
// Str and bytes differ in what whitespace and line breaks are, and bytes' case
// methods and predicates are ASCII-only: the Flavor template argument selects
// which (a Latin-1 str and a bytes object have the same unit type).
//   whitespace   str: unicode::is_space (U+0009-000D, U+001C-001F, U+0020,
//                U+0085, U+00A0, U+1680, ...); bytes: b' \t\n\r\x0b\x0c'
//   line breaks  str: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029;
//                bytes: \n \r \r\n
//
// Start and end arguments (find, count, startswith, ...): the caller passes
// Python's values, None as kNoStart / kNoEnd, an int beyond int64_t clamped
// to INT64_MIN / INT64_MAX (CPython's _PyEval_SliceIndex clamps to the
// Py_ssize_t range the same way).  They are adjusted as CPython adjusts them:
// a negative index counts from the end and stops at 0, an end past the length
// stops at the length, but a start past the length stays where it is, so
// "abc".find("", 4) is -1 while "abc".find("", 3) is 3.
//
// Nothing here allocates on the GC heap, so a span into a heap object stays
// valid for the duration of one call; a caller that allocates between calls
// must take its spans again afterwards (which is why join reads its items
// through a callable).  Errors CPython raises before doing any work (empty
// separator, a fill character that is not one character, bad types) are the
// caller's checks; preconditions say which.  Results too long for Py_ssize_t
// come back as std::nullopt, for the caller's OverflowError.
//
// Call these qualified (stringlib::count(...)): unqualified, a call with
// std::span arguments also finds std::count and std::find by ADL.
//
// Substring search ("fastsearch") is linear in the haystack in the worst case:
// a one-unit needle is a memchr (for 1-byte units) or a plain scan; longer
// needles use Horspool's bad-character skip while it pays off and switch to
// the two-way algorithm of Crochemore and Perrin (J. ACM 38(3), 1991) once the
// comparisons made exceed a budget proportional to the distance covered.
#pragma once

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "runtime/objects/pep393.h"

namespace tern::objects::stringlib {

template <typename T>
concept CodeUnit = std::same_as<T, uint8_t> || std::same_as<T, uint16_t> || std::same_as<T, uint32_t>;

template <CodeUnit T>
using Units = std::span<const T>;

enum class Flavor : uint8_t { kStr, kBytes };

// A range [start, end) of a string given to a function.
struct Piece {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool operator==(const Piece&) const = default;
};

// None as a start or end argument.
inline constexpr int64_t kNoStart = 0;
inline constexpr int64_t kNoEnd = std::numeric_limits<int64_t>::max();
// A maxsplit or count argument of -1: no limit.
inline constexpr int64_t kNoLimit = -1;

// ===========================================================================
// Indices

// start and end after CPython's ADJUST_INDICES: 0 <= end <= len and
// start >= 0 (start may exceed end, and len).
struct Bounds {
  int64_t start;
  int64_t end;
};

inline Bounds adjust_indices(int64_t start, int64_t end, size_t len) {
  const auto n = static_cast<int64_t>(len);
  if (end > n) {
    end = n;
  } else if (end < 0) {
    end += n;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  return {.start = start, .end = end};
}

// ===========================================================================
// Search machinery (internal; the public functions follow)

namespace detail {

inline constexpr size_t kNotFound = std::numeric_limits<size_t>::max();

template <CodeUnit T>
constexpr bool fits(char32_t c) {
  return c <= std::numeric_limits<T>::max();
}

// Readers of code units as code points: forwards from p, or backwards from
// just before end (so that a reverse search is a forward search of reversed
// strings).
template <CodeUnit T>
struct Forward {
  const T* p;
  char32_t operator[](size_t i) const { return p[i]; }
};
template <CodeUnit T>
struct Backward {
  const T* end;
  char32_t operator[](size_t i) const { return *(end - 1 - i); }
};

// The first / last position of c in p[0, n), or kNotFound.
template <CodeUnit T>
size_t find_unit(const T* p, size_t n, char32_t c) {
  if (n == 0 || !fits<T>(c)) return kNotFound;  // memchr may not see a null p
  if constexpr (sizeof(T) == 1) {
    const void* hit = std::memchr(p, static_cast<int>(c), n);
    return hit == nullptr ? kNotFound : static_cast<size_t>(static_cast<const T*>(hit) - p);
  } else {
    const T u = static_cast<T>(c);
    for (size_t i = 0; i < n; ++i) {
      if (p[i] == u) return i;
    }
    return kNotFound;
  }
}

template <CodeUnit T>
size_t rfind_unit(const T* p, size_t n, char32_t c) {
  if (n == 0 || !fits<T>(c)) return kNotFound;  // memchr may not see a null p
  if constexpr (sizeof(T) == 1) {
    const void* hit = memrchr(p, static_cast<int>(c), n);
    return hit == nullptr ? kNotFound : static_cast<size_t>(static_cast<const T*>(hit) - p);
  } else {
    const T u = static_cast<T>(c);
    for (size_t i = n; i > 0; --i) {
      if (p[i - 1] == u) return i - 1;
    }
    return kNotFound;
  }
}

template <CodeUnit T>
size_t count_unit(const T* p, size_t n, char32_t c, size_t max_count) {
  if (!fits<T>(c)) return 0;
  const T u = static_cast<T>(c);
  if (max_count >= n) return static_cast<size_t>(std::count(p, p + n, u));
  size_t found = 0;
  for (size_t i = 0; i < n && found < max_count; ++i) found += p[i] == u;
  return found;
}

// Finds a needle of m >= 2 units in haystacks, one search after another from
// increasing positions (count, split and replace reuse the preprocessing).
// Needle and haystack are Forward or Backward readers.
template <typename HaystackReader, typename NeedleReader>
class Searcher {
 public:
  enum class Mode : uint8_t { kAuto, kTwoWay };

  Searcher(NeedleReader needle, size_t m, Mode mode = Mode::kAuto) : x_(needle), m_(m) {
    if (mode == Mode::kTwoWay) {
      switch_to_two_way();
    } else {
      // Horspool's shift for each value of a unit's low byte: the distance
      // from the last occurrence of any unit with that low byte in
      // x[0, m-1) to the end.  Sharing a slot between units and capping at
      // 255 only makes shifts smaller, which keeps them safe.
      const size_t cap = std::min<size_t>(m, 255);
      std::memset(shift_, static_cast<int>(cap), sizeof shift_);
      const size_t first = m - 1 > cap ? m - 1 - cap : 0;
      for (size_t j = first; j + 1 < m; ++j) shift_[x_[j] & 0xff] = static_cast<uint8_t>(m - 1 - j);
    }
  }

  // The first match at a position >= from in y[0, n), or kNotFound.
  size_t next(HaystackReader y, size_t n, size_t from) {
    if (from > n || n - from < m_) return kNotFound;
    return two_way_ ? two_way(y, n, from) : horspool(y, n, from);
  }

 private:
  size_t horspool(HaystackReader y, size_t n, size_t from) {
    const size_t m = m_;
    const char32_t last = x_[m - 1];
    size_t work = 0;
    for (size_t j = from; j <= n - m;) {
      const char32_t c = y[j + m - 1];
      if (c == last) {
        size_t i = 0;
        while (i + 1 < m && y[j + i] == x_[i]) ++i;
        if (i + 1 == m) return j;
        // A needle that keeps matching its last unit and a long prefix while
        // shifting little (say "aa…aba" in "aaaa…") would make this
        // quadratic: past the budget, the two-way search takes over, for this
        // and every later search.
        work += i + 1;
        if (work > 4 * (j - from) + 2 * m + 64) {
          switch_to_two_way();
          return two_way(y, n, j);
        }
      }
      j += shift_[c & 0xff];
    }
    return kNotFound;
  }

  // The maximal suffix of the needle under the order of code points
  // (reversed: the inverse order), as the index just before it (-1 for the
  // whole needle) and its period.
  std::pair<ptrdiff_t, size_t> maximal_suffix(bool reversed) const {
    ptrdiff_t ms = -1;
    size_t j = 0, k = 1, p = 1;
    while (j + k < m_) {
      const char32_t a = x_[j + k];
      const char32_t b = x_[static_cast<size_t>(ms + static_cast<ptrdiff_t>(k))];
      if (reversed ? a > b : a < b) {
        j += k;
        k = 1;
        p = static_cast<size_t>(static_cast<ptrdiff_t>(j) - ms);
      } else if (a == b) {
        if (k != p) {
          ++k;
        } else {
          j += p;
          k = 1;
        }
      } else {
        ms = static_cast<ptrdiff_t>(j);
        j = j + 1;
        k = p = 1;
      }
    }
    return {ms, p};
  }

  // The critical factorization x = x[0, ell] x[ell+1, m) and the shift.
  void switch_to_two_way() {
    two_way_ = true;
    auto [i, p] = maximal_suffix(false);
    auto [k, q] = maximal_suffix(true);
    if (i > k) {
      ell_ = i;
      period_ = p;
    } else {
      ell_ = k;
      period_ = q;
    }
    // ell + period < m: the period of the maximal suffix is at most its length.
    periodic_ = true;
    for (ptrdiff_t t = 0; t <= ell_; ++t) {
      if (x_[static_cast<size_t>(t)] != x_[static_cast<size_t>(t) + period_]) {
        periodic_ = false;
        break;
      }
    }
    if (!periodic_) period_ = std::max(static_cast<size_t>(ell_ + 1), m_ - static_cast<size_t>(ell_) - 1) + 1;
  }

  size_t two_way(HaystackReader y, size_t n, size_t from) const {
    const auto m = static_cast<ptrdiff_t>(m_);
    if (periodic_) {
      // The needle is periodic: after a full right-half match and a shift by
      // the period, the first m - period units are known to match already.
      ptrdiff_t memory = -1;
      for (size_t j = from; j <= n - m_;) {
        ptrdiff_t i = std::max(ell_, memory) + 1;
        while (i < m && x_[static_cast<size_t>(i)] == y[static_cast<size_t>(i) + j]) ++i;
        if (i >= m) {
          i = ell_;
          while (i > memory && x_[static_cast<size_t>(i)] == y[static_cast<size_t>(i) + j]) --i;
          if (i <= memory) return j;
          j += period_;
          memory = m - static_cast<ptrdiff_t>(period_) - 1;
        } else {
          j += static_cast<size_t>(i - ell_);
          memory = -1;
        }
      }
    } else {
      for (size_t j = from; j <= n - m_;) {
        ptrdiff_t i = ell_ + 1;
        while (i < m && x_[static_cast<size_t>(i)] == y[static_cast<size_t>(i) + j]) ++i;
        if (i >= m) {
          i = ell_;
          while (i >= 0 && x_[static_cast<size_t>(i)] == y[static_cast<size_t>(i) + j]) --i;
          if (i < 0) return j;
          j += period_;
        } else {
          j += static_cast<size_t>(i - ell_);
        }
      }
    }
    return kNotFound;
  }

  NeedleReader x_;
  size_t m_;
  bool two_way_ = false;
  bool periodic_ = false;
  ptrdiff_t ell_ = -1;
  size_t period_ = 1;
  uint8_t shift_[256];
};

template <CodeUnit H, CodeUnit N>
using ForwardSearcher = Searcher<Forward<H>, Forward<N>>;
template <CodeUnit H, CodeUnit N>
using BackwardSearcher = Searcher<Backward<H>, Backward<N>>;

// Positions in p[0, n) of a needle, or kNotFound.
template <CodeUnit H, CodeUnit N>
size_t find_in(const H* p, size_t n, Units<N> sub) {
  const size_t m = sub.size();
  if (m == 0) return 0;
  if (m > n) return kNotFound;
  if (m == 1) return find_unit(p, n, sub[0]);
  ForwardSearcher<H, N> searcher({sub.data()}, m);
  return searcher.next({p}, n, 0);
}

template <CodeUnit H, CodeUnit N>
size_t rfind_in(const H* p, size_t n, Units<N> sub) {
  const size_t m = sub.size();
  if (m == 0) return n;
  if (m > n) return kNotFound;
  if (m == 1) return rfind_unit(p, n, sub[0]);
  BackwardSearcher<H, N> searcher({sub.data() + m}, m);
  const size_t r = searcher.next({p + n}, n, 0);
  return r == kNotFound ? kNotFound : n - r - m;
}

// Non-overlapping occurrences of a non-empty needle, at most max_count.
template <CodeUnit H, CodeUnit N>
size_t count_in(const H* p, size_t n, Units<N> sub, size_t max_count) {
  const size_t m = sub.size();
  if (m > n || max_count == 0) return 0;
  if (m == 1) return count_unit(p, n, sub[0], max_count);
  ForwardSearcher<H, N> searcher({sub.data()}, m);
  size_t found = 0;
  for (size_t pos = searcher.next({p}, n, 0); pos != kNotFound; pos = searcher.next({p}, n, pos + m)) {
    if (++found == max_count) break;
  }
  return found;
}

inline size_t limit(int64_t count) {
  return count < 0 ? std::numeric_limits<size_t>::max() : static_cast<size_t>(count);
}

template <CodeUnit T>
char32_t max_unit(const T* p, size_t n) {
  T m = 0;
  for (size_t i = 0; i < n; ++i) m = std::max(m, p[i]);
  return m;
}

}  // namespace detail

// ===========================================================================
// Searching: str/bytes.find, rfind, index, rindex, count, __contains__,
// startswith, endswith

// str.find(sub, start, end): the lowest index of sub in s[start:end], or -1.
// str.index is this plus the caller's ValueError; `sub in s` is
// find(s, sub) >= 0.  bytes.find(int) passes the byte as a one-unit span.
template <CodeUnit H, CodeUnit N>
int64_t find(Units<H> s, Units<N> sub, int64_t start = kNoStart, int64_t end = kNoEnd) {
  const auto [b, e] = adjust_indices(start, end, s.size());
  if (e - b < static_cast<int64_t>(sub.size())) return -1;
  const size_t pos = detail::find_in(s.data() + b, static_cast<size_t>(e - b), sub);
  return pos == detail::kNotFound ? -1 : b + static_cast<int64_t>(pos);
}

// str.rfind / rindex: the highest index of sub in s[start:end], or -1.
template <CodeUnit H, CodeUnit N>
int64_t rfind(Units<H> s, Units<N> sub, int64_t start = kNoStart, int64_t end = kNoEnd) {
  const auto [b, e] = adjust_indices(start, end, s.size());
  if (e - b < static_cast<int64_t>(sub.size())) return -1;
  const size_t pos = detail::rfind_in(s.data() + b, static_cast<size_t>(e - b), sub);
  return pos == detail::kNotFound ? -1 : b + static_cast<int64_t>(pos);
}

// str.count / bytes.count: non-overlapping occurrences in s[start:end]; an
// empty sub counts the len(s[start:end]) + 1 places between characters.
template <CodeUnit H, CodeUnit N>
int64_t count(Units<H> s, Units<N> sub, int64_t start = kNoStart, int64_t end = kNoEnd) {
  const auto [b, e] = adjust_indices(start, end, s.size());
  if (e - b < static_cast<int64_t>(sub.size())) return 0;
  if (sub.empty()) return e - b + 1;
  return static_cast<int64_t>(
      detail::count_in(s.data() + b, static_cast<size_t>(e - b), sub, std::numeric_limits<size_t>::max()));
}

// str.startswith / bytes.startswith with one prefix (the caller loops over a
// tuple).
template <CodeUnit H, CodeUnit N>
bool startswith(Units<H> s, Units<N> prefix, int64_t start = kNoStart, int64_t end = kNoEnd) {
  auto [b, e] = adjust_indices(start, end, s.size());
  e -= static_cast<int64_t>(prefix.size());
  if (e < b) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (s[static_cast<size_t>(b) + i] != prefix[i]) return false;
  }
  return true;
}

// str.endswith / bytes.endswith with one suffix.
template <CodeUnit H, CodeUnit N>
bool endswith(Units<H> s, Units<N> suffix, int64_t start = kNoStart, int64_t end = kNoEnd) {
  auto [b, e] = adjust_indices(start, end, s.size());
  e -= static_cast<int64_t>(suffix.size());
  if (e < b) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (s[static_cast<size_t>(e) + i] != suffix[i]) return false;
  }
  return true;
}

// ===========================================================================
// Splitting and partitioning

// str.split(sep) / bytes.split(sep), sep not empty (else the caller raises
// "empty separator").  maxsplit < 0 is no limit.
template <CodeUnit H, CodeUnit N>
std::vector<Piece> split(Units<H> s, Units<N> sep, int64_t maxsplit = kNoLimit) {
  std::vector<Piece> out;
  const size_t n = s.size(), m = sep.size();
  size_t left = detail::limit(maxsplit);
  size_t i = 0;
  if (m == 1) {
    while (left > 0) {
      const size_t hit = detail::find_unit(s.data() + i, n - i, sep[0]);
      if (hit == detail::kNotFound) break;
      out.push_back({i, i + hit});
      i += hit + 1;
      --left;
    }
  } else if (m <= n) {
    detail::ForwardSearcher<H, N> searcher({sep.data()}, m);
    while (left > 0) {
      const size_t hit = searcher.next({s.data()}, n, i);
      if (hit == detail::kNotFound) break;
      out.push_back({i, hit});
      i = hit + m;
      --left;
    }
  }
  out.push_back({i, n});
  return out;
}

// str.rsplit(sep) / bytes.rsplit(sep), sep not empty; the pieces come in
// left-to-right order, as in the list Python returns.
template <CodeUnit H, CodeUnit N>
std::vector<Piece> rsplit(Units<H> s, Units<N> sep, int64_t maxsplit = kNoLimit) {
  std::vector<Piece> out;
  const size_t n = s.size(), m = sep.size();
  size_t left = detail::limit(maxsplit);
  size_t j = n;  // end of the piece being cut
  if (m == 1) {
    while (left > 0) {
      const size_t hit = detail::rfind_unit(s.data(), j, sep[0]);
      if (hit == detail::kNotFound) break;
      out.push_back({hit + 1, j});
      j = hit;
      --left;
    }
  } else if (m <= n) {
    // Searching backwards: position r in the reversed string is a match
    // ending at n - r in s.
    detail::BackwardSearcher<H, N> searcher({sep.data() + m}, m);
    size_t r = 0;
    while (left > 0) {
      r = searcher.next({s.data() + n}, n, r);
      if (r == detail::kNotFound) break;
      const size_t hit = n - r - m;
      out.push_back({hit + m, j});
      j = hit;
      r += m;
      --left;
    }
  }
  out.push_back({0, j});
  std::reverse(out.begin(), out.end());
  return out;
}

// str.split() / bytes.split() with sep None: runs of whitespace separate,
// leading and trailing whitespace gives no empty pieces.
template <Flavor F, CodeUnit T>
std::vector<Piece> split_whitespace(Units<T> s, int64_t maxsplit = kNoLimit);
template <Flavor F, CodeUnit T>
std::vector<Piece> rsplit_whitespace(Units<T> s, int64_t maxsplit = kNoLimit);

// str.splitlines(keepends) / bytes.splitlines(keepends).
template <Flavor F, CodeUnit T>
std::vector<Piece> splitlines(Units<T> s, bool keepends);

// str.partition / rpartition: head, separator and tail.  When sep is not
// found, partition gives (s, '', '') and rpartition ('', '', s).  sep not
// empty (else "empty separator").
struct Partition {
  Piece head;
  Piece sep;
  Piece tail;
  bool found;
};

template <CodeUnit H, CodeUnit N>
Partition partition(Units<H> s, Units<N> sep) {
  const size_t n = s.size();
  const size_t pos = detail::find_in(s.data(), n, sep);
  if (pos == detail::kNotFound) return {.head = {0, n}, .sep = {n, n}, .tail = {n, n}, .found = false};
  const size_t after = pos + sep.size();
  return {.head = {0, pos}, .sep = {pos, after}, .tail = {after, n}, .found = true};
}

template <CodeUnit H, CodeUnit N>
Partition rpartition(Units<H> s, Units<N> sep) {
  const size_t n = s.size();
  const size_t pos = detail::rfind_in(s.data(), n, sep);
  if (pos == detail::kNotFound) return {.head = {0, 0}, .sep = {0, 0}, .tail = {0, n}, .found = false};
  const size_t after = pos + sep.size();
  return {.head = {0, pos}, .sep = {pos, after}, .tail = {after, n}, .found = true};
}

// ===========================================================================
// Stripping

enum class StripSide : uint8_t { kLeft = 1, kRight = 2, kBoth = 3 };  // lstrip, rstrip, strip

// str.strip() / bytes.strip() without chars (or chars None): whitespace.
template <Flavor F, CodeUnit T>
Piece strip_whitespace(Units<T> s, StripSide side);

// str.strip(chars) / bytes.strip(chars): any unit in `chars`.
template <CodeUnit H, CodeUnit C>
Piece strip_chars(Units<H> s, Units<C> chars, StripSide side) {
  // A bitmap answers for code points below 256; wider ones, rare in practice,
  // are looked up in `chars` itself.
  uint64_t low[4] = {0, 0, 0, 0};
  bool any_wide = false;
  for (const C c : chars) {
    if (c < 256) {
      low[c >> 6] |= uint64_t{1} << (c & 63);
    } else {
      any_wide = true;
    }
  }
  auto in_set = [&](char32_t c) {
    if (c < 256) return ((low[c >> 6] >> (c & 63)) & 1) != 0;
    return any_wide && std::find(chars.begin(), chars.end(), c) != chars.end();
  };
  size_t i = 0, j = s.size();
  if (static_cast<uint8_t>(side) & static_cast<uint8_t>(StripSide::kLeft)) {
    while (i < j && in_set(s[i])) ++i;
  }
  if (static_cast<uint8_t>(side) & static_cast<uint8_t>(StripSide::kRight)) {
    while (j > i && in_set(s[j - 1])) --j;
  }
  return {i, j};
}

// ===========================================================================
// Replacing: str.replace / bytes.replace(old, new, count)

// What replace(old, new, count) produces: how many replacements and the
// length of the result (too_long instead when it passes INT64_MAX: the
// caller's OverflowError), and, when asked for, the largest code point of the result (a str result
// may be narrower than s, e.g. "€a".replace("€", "")).  An empty old inserts
// new before every character and at the end, up to count times; count < 0 is
// no limit.  When replacements is 0 the result equals s.
struct ReplaceSize {
  size_t replacements = 0;
  size_t length = 0;
  char32_t max_char = 0;
  bool too_long = false;
};

template <CodeUnit H, CodeUnit O, CodeUnit N>
ReplaceSize replace_measure(Units<H> s, Units<O> old, Units<N> new_, int64_t count, bool want_max_char = false) {
  ReplaceSize r;
  const size_t n = s.size(), m = old.size();
  const size_t max_count = detail::limit(count);
  char32_t kept_max = 0;
  if (max_count == 0 || (m == 0 && new_.empty())) {
    r.replacements = 0;
  } else if (m == 0) {
    r.replacements = std::min(n == std::numeric_limits<size_t>::max() ? n : n + 1, max_count);
    if (want_max_char) kept_max = detail::max_unit(s.data(), n);
  } else if (m <= n) {
    if (!want_max_char) {
      r.replacements = detail::count_in(s.data(), n, old, max_count);
    } else {
      // Count and take the maximum of the kept runs in one pass.
      size_t i = 0;
      if (m == 1) {
        while (r.replacements < max_count) {
          const size_t hit = detail::find_unit(s.data() + i, n - i, old[0]);
          if (hit == detail::kNotFound) break;
          kept_max = std::max(kept_max, detail::max_unit(s.data() + i, hit));
          i += hit + 1;
          ++r.replacements;
        }
      } else {
        detail::ForwardSearcher<H, O> searcher({old.data()}, m);
        while (r.replacements < max_count) {
          const size_t hit = searcher.next({s.data()}, n, i);
          if (hit == detail::kNotFound) break;
          kept_max = std::max(kept_max, detail::max_unit(s.data() + i, hit - i));
          i = hit + m;
          ++r.replacements;
        }
      }
      kept_max = std::max(kept_max, detail::max_unit(s.data() + i, n - i));
    }
  }
  if (r.replacements == 0) {
    r.length = n;
    if (want_max_char) r.max_char = detail::max_unit(s.data(), n);
    return r;
  }
  if (want_max_char) r.max_char = std::max(kept_max, detail::max_unit(new_.data(), new_.size()));
  // n - replacements * m >= 0; then add replacements * new_.size().
  size_t grown = 0, length = 0;
  if (__builtin_mul_overflow(r.replacements, new_.size(), &grown) ||
      __builtin_add_overflow(n - r.replacements * m, grown, &length) ||
      length > static_cast<size_t>(std::numeric_limits<int64_t>::max())) {
    r.too_long = true;
    return r;
  }
  r.length = length;
  return r;
}

// Writes the result of replace(old, new, count) to out, which has room for
// replace_measure(...).length units of the result's kind.
template <CodeUnit H, CodeUnit O, CodeUnit N, CodeUnit Out>
void replace_into(Out* out, Units<H> s, Units<O> old, Units<N> new_, int64_t count) {
  const size_t n = s.size(), m = old.size();
  size_t left = detail::limit(count);
  auto put = [&out](const auto* p, size_t k) {
    for (size_t t = 0; t < k; ++t) *out++ = static_cast<Out>(p[t]);
  };
  if (left == 0 || (m == 0 && new_.empty()) || m > n) {
    put(s.data(), n);
    return;
  }
  size_t i = 0;  // start of the next kept run
  if (m == 0) {
    for (; left > 0 && i <= n; --left) {
      put(new_.data(), new_.size());
      if (i < n) *out++ = static_cast<Out>(s[i]);
      ++i;
    }
    if (i < n) put(s.data() + i, n - i);
    return;
  }
  if (m == 1) {
    for (; left > 0; --left) {
      const size_t hit = detail::find_unit(s.data() + i, n - i, old[0]);
      if (hit == detail::kNotFound) break;
      put(s.data() + i, hit);
      put(new_.data(), new_.size());
      i += hit + 1;
    }
  } else {
    detail::ForwardSearcher<H, O> searcher({old.data()}, m);
    for (; left > 0; --left) {
      const size_t hit = searcher.next({s.data()}, n, i);
      if (hit == detail::kNotFound) break;
      put(s.data() + i, hit - i);
      put(new_.data(), new_.size());
      i = hit + m;
    }
  }
  put(s.data() + i, n - i);
}

// ===========================================================================
// Tabs, zero-filling, padding

// str.expandtabs(tabsize) / bytes.expandtabs: the result length, or nullopt
// when it passes INT64_MAX (OverflowError "result too long").  Each tab
// advances to the next multiple of tabsize (tabsize <= 0 removes tabs); the
// column restarts after '\n' and '\r'.
template <CodeUnit T>
std::optional<size_t> expandtabs_length(Units<T> s, int64_t tabsize);
template <CodeUnit T>
void expandtabs_into(T* out, Units<T> s, int64_t tabsize);

// str.zfill(width) / bytes.zfill: the result has max(len(s), width) units;
// zeros go after a leading '+' or '-'.
inline size_t zfill_length(size_t len, int64_t width) {
  return width > 0 && static_cast<size_t>(width) > len ? static_cast<size_t>(width) : len;
}
template <CodeUnit T>
void zfill_into(T* out, Units<T> s, int64_t width);

// str.center / ljust / rjust(width, fillchar) and the bytes versions: how
// many fill characters go left and right (both 0 when width <= len: the
// result equals s).  center gives an odd padding's extra character to the
// left only when width is odd too, as CPython: left = pad/2 + (pad & width & 1).
struct Padding {
  size_t left = 0;
  size_t right = 0;
};
Padding center_padding(size_t len, int64_t width);
Padding ljust_padding(size_t len, int64_t width);
Padding rjust_padding(size_t len, int64_t width);

// Writes padding.left fills, s, padding.right fills.
template <CodeUnit T, CodeUnit Out>
void pad_into(Out* out, Units<T> s, Padding padding, char32_t fill) {
  const Out f = static_cast<Out>(fill);
  out = std::fill_n(out, padding.left, f);
  for (const T c : s) *out++ = static_cast<Out>(c);
  std::fill_n(out, padding.right, f);
}

// ===========================================================================
// Joining: str.join / bytes.join

// A string of any unit width, as a heap object holds it.
struct AnyUnits {
  const void* data = nullptr;
  size_t length = 0;
  StrKind kind = StrKind::k1;
};

// Calls f with the Units<T> of the right width.
template <typename F>
decltype(auto) visit_units(AnyUnits u, F&& f) {
  switch (u.kind) {
    case StrKind::k1:
      return f(Units<uint8_t>(static_cast<const uint8_t*>(u.data), u.length));
    case StrKind::k2:
      return f(Units<uint16_t>(static_cast<const uint16_t*>(u.data), u.length));
    case StrKind::k4:
      break;
  }
  return f(Units<uint32_t>(static_cast<const uint32_t*>(u.data), u.length));
}

// The length of sep.join(items) and the kind it needs (the widest kind among
// the items, and sep's when there are two items or more; for canonical strs
// that is the result's canonical kind), or nullopt past INT64_MAX
// (OverflowError "join() result is too long for a Python string").
// item(i) returns the AnyUnits of item i; only length and kind are read.
struct JoinSize {
  size_t length = 0;
  StrKind kind = StrKind::k1;
};

template <typename ItemFn>
std::optional<JoinSize> join_measure(AnyUnits sep, size_t n, ItemFn&& item) {
  JoinSize r;
  constexpr auto kMax = static_cast<size_t>(std::numeric_limits<int64_t>::max());
  for (size_t i = 0; i < n; ++i) {
    const AnyUnits u = item(i);
    if (u.length > kMax - r.length) return std::nullopt;
    r.length += u.length;
    r.kind = std::max(r.kind, u.kind);
  }
  if (n >= 2) {
    size_t seps = 0;
    if (__builtin_mul_overflow(n - 1, sep.length, &seps) || seps > kMax - r.length) return std::nullopt;
    r.length += seps;
    r.kind = std::max(r.kind, sep.kind);
  }
  return r;
}

// Writes sep.join(items) to out, which has room for join_measure's length.
// Item pointers are read here, after the caller allocated the result.
template <CodeUnit Out, typename ItemFn>
void join_into(Out* out, AnyUnits sep, size_t n, ItemFn&& item) {
  auto put = [&out](auto units) {
    for (const auto c : units) *out++ = static_cast<Out>(c);
  };
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) visit_units(sep, put);
    visit_units(item(i), put);
  }
}

// ===========================================================================
// Case mapping

enum class CaseOp : uint8_t {
  kLower,       // str.lower (final sigma rule), bytes.lower
  kUpper,       // str.upper, bytes.upper
  kCasefold,    // str.casefold (str only)
  kCapitalize,  // str.capitalize: first character title-cased, the rest lowered; bytes: upper, then lower
  kTitle,       // str.title / bytes.title: title case after an uncased character, lower case after a cased one
  kSwapcase,    // str.swapcase / bytes.swapcase
};

// A str's case mapping over full (one-to-many) mappings: the result's length
// and largest code point (to choose its kind).
struct CaseSize {
  size_t length = 0;
  char32_t max_char = 0;
};
template <CodeUnit T>
CaseSize str_case_measure(CaseOp op, Units<T> s);
template <CodeUnit T, CodeUnit Out>
void str_case_into(CaseOp op, Out* out, Units<T> s);

// bytes' ASCII-only case mapping: one byte out per byte in (op not kCasefold).
void bytes_case_into(CaseOp op, uint8_t* out, Units<uint8_t> s);

// ===========================================================================
// Whole-string predicates
//
// str's use the Unicode properties (unicode_props.h), bytes' ASCII.  Empty
// strings give false except for isascii and isprintable.  "Cased" predicates
// as Python: isupper holds when every cased character is uppercase and
// there is at least one; islower likewise; istitle when uppercase and
// titlecase characters follow only uncased ones, lowercase only cased ones,
// and there is at least one cased character.

template <Flavor F, CodeUnit T>
bool isalnum(Units<T> s);
template <Flavor F, CodeUnit T>
bool isalpha(Units<T> s);
template <Flavor F, CodeUnit T>
bool isascii(Units<T> s);
template <Flavor F, CodeUnit T>
bool isdigit(Units<T> s);
template <Flavor F, CodeUnit T>
bool islower(Units<T> s);
template <Flavor F, CodeUnit T>
bool isupper(Units<T> s);
template <Flavor F, CodeUnit T>
bool isspace(Units<T> s);
template <Flavor F, CodeUnit T>
bool istitle(Units<T> s);
// str only.
template <CodeUnit T>
bool isdecimal(Units<T> s);
template <CodeUnit T>
bool isnumeric(Units<T> s);
template <CodeUnit T>
bool isprintable(Units<T> s);
template <CodeUnit T>
bool isidentifier(Units<T> s);

}  // namespace tern::objects::stringlib
