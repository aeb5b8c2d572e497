// complex: the C++ API of complex.h and the `complex` type with every slot
// and method of CPython 3.11.
//
// Division uses the scaled algorithm (Smith's) that CPython uses, so results
// agree to the last bit; integer powers up to 100 in magnitude multiply by
// repeated squaring, other powers go through polar form.  A result with an
// infinite part from pow raises OverflowError, as CPython's errno checks do.
#include "runtime/objects/complex.h"

#include <cerrno>
#include <cmath>
#include <string>

#include "runtime/compiler/literals.h"
#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/float.h"
#include "runtime/objects/format_spec.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/no_memory.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const uint32_t kComplexFields[] = {offsetof(ComplexObj, ob_type)};
constexpr uint32_t kRealOffset = offsetof(ComplexObj, real);
constexpr uint32_t kImagOffset = offsetof(ComplexObj, imag);
#pragma GCC diagnostic pop
const gc::Layout kComplexLayout = {.name = "complex", .fields = kComplexFields};

struct C {
  double re, im;
};

Value newComplexOfType(Type* type, double re, double im) {
  size_t size = type->basic_size == 0 ? sizeof(ComplexObj) : type->basic_size;
  ComplexObj* o = static_cast<ComplexObj*>(newObject(type, size));
  o->real = re;
  o->imag = im;
  return o;
}

Value fromC(C c) { return newComplex(c.re, c.im); }

C cAdd(C a, C b) { return {a.re + b.re, a.im + b.im}; }
C cSub(C a, C b) { return {a.re - b.re, a.im - b.im}; }
C cMul(C a, C b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// a / b; *zero set when b == 0.
C cQuot(C a, C b, bool* zero) {
  *zero = false;
  double abs_br = std::fabs(b.re), abs_bi = std::fabs(b.im);
  if (abs_br >= abs_bi) {
    if (abs_br == 0.0) {
      *zero = true;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abs_bi >= abs_br) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};  // at least one NaN among the parts of b
}

// Errors of pow: EDOM (0 to a negative or complex power), ERANGE (overflow).
C cPowGeneral(C a, C b, int* err) {
  if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
  if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) *err = EDOM;
    return {0.0, 0.0};
  }
  double vabs = std::hypot(a.re, a.im);
  double len = std::pow(vabs, b.re);
  double at = std::atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

C cPowU(C x, long n) {
  C r = {1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = cMul(r, p);
    mask <<= 1;
    p = cMul(p, p);
  }
  return r;
}

C cPowI(C x, long n, int* err) {
  if (n > 0) return cPowU(x, n);
  bool zero;
  C r = cQuot({1.0, 0.0}, cPowU(x, -n), &zero);
  if (zero) *err = EDOM;
  return r;
}

Value complexPowC(C a, C b) {
  int err = 0;
  C p;
  if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0) {
    p = cPowI(a, static_cast<long>(b.re), &err);
  } else {
    p = cPowGeneral(a, b, &err);
  }
  if (err == 0 && (std::isinf(p.re) || std::isinf(p.im))) err = ERANGE;
  if (err == EDOM) return raise(exc::ZeroDivisionError, "0.0 to a negative or complex power");
  if (err == ERANGE) return raise(exc::OverflowError, "complex exponentiation");
  return fromC(p);
}

}  // namespace

Value newComplex(double real, double imag) {
  ComplexObj* o = static_cast<ComplexObj*>(newObject(types::complex_type, sizeof(ComplexObj)));
  o->real = real;
  o->imag = imag;
  return o;
}

Value complexPow(double ar, double ai, double br, double bi) { return complexPowC({ar, ai}, {br, bi}); }

namespace {

// __complex__ looked up on the type: the result (a complex), null with no
// exception when there is none, null with one on error.
Value tryComplexSpecial(Value v) {
  Value f = lookupSpecial(typeOf(v), names::dunder_complex);
  if (f.isNull()) return Value();
  bool found = false;
  Value r = callSpecial(v, names::dunder_complex, nullptr, 0, &found);
  if (r.isNull()) return r;
  if (!isComplex(r)) return raisef(exc::TypeError, "__complex__ returned non-complex (type %s)", typeNameOf(r).c_str());
  if (typeOf(r) != types::complex_type && !numbers::warnStrictSubclassResult("__complex__", r, "complex")) return Value();
  return r;
}

}  // namespace

