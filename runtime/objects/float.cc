// float: the C++ API of float.h and the `float` type with every slot and
// method of CPython 3.11.
//
// Arithmetic follows C doubles except where Python defines otherwise: floor
// division and modulo take the sign of the divisor (computed from fmod so
// that x == (x // y) * y + x % y as closely as doubles allow), division by
// zero raises, and pow has Python's special cases (a negative base with a
// fractional exponent gives a complex).  Comparisons with ints are exact
// (numbers_internal.h's compareIntDouble), never through a lossy conversion.
// round(x, n) rounds the exact binary value half-to-even with big integers,
// so round(2.675, 2) == 2.67 as in CPython.
#include "runtime/objects/float.h"

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/compiler/literals.h"
#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/format_spec.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/no_memory.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace bigint = objects::bigint;
using bigint::Limb;
using bigint::Mag;
using numbers::IntRef;
using numbers::Scratch;

namespace {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const uint32_t kFloatFields[] = {offsetof(FloatObj, ob_type)};
#pragma GCC diagnostic pop
const gc::Layout kFloatLayout = {.name = "float", .fields = kFloatFields};

Value newFloatOfType(Type* type, double d) {
  size_t size = type->basic_size == 0 ? sizeof(FloatObj) : type->basic_size;
  FloatObj* o = static_cast<FloatObj*>(newObject(type, size));
  o->value = d;
  return o;
}

}  // namespace

namespace {

// Parses float text (a str already transformed to ASCII, or bytes); false
// when it is not a float literal.
bool parseFloatText(std::string_view text, double* out) {
  std::string_view s = numbers::stripSpaces(text);
  std::string clean;
  if (s.find('_') != std::string_view::npos) {
    if (!numbers::removeUnderscores(s, &clean)) return false;
    s = clean;
  }
  if (s.empty()) return false;
  size_t n = numbers::parseDoublePrefix(s, out);
  return n != 0 && n == s.size();
}

Value floatFromText(Value x) {
  std::string text;
  if (isStr(x)) {
    text = numbers::numberTextFromStr(x);
  } else if (!numbers::bytesLikeData(x, &text)) {
    return Value();
  }
  double d;
  if (!parseFloatText(text, &d)) {
    Value r = repr(x);
    if (r.isNull()) return r;
    return raisef(exc::ValueError, "could not convert string to float: %s", strToUtf8(r).c_str());
  }
  return newFloat(d);
}

// PyNumber_Float without the exact-float shortcut; null on error.
bool numberAsDouble(Value v, double* out, bool allow_text) {
  if (v.isSmallInt()) {
    *out = static_cast<double>(v.asSmallInt());
    return true;
  }
  Type* t = typeOf(v);
  if (t == types::float_type) {
    *out = floatValue(v);
    return true;
  }
  if (t->slots.nb_float != nullptr) {
    Value r = t->slots.nb_float(v);
    if (r.isNull()) return false;
    if (!isFloat(r)) {
      raisef(exc::TypeError, "%s.__float__ returned non-float (type %s)", typeName(t).c_str(), typeNameOf(r).c_str());
      return false;
    }
    if (typeOf(r) != types::float_type && !numbers::warnStrictSubclassResult(typeName(t) + ".__float__", r, "float")) return false;
    *out = floatValue(r);
    return true;
  }
  if (t->slots.nb_index != nullptr) {
    Value i = index(v);
    if (i.isNull()) return false;
    return intToDouble(i, out);
  }
  if (allow_text && (isStr(v) || bytesLikeView(v, nullptr))) {  // any buffer exporter, as CPython
    Value f = floatFromText(v);
    if (f.isNull()) return false;
    *out = floatValue(f);
    return true;
  }
  if (allow_text) {
    raisef(exc::TypeError, "float() argument must be a string or a real number, not '%s'", typeNameOf(v).c_str());
  } else {
    raisef(exc::TypeError, "must be real number, not %s", typeNameOf(v).c_str());
  }
  return false;
}

}  // namespace

Value toFloat(Value v) {
  if (!v.isSmallInt() && typeOf(v) == types::float_type) return v;
  double d;
  if (!numberAsDouble(v, &d, true)) return Value();
  return newFloat(d);
}

