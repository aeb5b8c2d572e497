// int and bool: the C++ API of int.h, the `int` type with every slot and
// method of CPython 3.11, and `bool`.
//
// Representation (int.h): an exact int that fits the small-int range is a
// tagged Value; a bigger one is an IntObj of type int holding sign and
// magnitude in limbs.  True/False and instances of int subclasses are always
// IntObjs.  Every function that makes an exact int goes through newInt /
// newIntFromMag, which keep that invariant.
//
// Arithmetic: small operands take overflow-checked fast paths; everything
// else runs bigint.h's functions over IntRef views into a Scratch buffer,
// then newIntFromMag copies the result to the heap (numbers_internal.h).
#include "runtime/objects/int.h"

#include <charconv>
#include <clocale>
#include <locale.h>
#include <stdlib.h>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/compiler/literals.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_warnings.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/float.h"
#include "runtime/objects/format_spec.h"
#include "runtime/objects/native.h"
#include "runtime/objects/no_memory.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/unicode_props.h"

namespace tern {

using numbers::fromResult;
using numbers::IntRef;
using numbers::Scratch;
namespace bigint = objects::bigint;
using bigint::Limb;
using bigint::Mag;

// ===========================================================================
// Allocation and the C++ API

namespace {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const uint32_t kIntFields[] = {offsetof(IntObj, ob_type)};
#pragma GCC diagnostic pop
const gc::Layout kIntLayout = {.name = "int", .fields = kIntFields};

// A new IntObj of `type` (int, bool or a subclass) with the given sign and
// magnitude, whatever its size.  `mag` must not point into the heap.
IntObj* allocIntObj(Type* type, bool negative, Mag mag) {
  size_t n = mag.size();
  size_t item = type->item_size == 0 ? sizeof(Limb) : type->item_size;
  size_t basic = type->basic_size == 0 ? sizeof(IntObj) : type->basic_size;
  IntObj* o = static_cast<IntObj*>(newObject(type, basic + n * item));
  o->size = negative ? -static_cast<int64_t>(n) : static_cast<int64_t>(n);
  if (n > 0) std::memcpy(o->limbs(), mag.data(), n * sizeof(Limb));
  return o;
}

bool fitsSmall(int64_t n) { return n >= Value::kSmallIntMin && n <= Value::kSmallIntMax; }

}  // namespace

Value newIntObj(int64_t n) {
  Limb l = n < 0 ? static_cast<Limb>(0) - static_cast<Limb>(n) : static_cast<Limb>(n);
  return allocIntObj(types::int_type, n < 0, Mag(&l, 1));
}

Value newIntUnsigned(uint64_t n) {
  if (n <= static_cast<uint64_t>(Value::kSmallIntMax)) return Value::fromSmallInt(static_cast<int64_t>(n));
  Limb l = n;
  return allocIntObj(types::int_type, false, Mag(&l, 1));
}

Value newIntFromMag(bool negative, Mag mag) {
  size_t n = bigint::normalized_length(mag);
  mag = mag.first(n);
  if (n == 0) return Value::fromSmallInt(0);
  if (n == 1) {
    Limb l = mag[0];
    if (!negative && l <= static_cast<Limb>(Value::kSmallIntMax)) return Value::fromSmallInt(static_cast<int64_t>(l));
    if (negative && l <= static_cast<Limb>(Value::kSmallIntMax) + 1) {
      return Value::fromSmallInt(static_cast<int64_t>(static_cast<Limb>(0) - l));
    }
  }
  return allocIntObj(types::int_type, negative, mag);
}

Obj* newBoolSingleton(bool value) {
  Limb one = 1;
  Mag mag(&one, value ? 1 : 0);
  IntObj* o = static_cast<IntObj*>(newObjectOld(types::bool_type, sizeof(IntObj) + sizeof(Limb)));
  o->size = static_cast<int64_t>(mag.size());
  if (value) o->limbs()[0] = 1;
  return o;
}

size_t g_int_max_str_digits = bigint::kDefaultMaxStrDigits;

bool intToInt64(Value v, int64_t* out) {
  if (v.isSmallInt()) {
    *out = v.asSmallInt();
    return true;
  }
  IntRef r(v);
  if (bigint::to_int64(r.mag, r.neg, out)) return true;
  raise(exc::OverflowError, "Python int too large to convert to C long");
  return false;
}

int intSign(Value v) {
  if (v.isSmallInt()) {
    int64_t n = v.asSmallInt();
    return (n > 0) - (n < 0);
  }
  IntObj* o = static_cast<IntObj*>(v.asObject());
  return (o->size > 0) - (o->size < 0);
}

bool intToDouble(Value v, double* out) {
  if (v.isSmallInt()) {
    *out = static_cast<double>(v.asSmallInt());
    return true;
  }
  IntRef r(v);
  bigint::Status s = bigint::to_double(r.mag, r.neg, out);
  if (s != bigint::Status::kOk) {
    numbers::raiseStatus(s);
    return false;
  }
  return true;
}

std::string intToDecimal(Value v) {
  if (v.isSmallInt()) return std::to_string(v.asSmallInt());
  IntRef r(v);
  return bigint::to_string(r.mag, r.neg, 10);
}

// ===========================================================================
// Shared numeric helpers (numbers_internal.h)

namespace numbers {

Value raiseStatus(bigint::Status s) {
  bigint::StatusError e = bigint::status_error(s);
  std::string_view t = e.type;
  Type* type = exc::ValueError;
  if (t == "ZeroDivisionError") type = exc::ZeroDivisionError;
  else if (t == "OverflowError") type = exc::OverflowError;
  return raise(type, e.message);
}

Value compareResult(int c, int op) {
  if (c == 2) return Bool(op == kNe);  // unordered (a NaN): only != holds
  return Bool(orderingSatisfies(c, op));
}

int compareIntDouble(Value i, double d) {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  if (i.isSmallInt()) {
    int64_t n = i.asSmallInt();
    // Exact when |n| <= 2**53; otherwise compare through the integer part.
    if (n >= -(int64_t{1} << 53) && n <= (int64_t{1} << 53)) {
      double x = static_cast<double>(n);
      return (x > d) - (x < d);
    }
  }
  IntRef r(i);
  // Signs first.
  int isign = r.isZero() ? 0 : (r.neg ? -1 : 1);
  int dsign = (d > 0) - (d < 0);
  if (isign != dsign) return isign < dsign ? -1 : 1;
  if (isign == 0) return 0;
  // Same sign, both non-zero: compare with trunc(d) exactly, then the fraction.
  double t = std::trunc(d);
  double frac = d - t;
  Scratch s(bigint::from_double_size(t));
  bigint::Result tr = bigint::from_double(s.out(), t);
  int c = bigint::compare(r.mag, r.neg, s.mag(tr.value), tr.value.neg);
  if (c != 0) return c;
  return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

Value intFromDouble(double d) {
  if (d >= -4611686018427387904.0 && d < 4611686018427387904.0) {
    return Value::fromSmallInt(static_cast<int64_t>(d));
  }
  if (std::isnan(d)) return raise(exc::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise(exc::OverflowError, "cannot convert float infinity to integer");
  Scratch s(bigint::from_double_size(d));
  bigint::Result r = bigint::from_double(s.out(), d);
  if (!r.ok()) return raiseStatus(r.status);
  return fromResult(s, r.value);
}

Value intExact(Value v) {
  if (isExactInt(v)) return v;
  IntRef r(v);
  Scratch s(r.mag.size());
  if (!r.mag.empty()) std::memcpy(s.data(), r.mag.data(), r.mag.size() * sizeof(Limb));
  bool neg = r.neg;
  return newIntFromMag(neg, Mag(s.data(), r.mag.size()));
}

bool warnStrictSubclassResult(const std::string& method, Value r, const char* base) {
  std::string msg = method + " returned non-" + base + " (type " + typeNameOf(r) +
                    ").  The ability to return an instance of a strict subclass of " + base +
                    " is deprecated, and may be removed in a future version of Python.";
  return warn(exc::DeprecationWarning, msg);
}

std::string numberTextFromStr(Value s) {
  StrObj* o = asStr(s);
  std::string out;
  out.reserve(static_cast<size_t>(o->length));
  for (int64_t i = 0; i < o->length; ++i) {
    char32_t c = o->at(i);
    if (c < 128) {
      out.push_back(static_cast<char>(c));
    } else if (objects::unicode::is_space(c)) {
      out.push_back(' ');
    } else {
      int d = objects::unicode::decimal_value(c);
      out.push_back(d >= 0 ? static_cast<char>('0' + d) : '?');
    }
  }
  return out;
}

std::string_view stripSpaces(std::string_view s) {
  while (!s.empty() && isSpaceAscii(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpaceAscii(s.back())) s.remove_suffix(1);
  return s;
}

bool removeUnderscores(std::string_view s, std::string* out) {
  out->clear();
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (i == 0 || i + 1 >= s.size() || !digit(s[i - 1]) || !digit(s[i + 1])) return false;
      continue;
    }
    out->push_back(s[i]);
  }
  return true;
}

size_t parseDoublePrefix(std::string_view s, double* out) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    ++i;
  }
  auto lower_is = [&](size_t at, std::string_view word) {
    if (s.size() - at < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      char c = s[at + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != word[k]) return false;
    }
    return true;
  };
  if (lower_is(i, "infinity")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return i + 8;
  }
  if (lower_is(i, "inf")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return i + 3;
  }
  if (lower_is(i, "nan")) {
    *out = neg ? -NAN : NAN;
    return i + 3;
  }
  auto digit = [&](size_t at) { return at < s.size() && s[at] >= '0' && s[at] <= '9'; };
  size_t start = i;
  size_t ndig = 0;
  while (digit(i)) ++i, ++ndig;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (digit(i)) ++i, ++ndig;
  }
  if (ndig == 0) return 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (digit(j)) {
      while (digit(j)) ++j;
      i = j;
    }
  }
  // glibc's strtod is correctly rounded (and underflows to subnormals / zero,
  // overflows to infinity as Python wants); the text is validated above.
  // The C locale, whatever setlocale() says (Python's float() ignores LC_NUMERIC).
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  std::string text(s.substr(start, i - start));
  double v = strtod_l(text.c_str(), nullptr, c_locale);
  *out = neg ? -v : v;
  return i;
}

}  // namespace numbers

