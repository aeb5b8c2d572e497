// The methods of `str` (str.cc holds the type table): searching, splitting,
// stripping, padding, case mapping, predicates, translate/maketrans.
//
// GC discipline (str_impl.h): work that allocates first computes indices or
// code points from the argument strings, then allocates; no pointer into a
// str's units is held across an allocation.

#include <algorithm>
#include <climits>
#include <string>
#include <utility>
#include <vector>

#include "runtime/compiler/identifier.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/no_memory.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/str_methods.h"
#include "runtime/objects/stringlib.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/unicode_props.h"

namespace tern {

namespace uni = objects::unicode;
namespace sl = objects::stringlib;
using namespace strimpl;  // NOLINT

// ---------------------------------------------------------------------------
// Argument helpers

namespace strimpl {

std::string argTypeName(Value v) { return isNone(v) ? std::string("None") : typeNameOf(v); }

bool sliceIndexArg(Value v, int64_t* out) {
  if (v.isNull() || isNone(v)) return true;
  if (v.isSmallInt()) {
    *out = v.asSmallInt();
    return true;
  }
  if (typeOf(v)->slots.nb_index == nullptr) {
    raise(exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Value i = index(v);
  if (i.isNull()) return false;
  if (!intToInt64(i, out)) {
    clearError();
    *out = intSign(i) < 0 ? INT64_MIN : INT64_MAX;
  }
  return true;
}

// Calls f(Units<H> haystack, Units<N> needle) over two strs' code units.
template <class F>
decltype(auto) withTwoStrs(Value a, Value b, F&& f) {
  StrObj* x = asStr(a);
  StrObj* y = asStr(b);
  sl::AnyUnits ua{.data = x->data(), .length = static_cast<size_t>(x->length), .kind = static_cast<objects::StrKind>(x->kind)};
  sl::AnyUnits ub{.data = y->data(), .length = static_cast<size_t>(y->length), .kind = static_cast<objects::StrKind>(y->kind)};
  return sl::visit_units(ua, [&](auto hu) { return sl::visit_units(ub, [&](auto nu) { return f(hu, nu); }); });
}

int64_t strFind(Value s, Value sub, int64_t start, int64_t end) {
  return withTwoStrs(s, sub, [&](auto h, auto n) { return sl::find(h, n, start, end); });
}

}  // namespace strimpl

namespace {

int64_t strRfind(Value s, Value sub, int64_t start, int64_t end) {
  return withTwoStrs(s, sub, [&](auto h, auto n) { return sl::rfind(h, n, start, end); });
}

int64_t strCount(Value s, Value sub, int64_t start, int64_t end) {
  return withTwoStrs(s, sub, [&](auto h, auto n) { return sl::count(h, n, start, end); });
}

// Whether s[at:at+len(sub)] == sub (in range).
bool matchAt(Value s, int64_t at, Value sub) {
  StrObj* h = asStr(s);
  StrObj* n = asStr(sub);
  int64_t m = n->length;
  for (int64_t k = 0; k < m; ++k)
    if (h->at(at + k) != n->at(k)) return false;
  return true;
}

// An exact copy of self when no change is needed (CPython returns self for
// exact strs and a copy for subclasses).
Value unchanged(Value self) {
  if (isExactStr(self)) return self;
  StrObj* o = asStr(self);
  return newStrFromUnitsCopy(self, o->kind, o->length);
}

// The (sub, start, end) prologue of find/index/count/rfind/rindex.
bool searchArgs(Value* args, int64_t* start, int64_t* end) {
  if (!isStr(args[1])) {
    raisef(exc::TypeError, "must be str, not %s", typeNameOf(args[1]).c_str());
    return false;
  }
  *start = 0;
  *end = INT64_MAX;
  if (!sliceIndexArg(args[2], start) || !sliceIndexArg(args[3], end)) return false;
  adjustIndices(asStr(args[0])->length, start, end);
  return true;
}

Value findImpl(Value* args, bool reverse, bool raise_if_missing) {
  int64_t start, end;
  if (!searchArgs(args, &start, &end)) return Value();
  int64_t at = reverse ? strRfind(args[0], args[1], start, end) : strFind(args[0], args[1], start, end);
  if (at < 0 && raise_if_missing) return raise(exc::ValueError, "substring not found");
  return newInt(at);
}

// startswith / endswith: CPython's tailmatch.
int tailMatch(Value self, Value sub, int64_t start, int64_t end, bool at_end) {
  int64_t len = asStr(self)->length;
  int64_t m = asStr(sub)->length;
  adjustIndices(len, &start, &end);
  end -= m;
  if (end < start) return 0;
  if (m == 0) return 1;
  return matchAt(self, at_end ? end : start, sub) ? 1 : 0;
}

Value startsEnds(Value* args, bool at_end) {
  const char* name = at_end ? "endswith" : "startswith";
  int64_t start = 0, end = INT64_MAX;
  if (!sliceIndexArg(args[2], &start) || !sliceIndexArg(args[3], &end)) return Value();
  Value what = args[1];
  if (isTuple(what)) {
    for (int64_t i = 0; i < tupleLength(what); ++i) {
      Value sub = tupleItem(what, i);
      if (!isStr(sub)) {
        return raisef(exc::TypeError, "tuple for %s must only contain str, not %s", name, typeNameOf(sub).c_str());
      }
      if (tailMatch(args[0], sub, start, end, at_end)) return True();
    }
    return False();
  }
  if (!isStr(what)) {
    return raisef(exc::TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                  typeNameOf(what).c_str());
  }
  return Bool(tailMatch(args[0], what, start, end, at_end));
}

// A fill character argument of center/ljust/rjust.
bool fillChar(Value v, char32_t* out) {
  if (!isStr(v)) {
    raisef(exc::TypeError, "The fill character must be a unicode character, not %s", typeNameOf(v).c_str());
    return false;
  }
  if (asStr(v)->length != 1) {
    raise(exc::TypeError, "The fill character must be exactly one character long");
    return false;
  }
  *out = asStr(v)->at(0);
  return true;
}

Value pad(Value self, int64_t left, int64_t right, char32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return unchanged(self);
  auto n = static_cast<size_t>(left + right + asStr(self)->length);  // at most the width: no overflow
  StrBuilder b;
  bool built = checkFitsHeap(n) && withNoMemoryGuard([&] {
    b.reserve(n);
    for (int64_t i = 0; i < left; ++i) b.push(fill);
    b.appendStr(self);
    for (int64_t i = 0; i < right; ++i) b.push(fill);
  });
  return built ? b.finish() : Value();
}

// width, fillchar prologue.
bool padArgs(Value* args, int64_t* width, char32_t* fill) {
  if (!argSsizeT(args[1], width)) return false;
  return fillChar(args[2], fill);
}

// --- list building ---

using Spans = std::vector<std::pair<int64_t, int64_t>>;

Value listOfSpans(Value self, const Spans& spans) {
  Value list = newList(static_cast<int64_t>(spans.size()));
  if (list.isNull()) return Value();
  for (const auto& [a, b] : spans) {
    Value piece = strSubstring(self, a, b);
    if (piece.isNull() || !listAppend(list, piece)) return Value();
  }
  return list;
}

bool maxsplitArg(Value v, int64_t* out) {
  if (!argSsizeT(v, out)) return false;
  if (*out < 0) *out = INT64_MAX;
  return true;
}

// --- strip ---

enum StripWhere { kLeft = 1, kRight = 2, kBoth = 3 };

Value stripImpl(Value self, Value chars, int where, const char* name) {
  int64_t len = asStr(self)->length;
  int64_t i = 0, j = len;
  StrObj* o = asStr(self);
  if (chars.isNull() || isNone(chars)) {
    if (where & kLeft)
      while (i < j && uni::is_space(o->at(i))) ++i;
    if (where & kRight)
      while (j > i && uni::is_space(o->at(j - 1))) --j;
  } else {
    if (!isStr(chars)) return raisef(exc::TypeError, "%s arg must be None or str", name);
    StrObj* c = asStr(chars);
    auto in = [&](char32_t ch) {
      for (int64_t k = 0; k < c->length; ++k)
        if (c->at(k) == ch) return true;
      return false;
    };
    if (where & kLeft)
      while (i < j && in(o->at(i))) ++i;
    if (where & kRight)
      while (j > i && in(o->at(j - 1))) --j;
  }
  if (i == 0 && j == len) return unchanged(self);
  return strSubstring(self, i, j);
}

// --- predicates ---

template <class Pred>
Value allChars(Value self, bool empty_result, Pred pred) {
  StrObj* o = asStr(self);
  if (o->length == 0) return Bool(empty_result);
  for (int64_t i = 0; i < o->length; ++i)
    if (!pred(o->at(i))) return False();
  return True();
}

// --- case mapping ---

struct U32Text {
  const std::u32string& s;
  size_t size() const { return s.size(); }
  char32_t operator[](size_t i) const { return s[i]; }
};

void pushMapped(StrBuilder& b, const uni::CaseMapped& m) {
  for (size_t k = 0; k < m.length; ++k) b.push(m.chars[k]);
}

enum class CaseOp { kLower, kUpper, kFold, kSwap, kCapitalize, kTitle };

// caseMap for ASCII text, which maps within ASCII one character to one: the
// full Unicode mappings (and casefold, and title's "cased") agree with these
// on it.
Value caseMapAscii(Value self, CaseOp op) {
  int64_t n = asStr(self)->length;
  if (n == 0) return emptyStr();
  StrObj* r = allocStr(1, n, true);
  const auto* src = static_cast<const unsigned char*>(asStr(self)->data());
  auto* dst = static_cast<unsigned char*>(r->data());
  bool previous_cased = false;
  for (int64_t i = 0; i < n; ++i) {
    unsigned char c = src[i];
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    auto toLower = [&] { return upper ? static_cast<unsigned char>(c + 32) : c; };
    auto toUpper = [&] { return lower ? static_cast<unsigned char>(c - 32) : c; };
    switch (op) {
      case CaseOp::kLower:
      case CaseOp::kFold: c = toLower(); break;
      case CaseOp::kUpper: c = toUpper(); break;
      case CaseOp::kSwap: c = upper ? toLower() : toUpper(); break;
      case CaseOp::kCapitalize: c = i == 0 ? toUpper() : toLower(); break;
      case CaseOp::kTitle:
        c = previous_cased ? toLower() : toUpper();
        previous_cased = upper || lower;
        break;
    }
    dst[i] = c;
  }
  return Value(r);
}

Value caseMap(Value self, CaseOp op) {
  if (asStr(self)->ascii) return caseMapAscii(self, op);
  std::u32string text = strToUcs4(self);
  U32Text t{text};
  StrBuilder b;
  b.reserve(text.size());
  bool previous_cased = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    switch (op) {
      case CaseOp::kLower:
        pushMapped(b, uni::to_lower_full_at(t, i));
        break;
      case CaseOp::kUpper:
        pushMapped(b, uni::to_upper_full(c));
        break;
      case CaseOp::kFold:
        pushMapped(b, uni::to_folded_full(c));
        break;
      case CaseOp::kSwap:
        if (uni::is_upper(c))
          pushMapped(b, uni::to_lower_full_at(t, i));
        else if (uni::is_lower(c))
          pushMapped(b, uni::to_upper_full(c));
        else
          b.push(c);
        break;
      case CaseOp::kCapitalize:
        pushMapped(b, i == 0 ? uni::to_title_full(c) : uni::to_lower_full_at(t, i));
        break;
      case CaseOp::kTitle:
        pushMapped(b, previous_cased ? uni::to_lower_full_at(t, i) : uni::to_title_full(c));
        previous_cased = uni::is_cased(c);
        break;
    }
  }
  return b.finish();
}

bool isLineBreak(char32_t c) {
  switch (c) {
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x1c:
    case 0x1d:
    case 0x1e:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return true;
    default:
      return false;
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Searching

Value str_find(Value* args) { return findImpl(args, false, false); }
Value str_rfind(Value* args) { return findImpl(args, true, false); }
Value str_index(Value* args) { return findImpl(args, false, true); }
Value str_rindex(Value* args) { return findImpl(args, true, true); }

Value str_count(Value* args) {
  int64_t start, end;
  if (!searchArgs(args, &start, &end)) return Value();
  return newInt(strCount(args[0], args[1], start, end));
}

Value str_startswith(Value* args) { return startsEnds(args, false); }
Value str_endswith(Value* args) { return startsEnds(args, true); }

Value str_removeprefix(Value* args) {
  Value self = args[0], prefix = args[1];
  if (!isStr(prefix)) {
    return raisef(exc::TypeError, "removeprefix() argument must be str, not %s", argTypeName(prefix).c_str());
  }
  int64_t len = asStr(self)->length, m = asStr(prefix)->length;
  if (m > 0 && m <= len && matchAt(self, 0, prefix)) return strSubstring(self, m, len);
  return unchanged(self);
}

Value str_removesuffix(Value* args) {
  Value self = args[0], suffix = args[1];
  if (!isStr(suffix)) {
    return raisef(exc::TypeError, "removesuffix() argument must be str, not %s", argTypeName(suffix).c_str());
  }
  int64_t len = asStr(self)->length, m = asStr(suffix)->length;
  if (m > 0 && m <= len && matchAt(self, len - m, suffix)) return strSubstring(self, 0, len - m);
  return unchanged(self);
}

// ---------------------------------------------------------------------------
// Splitting and partitioning

Value str_split(Value* args) {
  Value self = args[0], sep = args[1];
  int64_t maxsplit;
  if (!maxsplitArg(args[2], &maxsplit)) return Value();
  int64_t len = asStr(self)->length;
  Spans spans;
  if (isNone(sep)) {
    strimpl::withUnits(asStr(self)->data(), asStr(self)->kind, [&](const auto* u) {
      int64_t i = 0;
      while (maxsplit-- > 0) {
        while (i < len && uni::is_space(u[i])) ++i;
        if (i == len) break;
        int64_t j = i;
        while (i < len && !uni::is_space(u[i])) ++i;
        spans.emplace_back(j, i);
      }
      if (i < len) {
        while (i < len && uni::is_space(u[i])) ++i;
        if (i != len) spans.emplace_back(i, len);
      }
    });
  } else {
    if (!isStr(sep)) return raisef(exc::TypeError, "must be str or None, not %s", typeNameOf(sep).c_str());
    int64_t m = asStr(sep)->length;
    if (m == 0) return raise(exc::ValueError, "empty separator");
    int64_t i = 0;
    while (maxsplit-- > 0) {
      int64_t at = strFind(self, sep, i, len);
      if (at < 0) break;
      spans.emplace_back(i, at);
      i = at + m;
    }
    spans.emplace_back(i, len);
  }
  return listOfSpans(self, spans);
}

Value str_rsplit(Value* args) {
  Value self = args[0], sep = args[1];
  int64_t maxsplit;
  if (!maxsplitArg(args[2], &maxsplit)) return Value();
  int64_t len = asStr(self)->length;
  Spans spans;
  if (isNone(sep)) {
    StrObj* o = asStr(self);
    int64_t i = len;
    while (maxsplit-- > 0) {
      while (i > 0 && uni::is_space(o->at(i - 1))) --i;
      if (i == 0) break;
      int64_t j = i;
      while (i > 0 && !uni::is_space(o->at(i - 1))) --i;
      spans.emplace_back(i, j);
    }
    if (i > 0) {
      while (i > 0 && uni::is_space(o->at(i - 1))) --i;
      if (i != 0) spans.emplace_back(0, i);
    }
  } else {
    if (!isStr(sep)) return raisef(exc::TypeError, "must be str or None, not %s", typeNameOf(sep).c_str());
    int64_t m = asStr(sep)->length;
    if (m == 0) return raise(exc::ValueError, "empty separator");
    int64_t j = len;
    while (maxsplit-- > 0) {
      int64_t at = strRfind(self, sep, 0, j);
      if (at < 0) break;
      spans.emplace_back(at + m, j);
      j = at;
    }
    spans.emplace_back(0, j);
  }
  Spans reversed(spans.rbegin(), spans.rend());
  return listOfSpans(self, reversed);
}

Value str_splitlines(Value* args) {
  Value self = args[0];
  int keepends_i = isTrue(args[1]);
  if (keepends_i < 0) return Value();
  bool keepends = keepends_i != 0;
  StrObj* o = asStr(self);
  int64_t len = o->length;
  Spans spans;
  int64_t i = 0;
  while (i < len) {
    int64_t j = i;
    while (i < len && !isLineBreak(o->at(i))) ++i;
    int64_t eol = i;
    if (i < len) {
      if (o->at(i) == '\r' && i + 1 < len && o->at(i + 1) == '\n')
        i += 2;
      else
        ++i;
      if (keepends) eol = i;
    }
    spans.emplace_back(j, eol);
  }
  return listOfSpans(self, spans);
}

namespace {

Value partitionImpl(Value self, Value sep, bool reverse) {
  if (!isStr(sep)) return raisef(exc::TypeError, "must be str, not %s", typeNameOf(sep).c_str());
  int64_t m = asStr(sep)->length;
  if (m == 0) return raise(exc::ValueError, "empty separator");
  int64_t len = asStr(self)->length;
  int64_t at = reverse ? strRfind(self, sep, 0, len) : strFind(self, sep, 0, len);
  if (at < 0) {
    // Without a match CPython hands back the object itself, subclass and all.
    Value e = emptyStr();
    return reverse ? newTupleOf({e, e, self}) : newTupleOf({self, e, e});
  }
  Value head = strSubstring(self, 0, at);
  if (head.isNull()) return Value();
  Value tail = strSubstring(self, at + m, len);
  if (tail.isNull()) return Value();
  return newTupleOf({head, sep, tail});  // the separator object itself, as CPython
}

}  // namespace

Value str_partition(Value* args) { return partitionImpl(args[0], args[1], false); }
Value str_rpartition(Value* args) { return partitionImpl(args[0], args[1], true); }

// ---------------------------------------------------------------------------
// replace, expandtabs

namespace {

// Checks that self.replace(old_s, new_s, count) (count > 0) can be made:
// false with OverflowError "replace string is too long" past the largest
// length, MemoryError past what the heap can hold.  The exact length needs a
// search; it is counted only when the bound without one is too big.
bool checkReplacedLength(Value self, Value old_s, Value new_s, int64_t count) {
  int64_t len = asStr(self)->length, m = asStr(old_s)->length, k = asStr(new_s)->length;
  if (k <= m) return true;
  int64_t most = m == 0 ? len + 1 : len / m;  // replacements there can be
  using Wide = unsigned __int128;
  Wide bound = Wide(len) + Wide(std::min(most, count)) * Wide(k - m);
  if (bound <= Wide(gc::config().old_reserve_bytes)) return true;
  int64_t found = 0;
  if (m == 0) {
    found = std::min(most, count);
  } else {
    for (int64_t at = strFind(self, old_s, 0, len); at >= 0 && found < count; at = strFind(self, old_s, at + m, len)) {
      ++found;
    }
  }
  Wide length = Wide(len) + Wide(found) * Wide(k - m);
  if (length > Wide(INT64_MAX)) {
    raise(exc::OverflowError, "replace string is too long");
    return false;
  }
  return checkFitsHeap(static_cast<size_t>(length));
}

}  // namespace

Value str_replace(Value* args) {
  Value self = args[0], old_s = args[1], new_s = args[2];
  if (!isStr(old_s)) {
    return raisef(exc::TypeError, "replace() argument 1 must be str, not %s", argTypeName(old_s).c_str());
  }
  if (!isStr(new_s)) {
    return raisef(exc::TypeError, "replace() argument 2 must be str, not %s", argTypeName(new_s).c_str());
  }
  int64_t count;
  if (!argSsizeT(args[3], &count)) return Value();
  if (count < 0) count = INT64_MAX;
  int64_t len = asStr(self)->length, m = asStr(old_s)->length;
  if (count == 0) return unchanged(self);
  if (!checkReplacedLength(self, old_s, new_s, count)) return Value();
  StrBuilder b;
  bool changed = false;
  bool built = withNoMemoryGuard([&] {
    if (m == 0) {
      int64_t done = 0;
      for (int64_t i = 0; i <= len; ++i) {
        if (done < count) {
          b.appendStr(new_s);
          ++done;
        }
        if (i < len) b.appendStr(self, i, i + 1);
      }
      changed = true;
      return;
    }
    int64_t i = 0, done = 0;
    while (done < count) {
      int64_t at = strFind(self, old_s, i, len);
      if (at < 0) break;
      b.appendStr(self, i, at);
      b.appendStr(new_s);
      i = at + m;
      ++done;
      changed = true;
    }
    if (changed) b.appendStr(self, i, len);
  });
  if (!built) return Value();
  return changed ? b.finish() : unchanged(self);
}

namespace {

// The length of self.expandtabs(tabsize), or SIZE_MAX when that overflows.
size_t expandedLength(Value self, int tabsize) {
  size_t n = 0, column = 0;
  for (int64_t i = 0; i < asStr(self)->length; ++i) {
    char32_t c = asStr(self)->at(i);
    size_t add = 1;
    if (c == '\t') add = tabsize > 0 ? static_cast<size_t>(tabsize) - column % static_cast<size_t>(tabsize) : 0;
    if (add > SIZE_MAX - n) return SIZE_MAX;
    n += add;
    column = c == '\n' || c == '\r' ? 0 : column + add;
  }
  return n;
}

}  // namespace

Value str_expandtabs(Value* args) {
  Value self = args[0];
  int tabsize;
  if (!argCInt(args[1], &tabsize)) return Value();
  StrObj* o = asStr(self);
  bool has_tab = false;
  for (int64_t i = 0; i < o->length && !has_tab; ++i) has_tab = o->at(i) == '\t';
  if (!has_tab) return unchanged(self);
  // A character expands to at most max(tabsize, 1): the exact length is
  // counted only when that bound is more than a heap holds.
  size_t widest = tabsize > 1 ? static_cast<size_t>(tabsize) : 1;
  size_t len = static_cast<size_t>(o->length);
  if (len > gc::config().old_reserve_bytes / widest && !checkFitsHeap(expandedLength(self, tabsize))) return Value();
  StrBuilder b;
  bool built = withNoMemoryGuard([&] {
    int64_t column = 0;
    for (int64_t i = 0; i < asStr(self)->length; ++i) {
      char32_t c = asStr(self)->at(i);
      if (c == '\t') {
        if (tabsize > 0) {
          int64_t incr = tabsize - (column % tabsize);
          column += incr;
          for (int64_t k = 0; k < incr; ++k) b.push(' ');
        }
      } else {
        b.push(c);
        ++column;
        if (c == '\n' || c == '\r') column = 0;
      }
    }
  });
  return built ? b.finish() : Value();
}

// ---------------------------------------------------------------------------
// Stripping and padding

Value str_strip(Value* args) { return stripImpl(args[0], args[1], kBoth, "strip"); }
Value str_lstrip(Value* args) { return stripImpl(args[0], args[1], kLeft, "lstrip"); }
Value str_rstrip(Value* args) { return stripImpl(args[0], args[1], kRight, "rstrip"); }

Value str_center(Value* args) {
  int64_t width;
  char32_t fill;
  if (!padArgs(args, &width, &fill)) return Value();
  int64_t len = asStr(args[0])->length;
  if (width <= len) return unchanged(args[0]);
  int64_t marg = width - len;
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(args[0], left, marg - left, fill);
}

Value str_ljust(Value* args) {
  int64_t width;
  char32_t fill;
  if (!padArgs(args, &width, &fill)) return Value();
  return pad(args[0], 0, width - asStr(args[0])->length, fill);
}

Value str_rjust(Value* args) {
  int64_t width;
  char32_t fill;
  if (!padArgs(args, &width, &fill)) return Value();
  return pad(args[0], width - asStr(args[0])->length, 0, fill);
}

Value str_zfill(Value* args) {
  Value self = args[0];
  int64_t width;
  if (!argSsizeT(args[1], &width)) return Value();
  int64_t len = asStr(self)->length;
  if (width <= len) return unchanged(self);
  int64_t fill = width - len;
  std::u32string text = strToUcs4(self);
  std::u32string out;
  if (!checkFitsHeap(static_cast<size_t>(width)) || !withNoMemoryGuard([&] {
        out.assign(static_cast<size_t>(fill), U'0');
        out += text;
      })) {
    return Value();
  }
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    out[0] = text[0];
    out[static_cast<size_t>(fill)] = '0';
  }
  return newStrFromUcs4(out);
}

// ---------------------------------------------------------------------------
// Case mapping

Value str_lower(Value* args) { return caseMap(args[0], CaseOp::kLower); }
Value str_upper(Value* args) { return caseMap(args[0], CaseOp::kUpper); }
Value str_casefold(Value* args) { return caseMap(args[0], CaseOp::kFold); }
Value str_swapcase(Value* args) { return caseMap(args[0], CaseOp::kSwap); }
Value str_capitalize(Value* args) { return caseMap(args[0], CaseOp::kCapitalize); }
Value str_title(Value* args) { return caseMap(args[0], CaseOp::kTitle); }

// ---------------------------------------------------------------------------
// Predicates

Value str_isascii(Value* args) { return Bool(asStr(args[0])->ascii != 0); }
Value str_isalnum(Value* args) { return allChars(args[0], false, uni::is_alnum); }
Value str_isalpha(Value* args) { return allChars(args[0], false, uni::is_alpha); }
Value str_isdecimal(Value* args) { return allChars(args[0], false, uni::is_decimal); }
Value str_isdigit(Value* args) { return allChars(args[0], false, uni::is_digit); }
Value str_isnumeric(Value* args) { return allChars(args[0], false, uni::is_numeric); }
Value str_isspace(Value* args) { return allChars(args[0], false, uni::is_space); }
Value str_isprintable(Value* args) { return allChars(args[0], true, uni::is_printable); }

Value str_islower(Value* args) {
  StrObj* o = asStr(args[0]);
  bool cased = false;
  for (int64_t i = 0; i < o->length; ++i) {
    char32_t c = o->at(i);
    if (uni::is_upper(c) || uni::is_title(c)) return False();
    if (!cased && uni::is_lower(c)) cased = true;
  }
  return Bool(cased);
}

Value str_isupper(Value* args) {
  StrObj* o = asStr(args[0]);
  bool cased = false;
  for (int64_t i = 0; i < o->length; ++i) {
    char32_t c = o->at(i);
    if (uni::is_lower(c) || uni::is_title(c)) return False();
    if (!cased && uni::is_upper(c)) cased = true;
  }
  return Bool(cased);
}

Value str_istitle(Value* args) {
  StrObj* o = asStr(args[0]);
  bool cased = false, previous_cased = false;
  for (int64_t i = 0; i < o->length; ++i) {
    char32_t c = o->at(i);
    if (uni::is_upper(c) || uni::is_title(c)) {
      if (previous_cased) return False();
      previous_cased = cased = true;
    } else if (uni::is_lower(c)) {
      if (!previous_cased) return False();
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return Bool(cased);
}

Value str_isidentifier(Value* args) { return Bool(compiler::is_identifier(strToUtf8(args[0]))); }

// ---------------------------------------------------------------------------
// translate / maketrans

Value str_translate(Value* args) {
  Value self = args[0], table = args[1];
  StrBuilder b;
  int64_t len = asStr(self)->length;
  b.reserve(static_cast<size_t>(len));
  for (int64_t i = 0; i < len; ++i) {
    char32_t c = asStr(self)->at(i);
    Value key = newInt(c);
    Value mapped = getItem(table, key);
    if (mapped.isNull()) {
      if (!errorMatches(exc::LookupError)) return Value();
      clearError();
      b.push(c);
      continue;
    }
    if (isNone(mapped)) continue;
    if (isInt(mapped)) {
      int64_t v;
      if (!intToInt64(mapped, &v) || v < 0 || v > 0x10ffff) {
        clearError();
        return raise(exc::ValueError, "character mapping must be in range(0x110000)");
      }
      b.push(static_cast<char32_t>(v));
    } else if (isStr(mapped)) {
      // Mappings to long strings can make a result no heap holds.
      if (!checkFitsHeap(b.size() + static_cast<size_t>(strLen(mapped))) ||
          !withNoMemoryGuard([&] { b.appendStr(mapped); })) {
        return Value();
      }
    } else {
      return raise(exc::TypeError, "character mapping must return integer, None or str");
    }
  }
  return b.finish();
}

Value str_maketrans(Value* args) {
  Value x = args[0], y = args[1], z = args[2];
  Value result = newDict();
  if (result.isNull()) return Value();
  if (y.isNull()) {
    if (!isDict(x)) return raise(exc::TypeError, "if you give only one argument to maketrans it must be a dict");
    int64_t pos = 0;
    Value key, value;
    while (dictNext(x, &pos, &key, &value)) {
      Value k;
      if (isStr(key)) {
        if (asStr(key)->length != 1) return raise(exc::ValueError, "string keys in translate table must be of length 1");
        k = newInt(asStr(key)->at(0));
      } else if (isInt(key)) {
        k = key;
      } else {
        return raise(exc::TypeError, "keys in translate table must be strings or integers");
      }
      if (dictSet(result, k, value) < 0) return Value();
    }
    return result;
  }
  if (!isStr(x)) return raise(exc::TypeError, "first maketrans argument must be a string if there is a second argument");
  if (!isStr(y)) return raisef(exc::TypeError, "maketrans() argument 2 must be str, not %s", argTypeName(y).c_str());
  if (!z.isNull() && !isStr(z)) {
    return raisef(exc::TypeError, "maketrans() argument 3 must be str, not %s", argTypeName(z).c_str());
  }
  int64_t n = asStr(x)->length;
  if (n != asStr(y)->length) return raise(exc::ValueError, "the first two maketrans arguments must have equal length");
  for (int64_t i = 0; i < n; ++i) {
    if (dictSet(result, newInt(asStr(x)->at(i)), newInt(asStr(y)->at(i))) < 0) return Value();
  }
  if (!z.isNull()) {
    for (int64_t i = 0; i < asStr(z)->length; ++i) {
      if (dictSet(result, newInt(asStr(z)->at(i)), None()) < 0) return Value();
    }
  }
  return result;
}

}  // namespace tern
