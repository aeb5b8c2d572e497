// The methods bytes and bytearray share (bytes_methods.h), over
// stringlib.h's algorithms with the bytes flavour (ASCII whitespace, line
// breaks and case).
//
// GC discipline: arguments are converted first (that may run Python code and
// allocate), then self's contents are read, either as a view used with no
// allocation in between (searching) or as a copy (everything that builds
// new objects).

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_warnings.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/bytes_methods.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/no_memory.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/stringlib.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace sl = objects::stringlib;
using namespace strimpl;    // NOLINT
using namespace bytesimpl;  // NOLINT

namespace {

sl::Units<uint8_t> units(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

std::string_view selfView(Value self) {
  std::string_view v;
  bytesLikeView(self, &v);
  return v;
}

}  // namespace

// ---------------------------------------------------------------------------
// Helpers

namespace bytesimpl {

bool bufferArg(Value v, std::string* out) {
  std::string_view view;
  if (bytesLikeView(v, &view)) {
    out->assign(view);
    return true;
  }
  // Non-contiguous views are copied item by item; anything else raises
  // "a bytes-like object is required, not 'str'".
  return bufferCopyBytes(v, out);
}

bool subArg(Value v, std::string* out) {
  std::string_view view;
  if (bytesLikeView(v, &view)) {
    out->assign(view);
    return true;
  }
  if (isInt(v) || typeOf(v)->slots.nb_index != nullptr) {
    Value i = index(v);
    if (i.isNull()) return false;
    int64_t x;
    if (!intToInt64(i, &x) || x < 0 || x > 255) {
      clearError();
      raise(exc::ValueError, "byte must be in range(0, 256)");
      return false;
    }
    out->assign(1, static_cast<char>(x));
    return true;
  }
  raisef(exc::TypeError, "argument should be integer or bytes-like object, not '%s'", typeNameOf(v).c_str());
  return false;
}

Value makeLike(Value self, std::string_view data) {
  if (isByteArray(self)) return newByteArray(data.data(), static_cast<int64_t>(data.size()));
  return newBytes(data);
}

std::string selfCopy(Value self) { return std::string(selfView(self)); }

std::string reprBody(std::string_view data, bool always_escape_single) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  static const char kHex[] = "0123456789abcdef";
  std::string out = "b";
  out.push_back(quote);
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\' || (always_escape_single && c == '\'')) {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back(quote);
  return out;
}

bool warnComparison(Value a, Value b, int op, const char* type_name, bool with_int) {
  if (!config().bytes_warning || (op != kEq && op != kNe)) return true;
  if (isStr(a) || isStr(b)) {
    return warn(exc::BytesWarning, std::string("Comparison between ") + type_name + " and string");
  }
  if (with_int && (isInt(a) || isInt(b))) {
    return warn(exc::BytesWarning, std::string("Comparison between ") + type_name + " and int");
  }
  return true;
}

bool warnStr(const char* type_name) {
  return !config().bytes_warning || warn(exc::BytesWarning, std::string("str() on a ") + type_name + " instance");
}

}  // namespace bytesimpl