// ===========================================================================
// Parsing: int(str, base)

namespace {

// The repr of a str as an error message shows it (%.200R: 200 code points).
std::string truncatedRepr(Value v) {
  Value r = repr(v);
  if (r.isNull()) {
    clearError();
    return "?";
  }
  if (asStr(r)->length > 200) {
    r = strSubstring(r, 0, 200);
    if (r.isNull()) {
      clearError();
      return "?";
    }
  }
  return strToUtf8(r);
}

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Parses ASCII number text (already transformed and not yet stripped) in
// `base` (0 or 2..36).  Returns null without an exception when the text is
// not a valid literal; null with an exception for the digit limit.
Value parseIntText(std::string_view text, int base) {
  std::string_view s = numbers::stripSpaces(text);
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  bool prefixed = false;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb != 0 && (base == 0 || base == pb)) {
      base = pb;
      prefixed = true;
      s.remove_prefix(2);
    }
  }
  bool base0_decimal = false;
  if (base == 0) {
    base = 10;
    base0_decimal = true;
  }
  if (prefixed && !s.empty() && s[0] == '_') s.remove_prefix(1);
  std::string digits;
  digits.reserve(s.size());
  bool prev_digit = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      if (!prev_digit || i + 1 >= s.size()) return Value();
      prev_digit = false;
      continue;
    }
    if (digitValue(c) >= base) return Value();
    digits.push_back(c);
    prev_digit = true;
  }
  if (digits.empty() || !prev_digit) return Value();
  if (base0_decimal && digits[0] == '0') {
    for (char c : digits) {
      if (c != '0') return Value();
    }
  }
  if (bigint::base_has_digit_limit(base) && g_int_max_str_digits > 0) {
    std::string err = bigint::str_to_int_limit_error(digits.size(), base, g_int_max_str_digits);
    if (!err.empty()) return raise(exc::ValueError, err);
  }
  if (base == 10 && digits.size() <= 18) {
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return newInt(neg ? -v : v);
  }
  Scratch sc(bigint::from_digits_size(digits.size(), base));
  bigint::Result r = bigint::from_digits(sc.out(), digits, base);
  if (!r.ok()) return Value();
  return newIntFromMag(neg, sc.mag(r.value));
}