bool asComplexParts(Value v, double* real, double* imag) {
  if (isComplex(v)) {
    *real = asComplex(v)->real;
    *imag = asComplex(v)->imag;
    return true;
  }
  Value c = tryComplexSpecial(v);
  if (!c.isNull()) {
    *real = asComplex(c)->real;
    *imag = asComplex(c)->imag;
    return true;
  }
  if (errorPending()) return false;
  *imag = 0.0;
  return asDouble(v, real);
}

namespace {

// ===========================================================================
// Arithmetic

enum class Conv { kOk, kNotImplemented, kError };
Conv toC(Value v, C* out) {
  if (isComplex(v)) {
    *out = {asComplex(v)->real, asComplex(v)->imag};
    return Conv::kOk;
  }
  if (isFloat(v)) {
    *out = {floatValue(v), 0.0};
    return Conv::kOk;
  }
  if (isInt(v)) {
    double d;
    if (!intToDouble(v, &d)) return Conv::kError;
    *out = {d, 0.0};
    return Conv::kOk;
  }
  return Conv::kNotImplemented;
}

#define TERN_COMPLEX_OPERANDS(a, b)                              \
  C x, y;                                                        \
  {                                                              \
    Conv ca = toC(a, &x);                                        \
    if (ca == Conv::kNotImplemented) return NotImplemented();    \
    Conv cb = toC(b, &y);                                        \
    if (cb == Conv::kNotImplemented) return NotImplemented();    \
    if (ca == Conv::kError || cb == Conv::kError) return Value(); \
  }

Value complex___add__(Value a, Value b) {
  TERN_COMPLEX_OPERANDS(a, b)
  return fromC(cAdd(x, y));
}
Value complex___sub__(Value a, Value b) {
  TERN_COMPLEX_OPERANDS(a, b)
  return fromC(cSub(x, y));
}
Value complex___mul__(Value a, Value b) {
  TERN_COMPLEX_OPERANDS(a, b)
  return fromC(cMul(x, y));
}
Value complex___truediv__(Value a, Value b) {
  TERN_COMPLEX_OPERANDS(a, b)
  bool zero;
  C r = cQuot(x, y, &zero);
  if (zero) return raise(exc::ZeroDivisionError, "complex division by zero");
  return fromC(r);
}
Value complex___pow__(Value a, Value b, Value m) {
  TERN_COMPLEX_OPERANDS(a, b)
  if (!isNone(m)) return raise(exc::ValueError, "complex modulo");
  return complexPowC(x, y);
}
#undef TERN_COMPLEX_OPERANDS

Value complex___neg__(Value a) { return newComplex(-asComplex(a)->real, -asComplex(a)->imag); }
Value complex___pos__(Value a) {
  if (typeOf(a) == types::complex_type) return a;
  return newComplex(asComplex(a)->real, asComplex(a)->imag);
}
Value complex___abs__(Value a) {
  double re = asComplex(a)->real, im = asComplex(a)->imag;
  if (std::isinf(re) || std::isinf(im)) return newFloat(HUGE_VAL);
  if (std::isnan(re) || std::isnan(im)) return newFloat(NAN);
  double r = std::hypot(re, im);
  if (std::isinf(r)) return raise(exc::OverflowError, "absolute value too large");
  return newFloat(r);
}
int complex___bool__(Value a) { return asComplex(a)->real != 0.0 || asComplex(a)->imag != 0.0; }

// ===========================================================================
// Comparison, hash, repr

Value complex_richcompare(Value a, Value b, int op) {
  if (op != kEq && op != kNe) return NotImplemented();
  if (!isComplex(a)) return NotImplemented();
  double re = asComplex(a)->real, im = asComplex(a)->imag;
  bool equal;
  if (isInt(b)) {
    if (im != 0.0) {
      equal = false;
    } else {
      equal = numbers::compareIntDouble(b, re) == 0;
    }
  } else if (isFloat(b)) {
    equal = re == floatValue(b) && im == 0.0;
  } else if (isComplex(b)) {
    equal = re == asComplex(b)->real && im == asComplex(b)->imag;
  } else {
    return NotImplemented();
  }
  return Bool(op == kEq ? equal : !equal);
}

int64_t complex___hash__(Value a) {
  double re = asComplex(a)->real, im = asComplex(a)->imag;
  int64_t nan_hash = (std::isnan(re) || std::isnan(im)) ? gc::identityHash(a.asObject()) : 0;
  return objects::hash_complex(re, im, nan_hash);
}

// A part as complex's repr prints it: the shortest repr, without ".0".
std::string partRepr(double d) {
  std::string s = compiler::repr_float(d);
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

Value complex___repr__(Value a) {
  double re = asComplex(a)->real, im = asComplex(a)->imag;
  if (re == 0.0 && !std::signbit(re)) return newStr(compiler::repr_imaginary(im));
  std::string s = "(" + partRepr(re);
  std::string is = partRepr(im);
  if (is[0] != '-') s.push_back('+');
  s += is;
  s += "j)";
  return newStr(s);
}

// ===========================================================================
// complex(real, imag)

Value raiseMalformed() { return raise(exc::ValueError, "complex() arg is a malformed string"); }

// Parses complex text (ASCII, underscores removed).
bool parseComplexText(std::string_view s, double* re, double* im) {
  size_t i = 0, n = s.size();
  auto skip_spaces = [&] {
    while (i < n && numbers::isSpaceAscii(s[i])) ++i;
  };
  skip_spaces();
  bool paren = false;
  if (i < n && s[i] == '(') {
    paren = true;
    ++i;
    skip_spaces();
  }
  *re = 0.0;
  *im = 0.0;
  auto is_j = [&](size_t k) { return k < n && (s[k] == 'j' || s[k] == 'J'); };
  double x;
  size_t len = numbers::parseDoublePrefix(s.substr(i), &x);
  if (len != 0) {
    i += len;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      *re = x;
      double y;
      size_t len2 = numbers::parseDoublePrefix(s.substr(i), &y);
      if (len2 != 0) {
        i += len2;
      } else if (is_j(i + 1)) {
        y = s[i] == '-' ? -1.0 : 1.0;
        ++i;
      } else {
        return false;
      }
      if (!is_j(i)) return false;
      ++i;
      *im = y;
    } else if (is_j(i)) {
      *im = x;
      ++i;
    } else {
      *re = x;
    }
  } else {
    // "j", "+j", "-j"
    double sign = 1.0;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      sign = s[i] == '-' ? -1.0 : 1.0;
      ++i;
    }
    if (!is_j(i)) return false;
    ++i;
    *im = sign;
  }
  skip_spaces();
  if (paren) {
    if (i >= n || s[i] != ')') return false;
    ++i;
    skip_spaces();
  }
  return i == n;
}