namespace {

// A list of pieces of `data` as objects of self's kind.
Value piecesList(Value self, const std::string& data, const std::vector<sl::Piece>& pieces) {
  Value list = newList(static_cast<int64_t>(pieces.size()));
  if (list.isNull()) return Value();
  for (const sl::Piece& p : pieces) {
    Value item = makeLike(self, std::string_view(data).substr(p.start, p.size()));
    if (item.isNull() || !listAppend(list, item)) return Value();
  }
  return list;
}

// Sizes `out` for a result of `len` bytes that the arguments chose; false with
// CPython's error when self's kind cannot be that long: OverflowError past a
// bytes' longest, MemoryError when no object or buffer that big can be had.
bool sizeResult(Value self, size_t len, std::string* out) {
  if (!isByteArray(self) && len > static_cast<size_t>(kMaxBytesLength)) {
    raise(exc::OverflowError, "byte string is too large");
    return false;
  }
  return checkFitsHeap(len) && withNoMemoryGuard([&] { out->assign(len, '\0'); });
}

// Self unchanged: bytes are immutable (an exact bytes returns itself), a
// bytearray result is always a new object.
Value unchangedLike(Value self, const std::string& data) {
  if (isExactBytes(self)) return self;
  return makeLike(self, data);
}

bool rangeArgs(Value* args, int64_t* start, int64_t* end) {
  *start = sl::kNoStart;
  *end = sl::kNoEnd;
  return sliceIndexArg(args[2], start) && sliceIndexArg(args[3], end);
}

Value findImpl(Value* args, bool reverse, bool must_find) {
  std::string sub;
  int64_t start, end;
  if (!subArg(args[1], &sub) || !rangeArgs(args, &start, &end)) return Value();
  std::string_view self = selfView(args[0]);
  int64_t at = reverse ? sl::rfind(units(self), units(sub), start, end) : sl::find(units(self), units(sub), start, end);
  if (at < 0 && must_find) return raise(exc::ValueError, "subsection not found");
  return newInt(at);
}

Value startsEnds(Value* args, bool at_end) {
  const char* name = at_end ? "endswith" : "startswith";
  int64_t start, end;
  if (!rangeArgs(args, &start, &end)) return Value();
  Value what = args[1];
  auto test = [&](std::string_view affix) {
    std::string_view self = selfView(args[0]);
    return at_end ? sl::endswith(units(self), units(affix), start, end)
                  : sl::startswith(units(self), units(affix), start, end);
  };
  if (isTuple(what)) {
    for (int64_t i = 0; i < tupleLength(what); ++i) {
      std::string affix;
      std::string_view view;
      if (!bytesLikeView(tupleItem(what, i), &view)) {
        return raisef(exc::TypeError, "a bytes-like object is required, not '%s'",
                      typeNameOf(tupleItem(what, i)).c_str());
      }
      affix.assign(view);
      if (test(affix)) return True();
    }
    return False();
  }
  std::string_view view;
  if (!bytesLikeView(what, &view)) {
    return raisef(exc::TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                  typeNameOf(what).c_str());
  }
  std::string affix(view);
  return Bool(test(affix));
}

bool fillArg(Value v, const char* method, char* out) {
  if (v.isNull()) {
    *out = ' ';
    return true;
  }
  std::string_view view;
  if ((!isBytes(v) && !isByteArray(v)) || !bytesLikeView(v, &view) || view.size() != 1) {
    raisef(exc::TypeError, "%s() argument 2 must be a byte string of length 1, not %s", method,
           typeNameOf(v).c_str());
    return false;
  }
  *out = view[0];
  return true;
}

Value padImpl(Value* args, const char* method, sl::Padding (*padding)(size_t, int64_t)) {
  int64_t width;
  char fill;
  if (!argSsizeT(args[1], &width) || !fillArg(args[2], method, &fill)) return Value();
  std::string data = selfCopy(args[0]);
  sl::Padding p = padding(data.size(), width);
  if (p.left == 0 && p.right == 0) return unchangedLike(args[0], data);
  std::string out;
  if (!sizeResult(args[0], p.left + data.size() + p.right, &out)) return Value();
  sl::pad_into(reinterpret_cast<uint8_t*>(out.data()), units(data), p, static_cast<uint8_t>(fill));
  return makeLike(args[0], out);
}

Value stripImpl(Value* args, sl::StripSide side) {
  std::string chars;
  bool whitespace = isNone(args[1]);
  if (!whitespace && !bufferArg(args[1], &chars)) return Value();
  std::string data = selfCopy(args[0]);
  sl::Piece p = whitespace ? sl::strip_whitespace<sl::Flavor::kBytes>(units(data), side)
                           : sl::strip_chars(units(data), units(chars), side);
  if (p.start == 0 && p.end == data.size()) return unchangedLike(args[0], data);
  return makeLike(args[0], std::string_view(data).substr(p.start, p.size()));
}

Value caseImpl(Value* args, sl::CaseOp op) {
  std::string data = selfCopy(args[0]);
  std::string out(data.size(), '\0');
  sl::bytes_case_into(op, reinterpret_cast<uint8_t*>(out.data()), units(data));
  return makeLike(args[0], out);
}

Value partitionImpl(Value* args, bool reverse) {
  std::string sep;
  if (!bufferArg(args[1], &sep)) return Value();
  if (sep.empty()) return raise(exc::ValueError, "empty separator");
  std::string data = selfCopy(args[0]);
  sl::Partition p = reverse ? sl::rpartition(units(data), units(sep)) : sl::partition(units(data), units(sep));
  std::string_view d(data);
  Value head, mid, tail;
  if (!p.found && isExactBytes(args[0])) {
    Value empty = emptyBytes();
    if (reverse) {
      head = empty, mid = empty, tail = args[0];
    } else {
      head = args[0], mid = empty, tail = empty;
    }
    return newTupleOf({head, mid, tail});
  }
  head = makeLike(args[0], d.substr(p.head.start, p.head.size()));
  if (head.isNull()) return Value();
  // bytes.partition returns the separator object itself when found;
  // bytearray's results are all new bytearrays.
  mid = p.found && !isByteArray(args[0]) ? args[1] : makeLike(args[0], d.substr(p.sep.start, p.sep.size()));
  if (mid.isNull()) return Value();
  tail = makeLike(args[0], d.substr(p.tail.start, p.tail.size()));
  if (tail.isNull()) return Value();
  return newTupleOf({head, mid, tail});
}

Value splitImpl(Value* args, bool reverse) {
  int64_t maxsplit;
  if (!argSsizeT(args[2], &maxsplit)) return Value();
  std::string sep;
  bool whitespace = isNone(args[1]);
  if (!whitespace) {
    if (!bufferArg(args[1], &sep)) return Value();
    if (sep.empty()) return raise(exc::ValueError, "empty separator");
  }
  std::string data = selfCopy(args[0]);
  std::vector<sl::Piece> pieces;
  if (whitespace) {
    pieces = reverse ? sl::rsplit_whitespace<sl::Flavor::kBytes>(units(data), maxsplit)
                     : sl::split_whitespace<sl::Flavor::kBytes>(units(data), maxsplit);
  } else {
    pieces = reverse ? sl::rsplit(units(data), units(sep), maxsplit) : sl::split(units(data), units(sep), maxsplit);
  }
  return piecesList(args[0], data, pieces);
}

template <bool (*Pred)(sl::Units<uint8_t>)>
Value predicate(Value* args) {
  return Bool(Pred(units(selfView(args[0]))));
}

int hexDigit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

bool isAsciiSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c; }

}  // namespace