Value raiseInvalidLiteral(Value original, int base) {
  return raisef(exc::ValueError, "invalid literal for int() with base %d: %s", base, truncatedRepr(original).c_str());
}

// int(s, base) for a str, bytes or bytearray `x` (other buffers only convert
// without a base); null with an exception on error.
Value intFromTextObject(Value x, int base) {
  std::string text;
  if (isStr(x)) {
    text = numbers::numberTextFromStr(x);
  } else if (!(isBytes(x) || isByteArray(x)) || !numbers::bytesLikeData(x, &text)) {
    return raise(exc::TypeError, "int() can't convert non-string with explicit base");
  }
  Value r = parseIntText(text, base);
  if (r.isNull() && !errorPending()) return raiseInvalidLiteral(x, base);
  return r;
}

}  // namespace

Value intFromString(std::string_view text, int base) {
  Value s = newStr(text);
  if (s.isNull()) return Value();
  return intFromTextObject(s, base);
}

// ===========================================================================
// index() and int()

Value index(Value v) {
  if (isExactInt(v)) return v;
  if (isInt(v)) return numbers::intExact(v);
  UnaryFn f = typeOf(v)->slots.nb_index;
  if (f == nullptr) return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(v).c_str());
  Value r = f(v);
  if (r.isNull()) return r;
  if (isExactInt(r)) return r;
  if (!isInt(r)) return raisef(exc::TypeError, "__index__ returned non-int (type %s)", typeNameOf(r).c_str());
  if (!numbers::warnStrictSubclassResult("__index__", r, "int")) return Value();
  return numbers::intExact(r);
}

bool indexToInt64(Value v, int64_t* out, Type* overflow_error) {
  Value i = index(v);
  if (i.isNull()) return false;
  if (i.isSmallInt()) {
    *out = i.asSmallInt();
    return true;
  }
  IntRef r(i);
  if (bigint::to_int64(r.mag, r.neg, out)) return true;
  if (overflow_error == nullptr) {
    *out = r.neg ? INT64_MIN : INT64_MAX;
    return true;
  }
  raisef(overflow_error, "cannot fit '%s' into an index-sized integer", typeNameOf(v).c_str());
  return false;
}