bool asDouble(Value v, double* out) { return numberAsDouble(v, out, false); }

namespace {

// ===========================================================================
// Arithmetic

// The double value of an operand of a float slot: float or int; false with
// nothing pending for other types (the slot returns NotImplemented), false
// with OverflowError pending for an int too large.
enum class Conv { kOk, kNotImplemented, kError };
Conv toDoubleOperand(Value v, double* out) {
  if (isFloat(v)) {
    *out = floatValue(v);
    return Conv::kOk;
  }
  if (isInt(v)) return intToDouble(v, out) ? Conv::kOk : Conv::kError;
  return Conv::kNotImplemented;
}

#define TERN_FLOAT_OPERANDS(a, b)                                \
  double x, y;                                                   \
  {                                                              \
    Conv ca = toDoubleOperand(a, &x);                            \
    if (ca == Conv::kNotImplemented) return NotImplemented();    \
    Conv cb = toDoubleOperand(b, &y);                            \
    if (cb == Conv::kNotImplemented) return NotImplemented();    \
    if (ca == Conv::kError || cb == Conv::kError) return Value(); \
  }

Value float___add__(Value a, Value b) {
  TERN_FLOAT_OPERANDS(a, b)
  return newFloat(x + y);
}
Value float___sub__(Value a, Value b) {
  TERN_FLOAT_OPERANDS(a, b)
  return newFloat(x - y);
}
Value float___mul__(Value a, Value b) {
  TERN_FLOAT_OPERANDS(a, b)
  return newFloat(x * y);
}
Value float___truediv__(Value a, Value b) {
  TERN_FLOAT_OPERANDS(a, b)
  if (y == 0.0) return raise(exc::ZeroDivisionError, "float division by zero");
  return newFloat(x / y);
}

double floatMod(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

void floatDivmod(double x, double y, double* floordiv, double* mod) {
  double m = std::fmod(x, y);
  double div = (x - m) / y;
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) {
      m += y;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, y);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, x / y);
  }
  *floordiv = fd;
  *mod = m;
}

Value float___mod__(Value a, Value b) {
  TERN_FLOAT_OPERANDS(a, b)
  if (y == 0.0) return raise(exc::ZeroDivisionError, "float modulo");
  return newFloat(floatMod(x, y));
}
Value float___floordiv__(Value a, Value b) {
  TERN_FLOAT_OPERANDS(a, b)
  if (y == 0.0) return raise(exc::ZeroDivisionError, "float floor division by zero");
  double q, r;
  floatDivmod(x, y, &q, &r);
  return newFloat(q);
}
Value float___divmod__(Value a, Value b) {
  TERN_FLOAT_OPERANDS(a, b)
  if (y == 0.0) return raise(exc::ZeroDivisionError, "float divmod()");
  double q, r;
  floatDivmod(x, y, &q, &r);
  Value qv = newFloat(q);
  Value rv = newFloat(r);
  return newTupleOf({qv, rv});
}