// ---------------------------------------------------------------------------
// Searching

Value bytes_find(Value* args) { return findImpl(args, false, false); }
Value bytes_rfind(Value* args) { return findImpl(args, true, false); }
Value bytes_index(Value* args) { return findImpl(args, false, true); }
Value bytes_rindex(Value* args) { return findImpl(args, true, true); }

Value bytes_count(Value* args) {
  std::string sub;
  int64_t start, end;
  if (!subArg(args[1], &sub) || !rangeArgs(args, &start, &end)) return Value();
  std::string_view self = selfView(args[0]);
  return newInt(sl::count(units(self), units(sub), start, end));
}

Value bytes_startswith(Value* args) { return startsEnds(args, false); }
Value bytes_endswith(Value* args) { return startsEnds(args, true); }

int bytesContains(Value self, Value item) {
  std::string sub;
  if (isInt(item) || (!bytesLikeView(item, nullptr) && typeOf(item)->slots.nb_index != nullptr)) {
    if (!subArg(item, &sub)) return -1;
  } else if (!bufferArg(item, &sub)) {
    return -1;
  }
  std::string_view data = selfView(self);
  return sl::find(units(data), units(sub)) >= 0 ? 1 : 0;
}

Value bytes_removeprefix(Value* args) {
  std::string prefix;
  if (!bufferArg(args[1], &prefix)) return Value();
  std::string data = selfCopy(args[0]);
  if (!prefix.empty() && data.size() >= prefix.size() && data.compare(0, prefix.size(), prefix) == 0) {
    return makeLike(args[0], std::string_view(data).substr(prefix.size()));
  }
  return unchangedLike(args[0], data);
}