Value complexFromString(Type* type, Value v) {
  std::string text;
  if (isStr(v)) {
    text = numbers::numberTextFromStr(v);
  } else {
    return raiseMalformed();
  }
  std::string_view s = text;
  std::string clean;
  if (s.find('_') != std::string_view::npos) {
    if (!numbers::removeUnderscores(s, &clean)) {
      Value r = repr(v);
      if (r.isNull()) return r;
      return raisef(exc::ValueError, "could not convert string to complex: %s", strToUtf8(r).c_str());
    }
    s = clean;
  }
  double re, im;
  if (!parseComplexText(s, &re, &im)) return raiseMalformed();
  return newComplexOfType(type, re, im);
}

bool hasNumberSlots(Value v) {
  Type* t = typeOf(v);
  return t->slots.nb_float != nullptr || t->slots.nb_index != nullptr || isComplex(v);
}

const MethodDef kComplexNewDef = {.name = "complex",
                                  .signature = "($type, /, real=<unrepresentable>, imag=<unrepresentable>)"};

Value complex_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bindArguments(&kComplexNewDef, typeValue(type), args, nargs, kwnames, a)) return Value();
  Value r = a[1], i = a[2];
  if (r.isNull()) r = Value::fromSmallInt(0);
  if (isStr(r)) {
    if (!i.isNull()) return raise(exc::TypeError, "complex() can't take second arg if first is a string");
    return complexFromString(type, r);
  }
  if (!i.isNull() && isStr(i)) return raise(exc::TypeError, "complex() second arg can't be a string");
  Value tmp = tryComplexSpecial(r);
  if (tmp.isNull() && errorPending()) return Value();
  if (!tmp.isNull()) r = tmp;
  if (!hasNumberSlots(r)) {
    return raisef(exc::TypeError, "complex() first argument must be a string or a number, not '%s'",
                  typeNameOf(r).c_str());
  }
  if (!i.isNull() && !hasNumberSlots(i)) {
    return raisef(exc::TypeError, "complex() second argument must be a number, not '%s'", typeNameOf(i).c_str());
  }
  if (i.isNull() && type == types::complex_type && !r.isSmallInt() && typeOf(r) == types::complex_type) return r;
  C cr, ci = {0.0, 0.0};
  bool cr_is_complex = false, ci_is_complex = false;
  if (isComplex(r)) {
    cr = {asComplex(r)->real, asComplex(r)->imag};
    cr_is_complex = true;
  } else {
    double d;
    if (!asDouble(r, &d)) return Value();
    cr = {d, 0.0};
  }
  if (i.isNull()) {
    ci.re = cr.im;
  } else if (isComplex(i)) {
    ci = {asComplex(i)->real, asComplex(i)->imag};
    ci_is_complex = true;
  } else {
    double d;
    if (!asDouble(i, &d)) return Value();
    ci.re = d;
  }
  if (ci_is_complex) cr.re -= ci.im;
  if (cr_is_complex && !i.isNull()) ci.re += cr.im;
  return newComplexOfType(type, cr.re, ci.re);
}