Value float___pow__(Value a, Value b, Value m) {
  if (!isNone(m)) return raise(exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  TERN_FLOAT_OPERANDS(a, b)
  return numbers::floatPow(x, y);
}
#undef TERN_FLOAT_OPERANDS

Value float___neg__(Value a) { return newFloat(-floatValue(a)); }
Value float___pos__(Value a) {
  if (typeOf(a) == types::float_type) return a;
  return newFloat(floatValue(a));
}
Value float___abs__(Value a) { return newFloat(std::fabs(floatValue(a))); }
int float___bool__(Value a) { return floatValue(a) != 0.0; }
Value float___int__(Value a) { return numbers::intFromDouble(floatValue(a)); }
Value float___float__(Value a) { return float___pos__(a); }

// ===========================================================================
// Comparison, hash, repr

Value float_richcompare(Value a, Value b, int op) {
  if (!isFloat(a)) return NotImplemented();
  double x = floatValue(a);
  if (isFloat(b)) {
    double y = floatValue(b);
    switch (op) {
      case kLt: return Bool(x < y);
      case kLe: return Bool(x <= y);
      case kEq: return Bool(x == y);
      case kNe: return Bool(x != y);
      case kGt: return Bool(x > y);
      case kGe: return Bool(x >= y);
    }
    return NotImplemented();
  }
  if (isInt(b)) {
    int c = numbers::compareIntDouble(b, x);
    if (c != 2) c = -c;  // compareIntDouble gives sign(b - a)
    return numbers::compareResult(c, op);
  }
  return NotImplemented();
}

int64_t float___hash__(Value a) {
  double d = floatValue(a);
  int64_t nan_hash = std::isnan(d) ? gc::identityHash(a.asObject()) : 0;
  return objects::hash_double(d, nan_hash);
}

Value float___repr__(Value a) { return newStr(compiler::repr_float(floatValue(a))); }

// ===========================================================================
// float(x)

const MethodDef kFloatNewDef = {.name = "float", .signature = "($type, x=0.0, /)"};

Value float_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  // Keywords are for a subclass's own __init__ (CPython's rule).
  bool plain_init = type == types::float_type || type->slots.tp_init == types::float_type->slots.tp_init;
  if (plain_init && kwnames.isObject() && tupleLength(kwnames) > 0) {
    return raise(exc::TypeError, "float() takes no keyword arguments");
  }
  Value a[2];
  if (!bindArguments(&kFloatNewDef, typeValue(type), args, nargs, Value(), a)) return Value();
  Value f = toFloat(a[1]);
  if (f.isNull() || type == types::float_type) return f;
  return newFloatOfType(type, floatValue(f));
}

// ===========================================================================
// Exact helpers: a double as m * 2**e, and small big-integer arithmetic on
// C++-heap limb vectors.

struct BigNat {
  std::vector<Limb> limbs;
  size_t len = 0;
  Mag mag() const { return Mag(limbs.data(), len); }
};

BigNat bigFromU64(uint64_t v) {
  BigNat r;
  r.limbs.assign(1, v);
  r.len = v == 0 ? 0 : 1;
  return r;
}

BigNat bigMul(const BigNat& a, const BigNat& b) {
  BigNat r;
  r.limbs.assign(bigint::mul_size(a.mag(), b.mag()) + 1, 0);
  r.len = bigint::mul(bigint::Out(r.limbs), a.mag(), false, b.mag(), false).len;
  return r;
}

BigNat bigShl(const BigNat& a, uint64_t n) {
  BigNat r;
  r.limbs.assign(bigint::lshift_size(a.mag(), n) + 1, 0);
  r.len = bigint::lshift(bigint::Out(r.limbs), a.mag(), false, n).len;
  return r;
}

BigNat bigPow10(uint64_t n) {
  BigNat ten = bigFromU64(10);
  BigNat r;
  r.limbs.assign(bigint::pow_size(ten.mag(), n) + 1, 0);
  r.len = bigint::pow(bigint::Out(r.limbs), ten.mag(), false, n).len;
  return r;
}

// round-half-even(num / den), den > 0.
BigNat bigRoundDiv(const BigNat& num, const BigNat& den) {
  BigNat q, r;
  q.limbs.assign(bigint::floordiv_size(num.mag(), den.mag()) + 1, 0);
  r.limbs.assign(bigint::mod_size(num.mag(), den.mag()) + 1, 0);
  bigint::DivMod d = bigint::divmod(bigint::Out(q.limbs), bigint::Out(r.limbs), num.mag(), false, den.mag(), false);
  q.len = d.quotient.len;
  r.len = d.remainder.len;
  BigNat twice = bigShl(r, 1);
  int c = bigint::compare_magnitude(twice.mag(), den.mag());
  bool odd = q.len > 0 && (q.limbs[0] & 1) != 0;
  if (c > 0 || (c == 0 && odd)) {
    BigNat q1;
    q1.limbs.assign(q.len + 2, 0);
    q1.len = bigint::add_small(bigint::Out(q1.limbs), q.mag(), false, 1).len;
    return q1;
  }
  return q;
}

// |x| = m * 2**e with m an integer < 2**53 (x finite, non-zero).
void decompose(double x, uint64_t* m, int* e) {
  int ex;
  double f = std::frexp(std::fabs(x), &ex);
  *m = static_cast<uint64_t>(std::ldexp(f, 53));
  *e = ex - 53;
}