namespace {

// PyNumber_Long: int(x) without a base.
Value intFromObject(Value x) {
  if (isExactInt(x)) return x;
  Type* t = typeOf(x);
  if (t->slots.nb_int != nullptr) {
    Value r = t->slots.nb_int(x);
    if (r.isNull() || isExactInt(r)) return r;
    if (!isInt(r)) return raisef(exc::TypeError, "__int__ returned non-int (type %s)", typeNameOf(r).c_str());
    if (!numbers::warnStrictSubclassResult("__int__", r, "int")) return Value();
    return numbers::intExact(r);
  }
  if (t->slots.nb_index != nullptr) return index(x);
  Value trunc = lookupSpecial(t, names::__trunc__);
  if (!trunc.isNull()) {
    if (!warn(exc::DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.")) return Value();
    bool found = false;
    Value r = callSpecial(x, names::__trunc__, nullptr, 0, &found);
    if (r.isNull()) return r;
    if (isInt(r)) return numbers::intExact(r);
    if (typeOf(r)->slots.nb_index == nullptr) {
      return raisef(exc::TypeError, "__trunc__ returned non-Integral (type %s)", typeNameOf(r).c_str());
    }
    return index(r);
  }
  if (errorPending()) return Value();
  if (isStr(x)) return intFromTextObject(x, 10);
  std::string bytes;
  if (numbers::bytesLikeData(x, &bytes)) {
    Value r = parseIntText(bytes, 10);
    if (r.isNull() && !errorPending()) return raiseInvalidLiteral(x, 10);
    return r;
  }
  return raisef(exc::TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                typeNameOf(x).c_str());
}

// An instance of the int subclass `type` with the value of the exact int v.
Value intSubtypeNew(Type* type, Value v) {
  IntRef r(v);
  Scratch s(r.mag.size());
  if (!r.mag.empty()) std::memcpy(s.data(), r.mag.data(), r.mag.size() * sizeof(Limb));
  bool neg = r.neg;
  return allocIntObj(type, neg, Mag(s.data(), r.mag.size()));
}

const MethodDef kIntNewDef = {.name = "int", .signature = "($type, x=<unrepresentable>, /, base=<unrepresentable>)"};

Value int_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bindArguments(&kIntNewDef, typeValue(type), args, nargs, kwnames, a)) return Value();
  Value x = a[1], base = a[2];
  Value r;
  if (x.isNull()) {
    if (!base.isNull()) return raise(exc::TypeError, "int() missing string argument");
    r = Value::fromSmallInt(0);
  } else if (base.isNull()) {
    r = intFromObject(x);
  } else {
    int64_t b;
    if (!indexToInt64(base, &b, nullptr)) return Value();
    if (b != 0 && (b < 2 || b > 36)) return raise(exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
    r = intFromTextObject(x, static_cast<int>(b));
  }
  if (r.isNull() || type == types::int_type) return r;
  return intSubtypeNew(type, r);
}

// ===========================================================================
// Arithmetic

bool bothInts(Value a, Value b) { return isInt(a) && isInt(b); }

Value intAdd(Value a, Value b) {
  if (a.isSmallInt() && b.isSmallInt()) return newInt(a.asSmallInt() + b.asSmallInt());
  IntRef x(a), y(b);
  Scratch s(bigint::add_size(x.mag, y.mag));
  return fromResult(s, bigint::add(s.out(), x.mag, x.neg, y.mag, y.neg));
}

Value intSub(Value a, Value b) {
  if (a.isSmallInt() && b.isSmallInt()) return newInt(a.asSmallInt() - b.asSmallInt());
  IntRef x(a), y(b);
  Scratch s(bigint::add_size(x.mag, y.mag));
  return fromResult(s, bigint::sub(s.out(), x.mag, x.neg, y.mag, y.neg));
}

Value intMul(Value a, Value b) {
  if (a.isSmallInt() && b.isSmallInt()) {
    int64_t r;
    if (!__builtin_mul_overflow(a.asSmallInt(), b.asSmallInt(), &r)) return newInt(r);
  }
  IntRef x(a), y(b);
  Scratch s(bigint::mul_size(x.mag, y.mag));
  return fromResult(s, bigint::mul(s.out(), x.mag, x.neg, y.mag, y.neg));
}

int64_t floorDivSmall(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t floorModSmall(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

Value intFloorDiv(Value a, Value b) {
  if (a.isSmallInt() && b.isSmallInt() && b.asSmallInt() != 0) {
    return newInt(floorDivSmall(a.asSmallInt(), b.asSmallInt()));
  }
  IntRef x(a), y(b);
  Scratch s(bigint::floordiv_size(x.mag, y.mag));
  bigint::Result r = bigint::floordiv(s.out(), x.mag, x.neg, y.mag, y.neg);
  if (!r.ok()) return numbers::raiseStatus(r.status);
  return fromResult(s, r.value);
}

Value intMod(Value a, Value b) {
  if (a.isSmallInt() && b.isSmallInt() && b.asSmallInt() != 0) {
    return newInt(floorModSmall(a.asSmallInt(), b.asSmallInt()));
  }
  IntRef x(a), y(b);
  Scratch s(bigint::mod_size(x.mag, y.mag));
  bigint::Result r = bigint::mod(s.out(), x.mag, x.neg, y.mag, y.neg);
  if (!r.ok()) return numbers::raiseStatus(r.status);
  return fromResult(s, r.value);
}

Value intDivmod(Value a, Value b) {
  Value q, r;
  if (a.isSmallInt() && b.isSmallInt() && b.asSmallInt() != 0) {
    q = newInt(floorDivSmall(a.asSmallInt(), b.asSmallInt()));
    r = newInt(floorModSmall(a.asSmallInt(), b.asSmallInt()));
  } else {
    IntRef x(a), y(b);
    Scratch sq(bigint::floordiv_size(x.mag, y.mag)), sr(bigint::mod_size(x.mag, y.mag));
    bigint::DivMod d = bigint::divmod(sq.out(), sr.out(), x.mag, x.neg, y.mag, y.neg);
    if (!d.ok()) return numbers::raiseStatus(d.status);
    q = fromResult(sq, d.quotient);
    r = fromResult(sr, d.remainder);
  }
  return newTupleOf({q, r});
}

Value intTrueDivide(Value a, Value b) {
  if (a.isSmallInt() && b.isSmallInt()) {
    int64_t x = a.asSmallInt(), y = b.asSmallInt();
    if (y == 0) return raise(exc::ZeroDivisionError, "division by zero");
    constexpr int64_t k53 = int64_t{1} << 53;
    if (x >= -k53 && x <= k53 && y >= -k53 && y <= k53) {
      return newFloat(static_cast<double>(x) / static_cast<double>(y));
    }
  }
  IntRef x(a), y(b);
  double d;
  bigint::Status st = bigint::true_divide(x.mag, x.neg, y.mag, y.neg, &d);
  if (st != bigint::Status::kOk) return numbers::raiseStatus(st);
  return newFloat(d);
}

Value intNegate(Value a) {
  if (a.isSmallInt()) return newInt(-a.asSmallInt());
  IntRef x(a);
  Scratch s(x.mag.size());
  if (!x.mag.empty()) std::memcpy(s.data(), x.mag.data(), x.mag.size() * sizeof(Limb));
  bool neg = !x.neg && !x.isZero();
  return newIntFromMag(neg, Mag(s.data(), x.mag.size()));
}

Value intAbs(Value a) {
  if (a.isSmallInt()) {
    int64_t n = a.asSmallInt();
    return newInt(n < 0 ? -n : n);
  }
  IntRef x(a);
  Scratch s(x.mag.size());
  if (!x.mag.empty()) std::memcpy(s.data(), x.mag.data(), x.mag.size() * sizeof(Limb));
  return newIntFromMag(false, Mag(s.data(), x.mag.size()));
}

Value intInvert(Value a) {
  if (a.isSmallInt()) return newInt(~a.asSmallInt());
  IntRef x(a);
  Scratch s(bigint::invert_size(x.mag));
  return fromResult(s, bigint::invert(s.out(), x.mag, x.neg));
}

// a ** e for e >= 0 (an exact int).
Value intPowNonNegative(Value a, Value e) {
  int64_t exp64;
  if (!e.isSmallInt()) {
    IntRef ex(e);
    if (!bigint::to_int64(ex.mag, false, &exp64)) {
      // Enormous exponent: only 0, 1 and -1 have a representable power.
      if (a.isSmallInt()) {
        int64_t base = a.asSmallInt();
        if (base == 0 || base == 1) return a;
        if (base == -1) return Value::fromSmallInt((ex.mag[0] & 1) ? -1 : 1);
      }
      return raiseNoMemory();
    }
  } else {
    exp64 = e.asSmallInt();
  }
  if (a.isSmallInt()) {
    int64_t base = a.asSmallInt();
    if (base == 0) return Value::fromSmallInt(exp64 == 0 ? 1 : 0);
    if (base == 1) return a;
    if (base == -1) return Value::fromSmallInt((exp64 & 1) ? -1 : 1);
    // Square-and-multiply with overflow checks.
    int64_t result = 1, b = base;
    uint64_t n = static_cast<uint64_t>(exp64);
    bool overflow = false;
    while (true) {
      if (n & 1) {
        if (__builtin_mul_overflow(result, b, &result)) {
          overflow = true;
          break;
        }
      }
      n >>= 1;
      if (n == 0) break;
      if (__builtin_mul_overflow(b, b, &b)) {
        overflow = true;
        break;
      }
    }
    if (!overflow) return newInt(result);
  }
  IntRef x(a);
  size_t size = bigint::pow_size(x.mag, static_cast<uint64_t>(exp64));
  if (size == 0) return raiseNoMemory();
  Scratch s(size);
  if (!s.ok()) return raiseNoMemory();
  return fromResult(s, bigint::pow(s.out(), x.mag, x.neg, static_cast<uint64_t>(exp64)));
}

Value intPow(Value a, Value b, Value m) {
  if (!isNone(m)) {
    if (!isInt(m)) return NotImplemented();
    IntRef x(a), y(b), z(m);
    Scratch s(bigint::powmod_size(z.mag));
    bigint::Result r = bigint::powmod(s.out(), x.mag, x.neg, y.mag, y.neg, z.mag, z.neg);
    if (!r.ok()) return numbers::raiseStatus(r.status);
    return fromResult(s, r.value);
  }
  if (intSign(b) < 0) {
    double x, y;
    if (!intToDouble(a, &x) || !intToDouble(b, &y)) return Value();
    return numbers::floatPow(x, y);
  }
  return intPowNonNegative(a, b);
}

// Shift counts beyond this many bits are refused up front (the result would
// need more memory than the machine has).
constexpr uint64_t kMaxShiftBits = uint64_t{1} << 38;

Value intLshift(Value a, Value b) {
  if (intSign(b) < 0) return raise(exc::ValueError, "negative shift count");
  if (intSign(a) == 0) return Value::fromSmallInt(0);
  int64_t n;
  {
    IntRef count(b);
    if (!bigint::to_int64(count.mag, false, &n)) return raise(exc::OverflowError, "too many digits in integer");
  }
  if (n > static_cast<int64_t>(kMaxShiftBits)) return raiseNoMemory();
  if (a.isSmallInt() && n < 62) {
    int64_t v = a.asSmallInt();
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(v) << n);
    if ((r >> n) == v && fitsSmall(r)) return Value::fromSmallInt(r);
  }
  IntRef x(a);
  Scratch s(bigint::lshift_size(x.mag, static_cast<uint64_t>(n)));
  if (!s.ok()) return raiseNoMemory();
  return fromResult(s, bigint::lshift(s.out(), x.mag, x.neg, static_cast<uint64_t>(n)));
}

Value intRshift(Value a, Value b) {
  int sb = intSign(b);
  if (sb < 0) return raise(exc::ValueError, "negative shift count");
  if (!b.isSmallInt()) return Value::fromSmallInt(intSign(a) < 0 ? -1 : 0);
  int64_t n = b.asSmallInt();
  if (a.isSmallInt()) {
    int64_t v = a.asSmallInt();
    return Value::fromSmallInt(n >= 63 ? (v < 0 ? -1 : 0) : (v >> n));
  }
  IntRef x(a);
  Scratch s(bigint::rshift_size(x.mag, static_cast<uint64_t>(n)));
  return fromResult(s, bigint::rshift(s.out(), x.mag, x.neg, static_cast<uint64_t>(n)));
}

enum class BitOp { kAnd, kOr, kXor };

Value intBitwise(Value a, Value b, BitOp op) {
  if (a.isSmallInt() && b.isSmallInt()) {
    int64_t x = a.asSmallInt(), y = b.asSmallInt();
    return Value::fromSmallInt(op == BitOp::kAnd ? (x & y) : op == BitOp::kOr ? (x | y) : (x ^ y));
  }
  IntRef x(a), y(b);
  Scratch s(bigint::bitwise_size(x.mag, y.mag));
  bigint::Int r = op == BitOp::kAnd  ? bigint::bit_and(s.out(), x.mag, x.neg, y.mag, y.neg)
                  : op == BitOp::kOr ? bigint::bit_or(s.out(), x.mag, x.neg, y.mag, y.neg)
                                     : bigint::bit_xor(s.out(), x.mag, x.neg, y.mag, y.neg);
  return fromResult(s, r);
}

// --- the nb_ slots: NotImplemented unless both operands are ints ---

#define TERN_INT_BINARY_SLOT(slot, impl)                      \
  Value slot(Value a, Value b) {                              \
    if (!bothInts(a, b)) return NotImplemented();             \
    return impl(a, b);                                        \
  }
TERN_INT_BINARY_SLOT(int___add__, intAdd)
TERN_INT_BINARY_SLOT(int___sub__, intSub)
TERN_INT_BINARY_SLOT(int___mul__, intMul)
TERN_INT_BINARY_SLOT(int___floordiv__, intFloorDiv)
TERN_INT_BINARY_SLOT(int___mod__, intMod)
TERN_INT_BINARY_SLOT(int___divmod__, intDivmod)
TERN_INT_BINARY_SLOT(int___truediv__, intTrueDivide)
TERN_INT_BINARY_SLOT(int___lshift__, intLshift)
TERN_INT_BINARY_SLOT(int___rshift__, intRshift)
#undef TERN_INT_BINARY_SLOT

Value int___and__(Value a, Value b) { return bothInts(a, b) ? intBitwise(a, b, BitOp::kAnd) : NotImplemented(); }
Value int___or__(Value a, Value b) { return bothInts(a, b) ? intBitwise(a, b, BitOp::kOr) : NotImplemented(); }
Value int___xor__(Value a, Value b) { return bothInts(a, b) ? intBitwise(a, b, BitOp::kXor) : NotImplemented(); }

Value int___pow__(Value a, Value b, Value m) {
  if (!bothInts(a, b)) return NotImplemented();
  return intPow(a, b, m);
}

Value int___neg__(Value a) { return intNegate(a); }
Value int___pos__(Value a) { return numbers::intExact(a); }
Value int___abs__(Value a) { return intAbs(a); }
Value int___invert__(Value a) { return intInvert(a); }
int int___bool__(Value a) { return intSign(a) != 0; }
Value int___int__(Value a) { return numbers::intExact(a); }
Value int___float__(Value a) {
  double d;
  if (!intToDouble(a, &d)) return Value();
  return newFloat(d);
}

// ===========================================================================
// Comparison, hash, repr

Value int_richcompare(Value a, Value b, int op) {
  if (!bothInts(a, b)) return NotImplemented();
  int c;
  if (a.isSmallInt() && b.isSmallInt()) {
    int64_t x = a.asSmallInt(), y = b.asSmallInt();
    c = (x > y) - (x < y);
  } else {
    IntRef x(a), y(b);
    c = bigint::compare(x.mag, x.neg, y.mag, y.neg);
  }
  return numbers::compareResult(c, op);
}

int64_t int___hash__(Value a) {
  IntRef x(a);
  return bigint::hash(x.mag, x.neg);
}

// The digits of |v| in `base`, or an empty string with ValueError pending
// when the decimal digit limit forbids the conversion.
bool intDigits(Value v, int base, std::string* out, bool* negative) {
  if (v.isSmallInt()) {  // far below the digit limit
    int64_t n = v.asSmallInt();
    *negative = n < 0;
    char buf[72];
    uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    out->assign(buf, std::to_chars(buf, buf + sizeof buf, magnitude, base).ptr);
    return true;
  }
  IntRef x(v);
  *negative = x.neg;
  if (bigint::base_has_digit_limit(base) && g_int_max_str_digits > 0 && x.mag.size() > 3 &&
      bigint::int_to_str_exceeds_limit(x.mag, base, g_int_max_str_digits)) {
    raise(exc::ValueError, bigint::int_to_str_limit_error(g_int_max_str_digits));
    return false;
  }
  *out = bigint::to_string(x.mag, false, base);
  return true;
}

Value int___repr__(Value a) {
  if (a.isSmallInt()) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, a.asSmallInt());
    return newStr(std::string_view(buf, static_cast<size_t>(end - buf)));
  }
  std::string digits;
  bool neg;
  if (!intDigits(a, 10, &digits, &neg)) return Value();
  if (neg) digits.insert(digits.begin(), '-');
  return newStr(digits);
}

// ===========================================================================
// Methods

Value int_conjugate(Value* args) { return numbers::intExact(args[0]); }

Value int_bit_length(Value* args) {
  IntRef x(args[0]);
  return newIntUnsigned(bigint::bit_length(x.mag));
}

Value int_bit_count(Value* args) {
  IntRef x(args[0]);
  return newIntUnsigned(bigint::bit_count(x.mag));
}

Value int_as_integer_ratio(Value* args) {
  Value n = numbers::intExact(args[0]);
  if (n.isNull()) return n;
  return newTupleOf({n, Value::fromSmallInt(1)});
}

Value int___getnewargs__(Value* args) {
  Value n = numbers::intExact(args[0]);
  if (n.isNull()) return n;
  return newTupleOf({n});
}

Value int___sizeof__(Value* args) {
  // CPython's layout: a 24-byte header and 30-bit digits, at least one.
  IntRef x(args[0]);
  uint64_t bits = bigint::bit_length(x.mag);
  uint64_t digits = bits == 0 ? 1 : (bits + 29) / 30;
  int64_t extra = 0;
  if (!args[0].isSmallInt()) {
    Type* t = typeOf(args[0]);
    if (t != types::int_type && t != types::bool_type && t->basic_size > sizeof(IntObj)) extra = t->basic_size - sizeof(IntObj);
  }
  return newInt(static_cast<int64_t>(24 + 4 * digits) + extra);
}

Value int___trunc__(Value* args) { return numbers::intExact(args[0]); }

Value int___round__(Value* args) {
  Value self = args[0], nd = args[1];
  if (nd.isNull() || isNone(nd)) return numbers::intExact(self);
  Value n = index(nd);
  if (n.isNull()) return n;
  if (intSign(n) >= 0) return numbers::intExact(self);
  // Round half to even to a multiple of 10**-n.
  Value k = intNegate(n);
  if (k.isNull()) return k;
  if (!k.isSmallInt() || k.asSmallInt() > (int64_t{1} << 40)) return Value::fromSmallInt(0);
  Value p = intPowNonNegative(Value::fromSmallInt(10), k);
  if (p.isNull()) return p;
  Value qr = intDivmod(self, p);
  if (qr.isNull()) return qr;
  Value q = tupleItem(qr, 0), r = tupleItem(qr, 1);
  Value twice = intAdd(r, r);
  if (twice.isNull()) return twice;
  IntRef tw(twice), pp(p);
  int c = bigint::compare(tw.mag, false, pp.mag, false);
  bool q_odd = intSign(intBitwise(q, Value::fromSmallInt(1), BitOp::kAnd)) != 0;
  if (c > 0 || (c == 0 && q_odd)) {
    q = intAdd(q, Value::fromSmallInt(1));
    if (q.isNull()) return q;
  }
  return intMul(q, p);
}

Value int___format__(Value* args) {
  Value self = args[0], spec_v = args[1];
  if (!isStr(spec_v)) {
    return raisef(exc::TypeError, "__format__() argument must be str, not %s", typeNameOf(spec_v).c_str());
  }
  if (asStr(spec_v)->length == 0) return str(self);
  std::string spec = strToUtf8(spec_v);
  std::string error;
  auto parsed = objects::parse_int_spec(spec, typeNameOf(self), &error);
  if (!parsed) return raise(exc::ValueError, error);
  if (!checkWidthFitsHeap(parsed->width)) return Value();
  if (objects::int_spec_is_float_type(*parsed)) {
    double d;
    if (!intToDouble(self, &d)) return Value();
    return newStr(objects::format_float(d, *parsed));
  }
  if (parsed->type == U'c') {
    int64_t cp;
    bool ok = true;
    {
      IntRef x(self);
      ok = bigint::to_int64(x.mag, x.neg, &cp);
    }
    if (!ok || cp < 0 || cp >= 0x110000) return raise(exc::OverflowError, "%c arg not in range(0x110000)");
    return newStr(objects::format_int_char(static_cast<char32_t>(cp), *parsed));
  }
  int base = 10;
  switch (parsed->type) {
    case U'b': base = 2; break;
    case U'o': base = 8; break;
    case U'x':
    case U'X': base = 16; break;
    default: base = 10; break;
  }
  std::string digits;
  bool neg;
  if (!intDigits(self, base, &digits, &neg)) return Value();
  return newStr(objects::format_int(neg, digits, *parsed));
}

// to_bytes(length=1, byteorder='big', *, signed=False)
bool parseByteorder(Value v, bool* little) {
  if (!isStr(v)) {
    raisef(exc::TypeError, "to_bytes() argument 'byteorder' must be str, not %s", typeNameOf(v).c_str());
    return false;
  }
  if (strEqualsAscii(v, "little")) {
    *little = true;
  } else if (strEqualsAscii(v, "big")) {
    *little = false;
  } else {
    raise(exc::ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

}  // namespace

// Defined with bytes support below (needs the bytes type's API).
Value intToBytesImpl(Value self, int64_t length, bool little, bool is_signed);
Value intFromBytesImpl(Type* type, Value bytes, bool little, bool is_signed);

namespace {

Value int_to_bytes(Value* args) {
  int64_t length;
  if (!indexToInt64(args[1], &length, exc::OverflowError)) return Value();
  if (length < 0) return raise(exc::ValueError, "length argument must be non-negative");
  bool little;
  if (!parseByteorder(args[2], &little)) return Value();
  int is_signed = isTrue(args[3]);
  if (is_signed < 0) return Value();
  return intToBytesImpl(args[0], length, little, is_signed != 0);
}

Value int_from_bytes(Value* args) {
  bool little;
  if (!parseByteorder(args[2], &little)) return Value();
  int is_signed = isTrue(args[3]);
  if (is_signed < 0) return Value();
  return intFromBytesImpl(static_cast<Type*>(args[0].asObject()), args[1], little, is_signed != 0);
}

// --- getsets ---
Value int_get_real(Value self) { return numbers::intExact(self); }
Value int_get_imag(Value) { return Value::fromSmallInt(0); }
Value int_get_denominator(Value) { return Value::fromSmallInt(1); }

// ===========================================================================
// bool

Value bool___repr__(Value v) { return newStr(intSign(v) != 0 ? "True" : "False"); }

const MethodDef kBoolNewDef = {.name = "bool", .signature = "($type, o=False, /)"};

Value bool_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames.isObject() && tupleLength(kwnames) > 0) return raise(exc::TypeError, "bool() takes no keyword arguments");
  Value a[2];
  if (!bindArguments(&kBoolNewDef, typeValue(type), args, nargs, kwnames, a)) return Value();
  int t = isTrue(a[1]);
  if (t < 0) return Value();
  return Bool(t != 0);
}

Value bool___and__(Value a, Value b) {
  if (isBool(a) && isBool(b)) return Bool(a == True() && b == True());
  return int___and__(a, b);
}
Value bool___or__(Value a, Value b) {
  if (isBool(a) && isBool(b)) return Bool(a == True() || b == True());
  return int___or__(a, b);
}
Value bool___xor__(Value a, Value b) {
  if (isBool(a) && isBool(b)) return Bool((a == True()) != (b == True()));
  return int___xor__(a, b);
}

// ===========================================================================
// The type tables

const MethodDef kIntMethods[] = {
    {.name = "conjugate", .signature = "($self, /)", .fn = int_conjugate, .doc = "Returns self, the complex conjugate of any int."},
    {.name = "bit_length", .signature = "($self, /)", .fn = int_bit_length,
     .doc = "Number of bits necessary to represent self in binary.\n\n>>> (-37).bit_length()\n6"},
    {.name = "bit_count", .signature = "($self, /)", .fn = int_bit_count,
     .doc = "Number of ones in the binary representation of the absolute value of self.\n\n>>> (-7).bit_count()\n3"},
    {.name = "to_bytes", .signature = "($self, /, length=1, byteorder='big', *, signed=False)", .fn = int_to_bytes,
     .doc = "Return an array of bytes representing an integer."},
    {.name = "from_bytes", .signature = "($type, /, bytes, byteorder='big', *, signed=False)", .fn = int_from_bytes,
     .flags = method_flags::kClassMethod, .doc = "Return the integer represented by the given array of bytes."},
    {.name = "as_integer_ratio", .signature = "($self, /)", .fn = int_as_integer_ratio,
     .doc = "Return integer ratio: the int itself and 1.\n\n>>> (-12).as_integer_ratio()\n(-12, 1)"},
    {.name = "__trunc__", .signature = "($self, /)", .fn = int___trunc__, .doc = "Truncating an Integral returns itself."},
    {.name = "__floor__", .signature = "($self, /)", .fn = int___trunc__, .doc = "Flooring an Integral returns itself."},
    {.name = "__ceil__", .signature = "($self, /)", .fn = int___trunc__, .doc = "Ceiling of an Integral returns itself."},
    {.name = "__round__", .signature = "($self, ndigits=<unrepresentable>, /)", .fn = int___round__,
     .doc = "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {.name = "__getnewargs__", .signature = "($self, /)", .fn = int___getnewargs__},
    {.name = "__format__", .signature = "($self, format_spec, /)", .fn = int___format__,
     .doc = "Convert to a string according to format_spec."},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = int___sizeof__,
     .doc = "Returns size in memory, in bytes."},
};

const GetSetDef kIntGetSets[] = {
    {.name = "real", .get = int_get_real, .doc = "the real part of a complex number"},
    {.name = "imag", .get = int_get_imag, .doc = "the imaginary part of a complex number"},
    {.name = "numerator", .get = int_get_real, .doc = "the numerator of a rational number in lowest terms"},
    {.name = "denominator", .get = int_get_denominator, .doc = "the denominator of a rational number in lowest terms"},
};

const TypeSpec kIntSpec = {
    .name = "int",
    .type = &types::int_type,
    .layout = &kIntLayout,
    .basic_size = sizeof(IntObj),
    .item_size = sizeof(Limb),
    .flags = type_flags::kBaseType | type_flags::kIntSubclass | type_flags::kImmutable,
    .slots =
        {
            .tp_repr = int___repr__,
            .tp_hash = int___hash__,
            .tp_richcompare = int_richcompare,
            .tp_new = int_tp_new,
            .nb_add = int___add__,
            .nb_subtract = int___sub__,
            .nb_multiply = int___mul__,
            .nb_remainder = int___mod__,
            .nb_divmod = int___divmod__,
            .nb_lshift = int___lshift__,
            .nb_rshift = int___rshift__,
            .nb_and = int___and__,
            .nb_xor = int___xor__,
            .nb_or = int___or__,
            .nb_floor_divide = int___floordiv__,
            .nb_true_divide = int___truediv__,
            .nb_power = int___pow__,
            .nb_negative = int___neg__,
            .nb_positive = int___pos__,
            .nb_absolute = int___abs__,
            .nb_invert = int___invert__,
            .nb_bool = int___bool__,
            .nb_int = int___int__,
            .nb_float = int___float__,
            .nb_index = int___int__,
        },
    .methods = kIntMethods,
    .getsets = kIntGetSets,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no "
           "arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates "
           "towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray "
           "instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and "
           "be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to "
           "interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4",
};
TERN_REGISTER_TYPE(kIntSpec);

// bool is not an acceptable base type: no kBaseType.
const TypeSpec kBoolSpec = {
    .name = "bool",
    .type = &types::bool_type,
    .base = &types::int_type,
    .flags = type_flags::kIntSubclass | type_flags::kImmutable,
    .slots =
        {
            .tp_repr = bool___repr__,
            .tp_new = bool_tp_new,
            .nb_and = bool___and__,
            .nb_xor = bool___xor__,
            .nb_or = bool___or__,
        },
    .doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are "
           "the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be "
           "subclassed.",
};
TERN_REGISTER_TYPE(kBoolSpec);

}  // namespace

// ===========================================================================
// Bytes conversions

namespace numbers {

bool bytesLikeData(Value v, std::string* out) {
  std::string_view view;
  if (!bytesLikeView(v, &view)) return false;
  out->assign(view.data(), view.size());
  return true;
}

}  // namespace numbers

Value intToBytesImpl(Value self, int64_t length, bool little, bool is_signed) {
  // The bytes first, as CPython: a length no bytes can have is OverflowError
  // or MemoryError before any conversion.
  BytesObj* out = allocBytes(length);
  if (out == nullptr) return Value();
  bigint::Status st;
  {
    IntRef x(self);
    st = bigint::to_bytes(reinterpret_cast<uint8_t*>(out->data()), static_cast<size_t>(length), x.mag, x.neg, little,
                          is_signed);
  }
  if (st != bigint::Status::kOk) return numbers::raiseStatus(st);
  return Value(out);
}

Value intFromBytesImpl(Type* type, Value bytes, bool little, bool is_signed) {
  // PyObject_Bytes: a str or an int is not converted (bytes(5) would be five zeros).
  if (isStr(bytes) || isInt(bytes)) {
    return raisef(exc::TypeError, "cannot convert '%s' object to bytes", typeNameOf(bytes).c_str());
  }
  Value b = bytesFromObject(bytes);
  if (b.isNull()) return b;
  std::string data(asBytes(b)->view());
  Scratch s(bigint::from_bytes_size(data.size()));
  bigint::Int r = bigint::from_bytes(s.out(), std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(data.data()), data.size()),
                                     little, is_signed);
  Value v = fromResult(s, r);
  if (v.isNull() || type == types::int_type) return v;
  return call1(typeValue(type), v);
}

}  // namespace tern