// ===========================================================================
// __format__

// One part formatted with `type` (after 'n' -> 'g'); 'r' is repr.
std::string formatPart(double v, char32_t type, const objects::ParsedSpec& spec, char sign) {
  if (type == U'r') {
    std::string s = partRepr(v);
    bool neg = !s.empty() && s[0] == '-';
    if (neg) s.erase(0, 1);
    if (neg && spec.no_neg_0 && v == 0.0) neg = false;
    if (spec.alternate && std::isfinite(v) && s.find('.') == std::string::npos) {
      size_t e = s.find('e');
      s.insert(e == std::string::npos ? s.size() : e, ".");
    }
    if (spec.grouping != '\0' && std::isfinite(v)) {
      size_t int_digits = s.find_first_not_of("0123456789");
      if (int_digits == std::string::npos) int_digits = s.size();
      std::string grouped;
      for (size_t k = 0; k < int_digits; ++k) {
        if (k > 0 && (int_digits - k) % 3 == 0) grouped.push_back(spec.grouping);
        grouped.push_back(s[k]);
      }
      s = grouped + s.substr(int_digits);
    }
    if (neg) return "-" + s;
    if (sign == '+') return "+" + s;
    if (sign == ' ') return " " + s;
    return s;
  }
  objects::ParsedSpec p;
  p.fill = U' ';
  p.align = '>';
  p.sign = sign;
  p.no_neg_0 = spec.no_neg_0;
  p.alternate = spec.alternate;
  p.width = -1;
  p.grouping = spec.grouping;
  p.precision = spec.precision;
  p.type = type;
  return objects::format_float(v, p);
}