// round(x, ndigits) for finite x.
Value roundDouble(double x, int64_t ndigits) {
  if (x == 0.0 || !std::isfinite(x)) return newFloat(x);
  uint64_t m;
  int e;
  decompose(x, &m, &e);
  BigNat num = bigFromU64(m);
  BigNat den = bigFromU64(1);
  if (e > 0) num = bigShl(num, static_cast<uint64_t>(e));
  if (e < 0) den = bigShl(den, static_cast<uint64_t>(-e));
  double result;
  if (ndigits >= 0) {
    BigNat p = bigPow10(static_cast<uint64_t>(ndigits));
    BigNat q = bigRoundDiv(bigMul(num, p), den);
    bigint::Status st = bigint::true_divide(q.mag(), false, p.mag(), false, &result);
    if (st != bigint::Status::kOk) return raise(exc::OverflowError, "rounded value too large to represent");
  } else {
    BigNat p = bigPow10(static_cast<uint64_t>(-ndigits));
    BigNat q = bigRoundDiv(num, bigMul(den, p));
    BigNat v = bigMul(q, p);
    bigint::Status st = bigint::to_double(v.mag(), false, &result);
    if (st != bigint::Status::kOk || std::isinf(result)) {
      return raise(exc::OverflowError, "rounded value too large to represent");
    }
  }
  return newFloat(std::copysign(result, x));
}

// ===========================================================================
// Methods

Value float_conjugate(Value* args) { return float___pos__(args[0]); }

Value float___trunc__(Value* args) { return numbers::intFromDouble(floatValue(args[0])); }
Value float___floor__(Value* args) { return numbers::intFromDouble(std::floor(floatValue(args[0]))); }
Value float___ceil__(Value* args) { return numbers::intFromDouble(std::ceil(floatValue(args[0]))); }

Value float___round__(Value* args) {
  double x = floatValue(args[0]);
  Value nd = args[1];
  if (nd.isNull() || isNone(nd)) {
    double r = std::round(x);
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
    return numbers::intFromDouble(r);
  }
  int64_t n;
  if (!indexToInt64(nd, &n, nullptr)) return Value();
  if (n > 323) return newFloat(x);
  if (n < -308) return newFloat(0.0 * x);
  return roundDouble(x, n);
}