Value bytes_removesuffix(Value* args) {
  std::string suffix;
  if (!bufferArg(args[1], &suffix)) return Value();
  std::string data = selfCopy(args[0]);
  if (!suffix.empty() && data.size() >= suffix.size() &&
      data.compare(data.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return makeLike(args[0], std::string_view(data).substr(0, data.size() - suffix.size()));
  }
  return unchangedLike(args[0], data);
}

// ---------------------------------------------------------------------------
// Splitting, partitioning, joining

Value bytes_split(Value* args) { return splitImpl(args, false); }
Value bytes_rsplit(Value* args) { return splitImpl(args, true); }

Value bytes_splitlines(Value* args) {
  int keepends = isTrue(args[1]);
  if (keepends < 0) return Value();
  std::string data = selfCopy(args[0]);
  return piecesList(args[0], data, sl::splitlines<sl::Flavor::kBytes>(units(data), keepends != 0));
}

Value bytes_partition(Value* args) { return partitionImpl(args, false); }
Value bytes_rpartition(Value* args) { return partitionImpl(args, true); }

Value bytes_join(Value* args) {
  Value self = args[0];
  Value seq = listFromIterable(args[1]);
  if (seq.isNull()) return Value();
  std::string sep = selfCopy(self);
  int64_t n = listLength(seq);
  // The length first (no allocation from here to the copying: the views stay
  // valid), so that a result too long is an error before any buffer is made.
  size_t total = 0;
  for (int64_t i = 0; i < n; ++i) {
    Value item = listItem(seq, i);
    std::string_view view;
    if (!bytesLikeView(item, &view)) {
      return raisef(exc::TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                    static_cast<long long>(i), typeNameOf(item).c_str());
    }
    size_t add = view.size() + (i > 0 ? sep.size() : 0);
    if (add > static_cast<size_t>(INT64_MAX) - total) return raise(exc::OverflowError, "join() result is too long");
    total += add;
  }
  if (n == 1 && isExactBytes(listItem(seq, 0)) && !isByteArray(self)) return listItem(seq, 0);
  std::string out;
  if (!sizeResult(self, total, &out)) return Value();
  char* at = out.data();
  for (int64_t i = 0; i < n; ++i) {
    std::string_view view;
    bytesLikeView(listItem(seq, i), &view);
    if (i > 0) at = std::copy(sep.begin(), sep.end(), at);
    at = std::copy(view.begin(), view.end(), at);
  }
  return makeLike(self, out);
}

// ---------------------------------------------------------------------------
// replace, expandtabs, zfill, padding, stripping

Value bytes_replace(Value* args) {
  std::string old_s, new_s;
  int64_t count;
  if (!bufferArg(args[1], &old_s) || !bufferArg(args[2], &new_s) || !argSsizeT(args[3], &count)) return Value();
  std::string data = selfCopy(args[0]);
  sl::ReplaceSize size = sl::replace_measure(units(data), units(old_s), units(new_s), count);
  if (size.too_long) return raise(exc::OverflowError, "replace bytes is too long");
  if (size.replacements == 0) return unchangedLike(args[0], data);
  std::string out;
  if (!sizeResult(args[0], size.length, &out)) return Value();
  sl::replace_into(reinterpret_cast<uint8_t*>(out.data()), units(data), units(old_s), units(new_s), count);
  return makeLike(args[0], out);
}

Value bytes_expandtabs(Value* args) {
  int tabsize;
  if (!argCInt(args[1], &tabsize)) return Value();
  std::string data = selfCopy(args[0]);
  std::optional<size_t> len = sl::expandtabs_length(units(data), tabsize);
  if (!len) return raise(exc::OverflowError, "result too long");
  std::string out;
  if (!sizeResult(args[0], *len, &out)) return Value();
  sl::expandtabs_into(reinterpret_cast<uint8_t*>(out.data()), units(data), tabsize);
  if (out == data) return unchangedLike(args[0], data);
  return makeLike(args[0], out);
}

Value bytes_zfill(Value* args) {
  int64_t width;
  if (!argSsizeT(args[1], &width)) return Value();
  std::string data = selfCopy(args[0]);
  size_t len = sl::zfill_length(data.size(), width);
  if (len == data.size()) return unchangedLike(args[0], data);
  std::string out;
  if (!sizeResult(args[0], len, &out)) return Value();
  sl::zfill_into(reinterpret_cast<uint8_t*>(out.data()), units(data), width);
  return makeLike(args[0], out);
}

Value bytes_center(Value* args) { return padImpl(args, "center", sl::center_padding); }
Value bytes_ljust(Value* args) { return padImpl(args, "ljust", sl::ljust_padding); }
Value bytes_rjust(Value* args) { return padImpl(args, "rjust", sl::rjust_padding); }

Value bytes_strip(Value* args) { return stripImpl(args, sl::StripSide::kBoth); }
Value bytes_lstrip(Value* args) { return stripImpl(args, sl::StripSide::kLeft); }
Value bytes_rstrip(Value* args) { return stripImpl(args, sl::StripSide::kRight); }

// ---------------------------------------------------------------------------
// Case and predicates

Value bytes_lower(Value* args) { return caseImpl(args, sl::CaseOp::kLower); }
Value bytes_upper(Value* args) { return caseImpl(args, sl::CaseOp::kUpper); }
Value bytes_swapcase(Value* args) { return caseImpl(args, sl::CaseOp::kSwapcase); }
Value bytes_capitalize(Value* args) { return caseImpl(args, sl::CaseOp::kCapitalize); }
Value bytes_title(Value* args) { return caseImpl(args, sl::CaseOp::kTitle); }

Value bytes_isalnum(Value* args) { return predicate<sl::isalnum<sl::Flavor::kBytes, uint8_t>>(args); }
Value bytes_isalpha(Value* args) { return predicate<sl::isalpha<sl::Flavor::kBytes, uint8_t>>(args); }
Value bytes_isascii(Value* args) { return predicate<sl::isascii<sl::Flavor::kBytes, uint8_t>>(args); }
Value bytes_isdigit(Value* args) { return predicate<sl::isdigit<sl::Flavor::kBytes, uint8_t>>(args); }
Value bytes_islower(Value* args) { return predicate<sl::islower<sl::Flavor::kBytes, uint8_t>>(args); }
Value bytes_isupper(Value* args) { return predicate<sl::isupper<sl::Flavor::kBytes, uint8_t>>(args); }
Value bytes_isspace(Value* args) { return predicate<sl::isspace<sl::Flavor::kBytes, uint8_t>>(args); }
Value bytes_istitle(Value* args) { return predicate<sl::istitle<sl::Flavor::kBytes, uint8_t>>(args); }

// ---------------------------------------------------------------------------
// decode, hex, fromhex, translate, maketrans

Value bytes_decode(Value* args) {
  if (!isStr(args[1])) {
    return raisef(exc::TypeError, "decode() argument 'encoding' must be str, not %s", typeNameOf(args[1]).c_str());
  }
  if (!isStr(args[2])) {
    return raisef(exc::TypeError, "decode() argument 'errors' must be str, not %s", typeNameOf(args[2]).c_str());
  }
  std::string data = selfCopy(args[0]);
  return decodeBytes(data, args[1], args[2]);
}

Value bytes_hex(Value* args) {
  Value sep = args[1];
  int64_t per_sep = 1;
  char sep_char = 0;
  if (!sep.isNull()) {
    std::string sep_text;
    if (isStr(sep)) {
      if (asStr(sep)->length != 1) return raise(exc::ValueError, "sep must be length 1.");
      char32_t c = asStr(sep)->at(0);
      if (c > 127) return raise(exc::ValueError, "sep must be ASCII.");
      sep_char = static_cast<char>(c);
    } else if (bytesLikeView(sep, nullptr)) {
      bufferArg(sep, &sep_text);
      if (sep_text.size() != 1) return raise(exc::ValueError, "sep must be length 1.");
      if (static_cast<unsigned char>(sep_text[0]) > 127) return raise(exc::ValueError, "sep must be ASCII.");
      sep_char = sep_text[0];
    } else {
      return raisef(exc::TypeError, "sep must be str or bytes.");
    }
    int per;
    if (!argCInt(args[2], &per)) return Value();
    per_sep = per;
  }
  std::string data = selfCopy(args[0]);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  size_t n = data.size();
  size_t group = per_sep < 0 ? static_cast<size_t>(-per_sep) : static_cast<size_t>(per_sep);
  for (size_t i = 0; i < n; ++i) {
    if (sep_char != 0 && group > 0 && i > 0) {
      // Groups count from the right for a positive bytes_per_sep, from the
      // left for a negative one.
      bool boundary = per_sep > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out.push_back(sep_char);
    }
    auto c = static_cast<unsigned char>(data[i]);
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return newStr(out);
}

Value bytes_fromhex(Value* args) {
  Value cls = args[0], text = args[1];
  if (!isStr(text)) {
    return raisef(exc::TypeError, "fromhex() argument must be str, not %s", typeNameOf(text).c_str());
  }
  std::u32string s = strToUcs4(text);
  std::string out;
  size_t i = 0, n = s.size();
  while (i < n) {
    if (isAsciiSpace(s[i])) {
      ++i;
      continue;
    }
    int hi = hexDigit(s[i]);
    if (hi < 0) {
      return raisef(exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", i);
    }
    int lo = i + 1 < n ? hexDigit(s[i + 1]) : -1;
    if (lo < 0) {
      return raisef(exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", i + 1);
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  Type* type = static_cast<Type*>(cls.asObject());
  if (type == types::bytes_type) return newBytes(out);
  if (type == types::bytearray_type) return newByteArray(out.data(), static_cast<int64_t>(out.size()));
  Value base = isSubtype(type, types::bytearray_type) ? newByteArray(out.data(), static_cast<int64_t>(out.size()))
                                                      : newBytes(out);
  if (base.isNull()) return Value();
  return call1(cls, base);
}

Value bytes_translate(Value* args) {
  Value table = args[1], del = args[2];
  std::string table_data, del_data;
  bool has_table = !isNone(table);
  if (has_table) {
    if (!bufferArg(table, &table_data)) return Value();
    if (table_data.size() != 256) return raise(exc::ValueError, "translation table must be 256 characters long");
  }
  if (!del.isNull() && !bufferArg(del, &del_data)) return Value();
  bool deleted[256] = {};
  for (char c : del_data) deleted[static_cast<unsigned char>(c)] = true;
  std::string data = selfCopy(args[0]);
  std::string out;
  out.reserve(data.size());
  for (char c : data) {
    auto u = static_cast<unsigned char>(c);
    if (deleted[u]) continue;
    out.push_back(has_table ? table_data[u] : c);
  }
  if (out == data && !has_table && del_data.empty()) return unchangedLike(args[0], data);
  if (out == data) return unchangedLike(args[0], data);
  return makeLike(args[0], out);
}

Value bytes_maketrans(Value* args) {
  std::string frm, to;
  if (!bufferArg(args[0], &frm) || !bufferArg(args[1], &to)) return Value();
  if (frm.size() != to.size()) return raise(exc::ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < frm.size(); ++i) table[static_cast<unsigned char>(frm[i])] = to[i];
  return newBytes(table);
}

}  // namespace tern