size_t codePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Value complex___format__(Value* args) {
  Value self = args[0], spec_v = args[1];
  if (!isStr(spec_v)) {
    return raisef(exc::TypeError, "__format__() argument must be str, not %s", typeNameOf(spec_v).c_str());
  }
  if (asStr(spec_v)->length == 0) return str(self);
  std::string error;
  std::string tname = typeNameOf(self);
  auto parsed = objects::parse_format_spec(strToUtf8(spec_v), U'\0', '>', tname, &error);
  if (!parsed) return raise(exc::ValueError, error);
  if (!checkWidthFitsHeap(parsed->width)) return Value();
  objects::ParsedSpec spec = *parsed;
  switch (spec.type) {
    case U'\0': case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'n': break;
    default: {
      std::string msg = "Unknown format code '";
      compiler::append_utf8(&msg, spec.type);
      msg += "' for object of type '" + tname + "'";
      return raise(exc::ValueError, msg);
    }
  }
  // A '0' flag shows up as fill '0' (with '=' alignment when none was given).
  if (spec.fill == U'0') {
    return raise(exc::ValueError, "Zero padding is not allowed in complex format specifier");
  }
  if (spec.align == '=') return raise(exc::ValueError, "'=' alignment flag is not allowed in complex format specifier");
  double re = asComplex(self)->real, im = asComplex(self)->imag;
  char32_t type = spec.type;
  bool skip_re = false, parens = false;
  if (type == U'\0') {
    skip_re = re == 0.0 && !std::signbit(re);
    type = U'r';
    parens = true;
  }
  if (type == U'n') type = U'g';
  if (spec.precision < 0) {
    if (type != U'r') spec.precision = 6;
  } else if (type == U'r') {
    type = U'g';
  }
  std::string body;
  if (!skip_re) {
    body = formatPart(re, type, spec, spec.sign == '-' ? '\0' : spec.sign);
    body += formatPart(im, type, spec, '+');
  } else {
    body = formatPart(im, type, spec, spec.sign == '-' ? '\0' : spec.sign);
  }
  body += "j";
  if (parens && !skip_re) body = "(" + body + ")";
  if (spec.width > 0) {
    size_t len = codePoints(body);
    if (static_cast<size_t>(spec.width) > len) {
      size_t pad = static_cast<size_t>(spec.width) - len;
      std::string fill;
      compiler::append_utf8(&fill, spec.fill);
      size_t left = spec.align == '<' ? 0 : spec.align == '^' ? pad / 2 : pad;
      std::string out;
      for (size_t k = 0; k < left; ++k) out += fill;
      out += body;
      for (size_t k = left; k < pad; ++k) out += fill;
      body = std::move(out);
    }
  }
  return newStr(body);
}

// ===========================================================================
// Methods and the type

Value complex_conjugate(Value* args) { return newComplex(asComplex(args[0])->real, -asComplex(args[0])->imag); }

Value complex___getnewargs__(Value* args) {
  Value re = newFloat(asComplex(args[0])->real);
  Value im = newFloat(asComplex(args[0])->imag);
  return newTupleOf({re, im});
}

Value complex___complex__(Value* args) { return complex___pos__(args[0]); }

const MethodDef kComplexMethods[] = {
    {.name = "conjugate", .signature = "($self, /)", .fn = complex_conjugate,
     .doc = "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {.name = "__getnewargs__", .signature = "($self, /)", .fn = complex___getnewargs__},
    {.name = "__format__", .signature = "($self, format_spec, /)", .fn = complex___format__,
     .doc = "Convert to a string according to format_spec."},
    {.name = "__complex__", .signature = "($self, /)", .fn = complex___complex__,
     .doc = "Convert this value to exact type complex."},
};

const MemberDef kComplexMembers[] = {
    {.name = "real", .kind = MemberKind::kDouble, .offset = kRealOffset, .readonly = true,
     .doc = "the real part of a complex number"},
    {.name = "imag", .kind = MemberKind::kDouble, .offset = kImagOffset, .readonly = true,
     .doc = "the imaginary part of a complex number"},
};

const TypeSpec kComplexSpec = {
    .name = "complex",
    .type = &types::complex_type,
    .layout = &kComplexLayout,
    .basic_size = sizeof(ComplexObj),
    .flags = type_flags::kBaseType | type_flags::kImmutable,
    .slots =
        {
            .tp_repr = complex___repr__,
            .tp_hash = complex___hash__,
            .tp_richcompare = complex_richcompare,
            .tp_new = complex_tp_new,
            .nb_add = complex___add__,
            .nb_subtract = complex___sub__,
            .nb_multiply = complex___mul__,
            .nb_true_divide = complex___truediv__,
            .nb_power = complex___pow__,
            .nb_negative = complex___neg__,
            .nb_positive = complex___pos__,
            .nb_absolute = complex___abs__,
            .nb_bool = complex___bool__,
        },
    .methods = kComplexMethods,
    .members = kComplexMembers,
    .doc = "Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + "
           "imag*1j) where imag defaults to 0.",
};
TERN_REGISTER_TYPE(kComplexSpec);

}  // namespace

}  // namespace tern