Value float_as_integer_ratio(Value* args) {
  double x = floatValue(args[0]);
  if (std::isinf(x)) return raise(exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return raise(exc::ValueError, "cannot convert NaN to integer ratio");
  if (x == 0.0) return newTupleOf({Value::fromSmallInt(0), Value::fromSmallInt(1)});
  uint64_t m;
  int e;
  decompose(x, &m, &e);
  int tz = __builtin_ctzll(m);
  m >>= tz;
  e += tz;
  BigNat num = bigFromU64(m), den = bigFromU64(1);
  if (e > 0) num = bigShl(num, static_cast<uint64_t>(e));
  if (e < 0) den = bigShl(den, static_cast<uint64_t>(-e));
  Value n = newIntFromMag(x < 0, num.mag());
  Value d = newIntFromMag(false, den.mag());
  return newTupleOf({n, d});
}

Value float_is_integer(Value* args) {
  double x = floatValue(args[0]);
  return Bool(std::isfinite(x) && std::floor(x) == x);
}

Value float_hex(Value* args) {
  double x = floatValue(args[0]);
  if (!std::isfinite(x)) return newStr(compiler::repr_float(x));
  if (x == 0.0) return newStr(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  // Normal numbers print as 0x1.hhh...p+e; subnormals as 0x0.hhh...p-1022.
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  static const char kHex[] = "0123456789abcdef";
  std::string s = std::signbit(x) ? "-0x" : "0x";
  int d = static_cast<int>(m);
  s.push_back(kHex[d]);
  m -= d;
  s.push_back('.');
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    d = static_cast<int>(m);
    s.push_back(kHex[d]);
    m -= d;
  }
  s.push_back('p');
  s += e >= 0 ? "+" : "-";
  s += std::to_string(e >= 0 ? e : -e);
  return newStr(s);
}

// float.fromhex(string)
Value parseHexFloat(std::string_view text) {
  auto invalid = [] { return raise(exc::ValueError, "invalid hexadecimal floating-point string"); };
  std::string_view s = numbers::stripSpaces(text);
  bool neg = false;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    ++i;
  }
  // inf / infinity / nan
  {
    double special;
    std::string_view rest = s.substr(i);
    if (!rest.empty() && (rest[0] == 'i' || rest[0] == 'I' || rest[0] == 'n' || rest[0] == 'N')) {
      size_t n = numbers::parseDoublePrefix(rest, &special);
      if (n == 0 || n != rest.size() || std::isfinite(special)) return invalid();
      return newFloat(neg ? -special : special);
    }
  }
  if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) i += 2;
  auto hexval = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string digits;
  int64_t frac_digits = 0;
  bool seen_point = false;
  size_t ndig = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (hexval(c) < 0) break;
    ++ndig;
    if (seen_point) ++frac_digits;
    digits.push_back(c);
  }
  if (ndig == 0) return invalid();
  int64_t exp = 0;
  if (i < s.size() && (s[i] == 'p' || s[i] == 'P')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      eneg = s[i] == '-';
      ++i;
    }
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return invalid();
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (exp < (int64_t{1} << 40)) exp = exp * 10 + (s[i] - '0');
    }
    if (eneg) exp = -exp;
  }
  if (i != s.size()) return invalid();
  // value = N * 2**bexp
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return newFloat(neg ? -0.0 : 0.0);
  digits.erase(0, first);
  int64_t bexp = exp - 4 * frac_digits;
  BigNat n;
  n.limbs.assign(bigint::from_digits_size(digits.size(), 16) + 1, 0);
  n.len = bigint::from_digits(bigint::Out(n.limbs), digits, 16).value.len;
  int64_t nbits = static_cast<int64_t>(bigint::bit_length(n.mag()));
  int64_t top = nbits - 1 + bexp;  // exponent of the leading bit
  if (top >= DBL_MAX_EXP) return raise(exc::OverflowError, "hexadecimal value too large to represent as a float");
  int64_t prec = top >= DBL_MIN_EXP - 1 ? DBL_MANT_DIG : DBL_MANT_DIG - ((DBL_MIN_EXP - 1) - top);
  int64_t sh = nbits - prec;  // bits to drop
  uint64_t mant;
  if (sh <= 0) {
    mant = n.limbs[0];
    sh = 0;
    if (nbits > 64) mant = 0;  // cannot happen: nbits <= prec <= 53
  } else {
    auto bit = [&](int64_t k) -> bool {
      if (k < 0 || k >= nbits) return false;
      return (n.limbs[static_cast<size_t>(k / 64)] >> (k % 64)) & 1;
    };
    auto any_below = [&](int64_t k) -> bool {  // any bit set in [0, k)
      for (int64_t w = 0; w * 64 < k; ++w) {
        uint64_t word = n.limbs[static_cast<size_t>(w)];
        if ((w + 1) * 64 > k) word &= (k % 64 == 0) ? ~uint64_t{0} : ((uint64_t{1} << (k % 64)) - 1);
        if (word != 0) return true;
      }
      return false;
    };
    mant = 0;
    for (int64_t k = nbits - 1; k >= sh; --k) mant = (mant << 1) | (bit(k) ? 1 : 0);
    bool half = bit(sh - 1);
    bool rest = any_below(sh - 1);
    if (half && (rest || (mant & 1))) ++mant;
  }
  if (mant == 0) return newFloat(neg ? -0.0 : 0.0);
  double v = std::ldexp(static_cast<double>(mant), static_cast<int>(bexp + sh));
  if (std::isinf(v)) return raise(exc::OverflowError, "hexadecimal value too large to represent as a float");
  return newFloat(neg ? -v : v);
}

Value float_fromhex(Value* args) {
  Value cls = args[0], s = args[1];
  if (!isStr(s)) return raisef(exc::TypeError, "fromhex() argument must be str, not %s", typeNameOf(s).c_str());
  Value r = parseHexFloat(strToUtf8(s));  // ASCII only: no Unicode digits or spaces, as CPython
  if (r.isNull() || static_cast<Type*>(cls.asObject()) == types::float_type) return r;
  return call1(cls, r);
}

Value float___getnewargs__(Value* args) {
  Value f = newFloat(floatValue(args[0]));
  return newTupleOf({f});
}

Value float___getformat__(Value* args) {
  Value s = args[1];
  if (!isStr(s)) return raisef(exc::TypeError, "__getformat__() argument must be str, not %s", typeNameOf(s).c_str());
  if (!strEqualsAscii(s, "double") && !strEqualsAscii(s, "float")) {
    return raise(exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  }
  return newStr("IEEE, little-endian");
}

Value float___format__(Value* args) {
  Value self = args[0], spec_v = args[1];
  if (!isStr(spec_v)) {
    return raisef(exc::TypeError, "__format__() argument must be str, not %s", typeNameOf(spec_v).c_str());
  }
  if (asStr(spec_v)->length == 0) return str(self);
  std::string error;
  auto parsed = objects::parse_float_spec(strToUtf8(spec_v), typeNameOf(self), &error);
  if (!parsed) return raise(exc::ValueError, error);
  if (!checkWidthFitsHeap(parsed->width)) return Value();
  return newStr(objects::format_float(floatValue(self), *parsed));
}

Value float_get_real(Value self) { return float___pos__(self); }
Value float_get_imag(Value) { return newFloat(0.0); }

// ===========================================================================
// The type

const MethodDef kFloatMethods[] = {
    {.name = "conjugate", .signature = "($self, /)", .fn = float_conjugate,
     .doc = "Return self, the complex conjugate of any float."},
    {.name = "__trunc__", .signature = "($self, /)", .fn = float___trunc__,
     .doc = "Return the Integral closest to x between 0 and x."},
    {.name = "__floor__", .signature = "($self, /)", .fn = float___floor__, .doc = "Return the floor as an Integral."},
    {.name = "__ceil__", .signature = "($self, /)", .fn = float___ceil__, .doc = "Return the ceiling as an Integral."},
    {.name = "__round__", .signature = "($self, ndigits=None, /)", .fn = float___round__,
     .doc = "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like "
            "built-in round(x, ndigits)."},
    {.name = "as_integer_ratio", .signature = "($self, /)", .fn = float_as_integer_ratio,
     .doc = "Return integer ratio: the smallest positive denominator giving the exact value.\n\n"
            ">>> (2.75).as_integer_ratio()\n(11, 4)"},
    {.name = "fromhex", .signature = "($type, string, /)", .fn = float_fromhex, .flags = method_flags::kClassMethod,
     .doc = "Create a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.8p1')\n3.0"},
    {.name = "hex", .signature = "($self, /)", .fn = float_hex,
     .doc = "Return a hexadecimal representation of a floating-point number.\n\n>>> (0.75).hex()\n'0x1.8000000000000p-1'"},
    {.name = "is_integer", .signature = "($self, /)", .fn = float_is_integer,
     .doc = "Return True if the float is an integer."},
    {.name = "__getnewargs__", .signature = "($self, /)", .fn = float___getnewargs__},
    {.name = "__getformat__", .signature = "($type, typestr, /)", .fn = float___getformat__,
     .flags = method_flags::kClassMethod,
     .doc = "You probably don't want to use this function.\n\n  typestr\n    Must be 'double' or 'float'.\n\nIt "
            "exists mainly to be used in Python's test suite.\n\nThis function returns whichever of 'unknown', 'IEEE, "
            "big-endian' or 'IEEE,\nlittle-endian' best describes the format of floating point numbers used by the "
            "C\ntype named by typestr."},
    {.name = "__format__", .signature = "($self, format_spec, /)", .fn = float___format__,
     .doc = "Formats the float according to format_spec."},
};

const GetSetDef kFloatGetSets[] = {
    {.name = "real", .get = float_get_real, .doc = "the real part of a complex number"},
    {.name = "imag", .get = float_get_imag, .doc = "the imaginary part of a complex number"},
};

const TypeSpec kFloatSpec = {
    .name = "float",
    .type = &types::float_type,
    .layout = &kFloatLayout,
    .basic_size = sizeof(FloatObj),
    .flags = type_flags::kBaseType | type_flags::kImmutable,
    .slots =
        {
            .tp_repr = float___repr__,
            .tp_hash = float___hash__,
            .tp_richcompare = float_richcompare,
            .tp_new = float_tp_new,
            .nb_add = float___add__,
            .nb_subtract = float___sub__,
            .nb_multiply = float___mul__,
            .nb_remainder = float___mod__,
            .nb_divmod = float___divmod__,
            .nb_floor_divide = float___floordiv__,
            .nb_true_divide = float___truediv__,
            .nb_power = float___pow__,
            .nb_negative = float___neg__,
            .nb_positive = float___pos__,
            .nb_absolute = float___abs__,
            .nb_bool = float___bool__,
            .nb_int = float___int__,
            .nb_float = float___float__,
        },
    .methods = kFloatMethods,
    .getsets = kFloatGetSets,
    .doc = "Convert a string or number to a floating point number, if possible.",
};
TERN_REGISTER_TYPE(kFloatSpec);

}  // namespace

// ===========================================================================
// float ** float (shared with int ** negative int)

namespace numbers {

Value floatPow(double iv, double iw) {
  auto is_odd_integer = [](double v) { return std::fmod(std::fabs(v), 2.0) == 1.0; };
  if (iw == 0.0) return newFloat(1.0);
  if (std::isnan(iv)) return newFloat(iv == 1.0 ? 1.0 : iv);
  if (std::isnan(iw)) return newFloat(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    double a = std::fabs(iv);
    if (a == 1.0) return newFloat(1.0);
    if ((iw > 0.0) == (a > 1.0)) return newFloat(std::fabs(iw));
    return newFloat(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return newFloat(odd ? iv : std::fabs(iv));
    return newFloat(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = is_odd_integer(iw);
    if (iw < 0.0) return raise(exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return newFloat(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) return complexPow(iv, 0.0, iw, 0.0);
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return newFloat(negate ? -1.0 : 1.0);
  errno = 0;
  double ix = std::pow(iv, iw);
  if (negate) ix = -ix;
  if (std::isinf(ix)) {
    Value code = Value::fromSmallInt(ERANGE);
    Value msg = newStr("Numerical result out of range");
    if (msg.isNull()) return msg;
    Value args = newTupleOf({code, msg});
    if (args.isNull()) return args;
    return raiseWithArgs(exc::OverflowError, args);
  }
  return newFloat(ix);
}

}  // namespace numbers


// IEEE 754 binary16 from a double, rounding half to even; false on overflow.
bool floatToHalf(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) {
    *out = sign | 0x7e00;
    return true;
  }
  double a = std::fabs(x);
  if (std::isinf(a)) {
    *out = sign | 0x7c00;
    return true;
  }
  if (a == 0) {
    *out = sign;
    return true;
  }
  int e;
  double m = std::frexp(a, &e);  // a = m * 2^e, 0.5 <= m < 1
  if (e < -13) {
    // Subnormal: units of 2^-24.
    double units = std::nearbyint(a * 16777216.0);  // ties to even (default rounding mode)
    *out = sign | static_cast<uint16_t>(units);  // units == 1024 rolls into the smallest normal
    return true;
  }
  // Normal: 11 significant bits.
  double frac = std::nearbyint(m * 2048.0);  // in [1024, 2048]
  if (frac == 2048.0) {
    frac = 1024.0;
    ++e;
  }
  int biased = e - 1 + 15;
  if (biased >= 31) return false;
  *out = sign | static_cast<uint16_t>(biased << 10) | static_cast<uint16_t>(static_cast<int>(frac) - 1024);
  return true;
}

double floatFromHalf(uint16_t h) {
  int sign = h >> 15;
  int exp = (h >> 10) & 0x1f;
  int frac = h & 0x3ff;
  double v;
  if (exp == 0) {
    v = std::ldexp(frac, -24);
  } else if (exp == 31) {
    v = frac == 0 ? INFINITY : NAN;
  } else {
    v = std::ldexp(frac + 1024, exp - 25);
  }
  return sign ? -v : v;
}

}  // namespace tern
