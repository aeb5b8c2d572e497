// The math module of CPython 3.11: libm functions with Python's error rules,
// and the integer functions (isqrt, factorial, gcd, lcm, comb, perm) on
// Python ints of any size.
//
// Error rules (CPython's math_1/math_2): a NaN result from a non-NaN argument
// is ValueError "math domain error"; an infinite result from finite
// arguments is OverflowError "math range error" for the functions that can
// overflow (exp, cosh, ...) and ValueError "math domain error" for the
// others (log(0) and friends).  Underflow to zero is not an error.
#include <gmp.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

namespace bigint = objects::bigint;
using bigint::Limb;
using bigint::Mag;
using numbers::IntRef;

Value domainError() { return raise(exc::ValueError, "math domain error"); }
Value rangeError() { return raise(exc::OverflowError, "math range error"); }

// math_1: f(x) with the error rules above.
Value math1(Value arg, double (*f)(double), bool can_overflow) {
  double x;
  if (!asDouble(arg, &x)) return Value();
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domainError();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? rangeError() : domainError();
  return newFloat(r);
}

#define TERN_MATH_1(name, expr, overflow)                          \
  double m_##name(double x) { return expr; }                      \
  Value math_##name(Value* args) { return math1(args[1], m_##name, overflow); }

TERN_MATH_1(acos, std::acos(x), false)
TERN_MATH_1(acosh, std::acosh(x), false)
TERN_MATH_1(asin, std::asin(x), false)
TERN_MATH_1(asinh, std::asinh(x), false)
TERN_MATH_1(atan, std::atan(x), false)
TERN_MATH_1(atanh, (std::fabs(x) >= 1.0 ? NAN : std::atanh(x)), false)
TERN_MATH_1(cbrt, std::cbrt(x), false)
TERN_MATH_1(cos, std::cos(x), false)
TERN_MATH_1(cosh, std::cosh(x), true)
TERN_MATH_1(erf, std::erf(x), false)
TERN_MATH_1(erfc, std::erfc(x), false)
TERN_MATH_1(exp, std::exp(x), true)
TERN_MATH_1(exp2, std::exp2(x), true)
TERN_MATH_1(expm1, std::expm1(x), true)
TERN_MATH_1(fabs, std::fabs(x), false)
TERN_MATH_1(log1p, (x <= -1.0 ? NAN : std::log1p(x)), false)
TERN_MATH_1(sin, std::sin(x), false)
TERN_MATH_1(sinh, std::sinh(x), true)
TERN_MATH_1(sqrt, (x < 0 ? NAN : std::sqrt(x)), false)
TERN_MATH_1(tan, std::tan(x), false)
TERN_MATH_1(tanh, std::tanh(x), false)
TERN_MATH_1(degrees, x * (180.0 / M_PI), true)
TERN_MATH_1(radians, x * (M_PI / 180.0), false)
#undef TERN_MATH_1

bool isNonPositiveInteger(double x) { return x <= 0 && std::floor(x) == x; }

Value math_gamma(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  if (std::isnan(x)) return newFloat(x);
  if (std::isinf(x)) {
    if (x > 0) return newFloat(x);
    return domainError();
  }
  if (isNonPositiveInteger(x)) return domainError();
  double r = std::tgamma(x);
  if (std::isinf(r)) return rangeError();
  return newFloat(r);
}

Value math_lgamma(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  if (std::isnan(x)) return newFloat(x);
  if (std::isinf(x)) return newFloat(HUGE_VAL);
  if (isNonPositiveInteger(x)) return domainError();
  int sign;
  double r = lgamma_r(x, &sign);
  if (std::isinf(r)) return rangeError();
  return newFloat(r);
}

// --- two arguments ---

Value math_atan2(Value* args) {
  double y, x;
  if (!asDouble(args[1], &y) || !asDouble(args[2], &x)) return Value();
  return newFloat(std::atan2(y, x));
}

Value math_copysign(Value* args) {
  double x, y;
  if (!asDouble(args[1], &x) || !asDouble(args[2], &y)) return Value();
  return newFloat(std::copysign(x, y));
}

Value math_fmod(Value* args) {
  double x, y;
  if (!asDouble(args[1], &x) || !asDouble(args[2], &y)) return Value();
  if (std::isinf(y) && std::isfinite(x)) return newFloat(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domainError();
  return newFloat(r);
}

Value math_remainder(Value* args) {
  double x, y;
  if (!asDouble(args[1], &x) || !asDouble(args[2], &y)) return Value();
  if (std::isnan(x)) return newFloat(x);
  if (std::isnan(y)) return newFloat(y);
  if (std::isinf(x) || y == 0.0) return domainError();
  if (std::isinf(y)) return newFloat(x);
  return newFloat(std::remainder(x, y));
}

Value math_pow(Value* args) {
  double x, y;
  if (!asDouble(args[1], &x) || !asDouble(args[2], &y)) return Value();
  double r;
  if (std::isfinite(x) && std::isfinite(y)) {
    r = std::pow(x, y);
    if (std::isnan(r)) return domainError();
    if (std::isinf(r)) return x == 0.0 ? domainError() : rangeError();
  } else {
    r = std::pow(x, y);  // C99 Annex F special cases agree with Python's
  }
  return newFloat(r);
}

Value math_nextafter(Value* args) {
  double x, y;
  if (!asDouble(args[1], &x) || !asDouble(args[2], &y)) return Value();
  return newFloat(std::nextafter(x, y));
}

Value math_ulp(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  if (std::isnan(x)) return newFloat(x);
  x = std::fabs(x);
  if (std::isinf(x)) return newFloat(x);
  double x2 = std::nextafter(x, INFINITY);
  if (std::isinf(x2)) {
    x2 = std::nextafter(x, -INFINITY);
    return newFloat(x - x2);
  }
  return newFloat(x2 - x);
}

Value math_ldexp(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  if (!isInt(args[2])) return raise(exc::TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  {
    IntRef r(args[2]);
    if (!bigint::to_int64(r.mag, r.neg, &e)) e = r.neg ? INT64_MIN : INT64_MAX;
  }
  if (x == 0.0 || !std::isfinite(x)) return newFloat(x);
  if (e > 100000) return rangeError();
  if (e < -100000) return newFloat(std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return rangeError();
  return newFloat(r);
}

Value math_frexp(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  int e = 0;
  double m = x;
  if (std::isfinite(x) && x != 0.0) m = std::frexp(x, &e);
  Value mv = newFloat(m);
  return newTupleOf({mv, Value::fromSmallInt(e)});
}

Value math_modf(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  if (std::isinf(x)) {
    Value f = newFloat(std::copysign(0.0, x));
    Value i = newFloat(x);
    return newTupleOf({f, i});
  }
  double ip;
  double fp = std::modf(x, &ip);
  Value f = newFloat(fp);
  Value i = newFloat(ip);
  return newTupleOf({f, i});
}

// --- predicates ---

Value math_isnan(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  return Bool(std::isnan(x));
}
Value math_isinf(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  return Bool(std::isinf(x));
}
Value math_isfinite(Value* args) {
  double x;
  if (!asDouble(args[1], &x)) return Value();
  return Bool(std::isfinite(x));
}

Value math_isclose(Value* args) {
  double a, b, rel, abs_tol;
  if (!asDouble(args[1], &a) || !asDouble(args[2], &b) || !asDouble(args[3], &rel) || !asDouble(args[4], &abs_tol)) {
    return Value();
  }
  if (rel < 0.0 || abs_tol < 0.0) return raise(exc::ValueError, "tolerances must be non-negative");
  if (a == b) return True();
  if (std::isinf(a) || std::isinf(b)) return False();
  double diff = std::fabs(b - a);
  return Bool((diff <= std::fabs(rel * b)) || (diff <= std::fabs(rel * a)) || (diff <= abs_tol));
}

// --- rounding to int ---

Value roundingSpecial(Value x, Value name, double (*f)(double), const char* method) {
  if (!x.isSmallInt() && typeOf(x) == types::float_type) return numbers::intFromDouble(f(floatValue(x)));
  if (x.isSmallInt()) return x;
  Value m = lookupSpecial(typeOf(x), name);
  if (!m.isNull()) {
    bool found = false;
    return callSpecial(x, name, nullptr, 0, &found);
  }
  if (errorPending()) return Value();
  if (f == nullptr) {
    return raisef(exc::TypeError, "type %s doesn't define %s method", typeNameOf(x).c_str(), method);
  }
  double d;
  if (!asDouble(x, &d)) return Value();
  return numbers::intFromDouble(f(d));
}

double dfloor(double x) { return std::floor(x); }
double dceil(double x) { return std::ceil(x); }

Value math_floor(Value* args) { return roundingSpecial(args[1], internStr("__floor__"), dfloor, "__floor__"); }
Value math_ceil(Value* args) { return roundingSpecial(args[1], internStr("__ceil__"), dceil, "__ceil__"); }
Value math_trunc(Value* args) {
  Value x = args[1];
  if (!x.isSmallInt() && typeOf(x) == types::float_type) return numbers::intFromDouble(floatValue(x));
  return roundingSpecial(x, names::__trunc__, nullptr, "__trunc__");
}

// --- logarithms ---

// log(x) for an int or float argument, with ints of any size.
bool logOf(Value arg, double (*f)(double), double* out) {
  if (isInt(arg)) {
    if (intSign(arg) <= 0) {
      domainError();
      return false;
    }
    double d;
    if (intToDouble(arg, &d)) {
      *out = f(d);
      return true;
    }
    clearError();
    // Too big for a double: x = m * 2**e with m in [0.5, 1).
    uint64_t bits;
    {
      IntRef r(arg);
      bits = bigint::bit_length(r.mag);
    }
    uint64_t shift = bits - 60;
    Value top = binaryOp(arg, newInt(static_cast<int64_t>(shift)), BinOp::kRshift);
    if (top.isNull()) return false;
    double t;
    if (!intToDouble(top, &t)) return false;
    *out = f(std::ldexp(t, -60)) + f(2.0) * static_cast<double>(bits);
    return true;
  }
  double x;
  if (!asDouble(arg, &x)) return false;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) {
    *out = x;
    return true;
  }
  if (x <= 0.0) {
    domainError();
    return false;
  }
  *out = f(x);
  return true;
}

double dlog(double x) { return std::log(x); }
double dlog2(double x) { return std::log2(x); }
double dlog10(double x) { return std::log10(x); }

Value math_log(Value* args) {
  double num;
  if (!logOf(args[1], dlog, &num)) return Value();
  if (args[2].isNull()) return newFloat(num);
  double den;
  if (!logOf(args[2], dlog, &den)) return Value();
  if (den == 0.0) return raise(exc::ZeroDivisionError, "float division by zero");
  return newFloat(num / den);
}

Value math_log2(Value* args) {
  double r;
  if (!logOf(args[1], dlog2, &r)) return Value();
  return newFloat(r);
}

Value math_log10(Value* args) {
  double r;
  if (!logOf(args[1], dlog10, &r)) return Value();
  return newFloat(r);
}

// --- sums, norms, products ---

// fsum: Shewchuk's exact partial sums, rounded once at the end.
Value math_fsum(Value* args) {
  Value it = getIter(args[1]);
  if (it.isNull()) return it;
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  while (true) {
    Value item = iterNext(it);
    if (item.isNull()) {
      if (errorPending()) return Value();
      break;
    }
    double x;
    if (!asDouble(item, &x)) return Value();
    double xsave = x;
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // a non-finite x could arise from an intermediate overflow or a real inf/nan
        if (std::isfinite(xsave)) return raise(exc::OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(exc::ValueError, "-inf + inf in fsum");
    return newFloat(special_sum);
  }
  double hi = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half-even correctly when the remaining partials push a tie.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return newFloat(hi);
}

// The coordinates of a point as doubles.
bool coordinates(Value seq, std::vector<double>* out) {
  Value t = isTuple(seq) ? seq : tupleFromIterable(seq);
  if (t.isNull()) return false;
  for (int64_t i = 0; i < tupleLength(t); ++i) {
    double d;
    if (!asDouble(tupleItem(t, i), &d)) return false;
    out->push_back(d);
  }
  return true;
}

double vectorNorm(const std::vector<double>& v) {
  double max = 0.0;
  bool nan = false;
  for (double x : v) {
    double a = std::fabs(x);
    if (std::isinf(a)) return a;
    if (std::isnan(a)) nan = true;
    if (a > max) max = a;
  }
  if (nan) return NAN;
  if (max == 0.0 || v.size() <= 1) return max;
  // Scale by a power of two (exact), sum the squares with their rounding
  // errors (fma) in compensated form, then correct the square root once.
  int e;
  std::frexp(max, &e);
  double s = 0.0, lo = 0.0;
  for (double x : v) {
    double y = std::ldexp(x, -e);
    double p = y * y;
    double perr = std::fma(y, y, -p);
    double t = s + p;
    double serr = (s - t) + p;
    if (std::fabs(s) < std::fabs(p)) serr = (p - t) + s;
    s = t;
    lo += serr + perr;
  }
  double h = std::sqrt(s + lo);
  double r = std::fma(-h, h, s) + lo;
  h += r / (2.0 * h);
  return std::ldexp(h, e);
}

Value math_hypot(Value* args) {
  std::vector<double> v;
  if (!coordinates(args[1], &v)) return Value();
  return newFloat(vectorNorm(v));
}

Value math_dist(Value* args) {
  std::vector<double> p, q;
  if (!isTuple(args[1]) && !hasTypeFlag(args[1], type_flags::kListSubclass) && lengthHint(args[1], -1) < 0) {
    return raise(exc::TypeError, "dist(): argument 1 must be tuple");
  }
  if (!coordinates(args[1], &p) || !coordinates(args[2], &q)) return Value();
  if (p.size() != q.size()) return raise(exc::ValueError, "both points must have the same number of dimensions");
  for (size_t i = 0; i < p.size(); ++i) p[i] -= q[i];
  return newFloat(vectorNorm(p));
}

Value math_prod(Value* args) {
  Value it = getIter(args[1]);
  if (it.isNull()) return it;
  Value acc = args[2];
  while (true) {
    Value item = iterNext(it);
    if (item.isNull()) {
      if (errorPending()) return Value();
      return acc;
    }
    acc = binaryOp(acc, item, BinOp::kMultiply);
    if (acc.isNull()) return acc;
  }
}

// --- integer functions ---

Value mul(Value a, Value b) { return binaryOp(a, b, BinOp::kMultiply); }

// The product of the integers in [lo, hi) (binary splitting keeps the
// operands balanced, so big products stay fast).
Value rangeProduct(int64_t lo, int64_t hi) {
  if (hi - lo <= 8) {
    Value acc = Value::fromSmallInt(1);
    for (int64_t i = lo; i < hi; ++i) {
      acc = mul(acc, newInt(i));
      if (acc.isNull()) return acc;
    }
    return acc;
  }
  int64_t mid = lo + (hi - lo) / 2;
  Value a = rangeProduct(lo, mid);
  if (a.isNull()) return a;
  Value b = rangeProduct(mid, hi);
  if (b.isNull()) return b;
  return mul(a, b);
}

Value math_factorial(Value* args) {
  Value n = args[1];
  if (isFloat(n)) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
  Value i = index(n);
  if (i.isNull()) return i;
  int64_t v;
  {
    IntRef r(i);
    if (!bigint::to_int64(r.mag, r.neg, &v)) {
      if (r.neg) return raise(exc::ValueError, "factorial() not defined for negative values");
      return raise(exc::OverflowError, "factorial() argument should not exceed 9223372036854775807");
    }
  }
  if (v < 0) return raise(exc::ValueError, "factorial() not defined for negative values");
  return rangeProduct(1, v + 1);
}

Value math_isqrt(Value* args) {
  Value n = index(args[1]);
  if (n.isNull()) return n;
  if (intSign(n) < 0) return raise(exc::ValueError, "isqrt() argument must be nonnegative");
  if (intSign(n) == 0) return Value::fromSmallInt(0);
  std::vector<Limb> root;
  {
    IntRef r(n);
    std::vector<Limb> copy(r.mag.begin(), r.mag.end());
    root.assign((copy.size() + 1) / 2, 0);
    mpn_sqrtrem(root.data(), nullptr, copy.data(), static_cast<mp_size_t>(copy.size()));
  }
  return newIntFromMag(false, Mag(root.data(), root.size()));
}

Value intAbsValue(Value v) { return intSign(v) < 0 ? negative(v) : v; }

Value gcd2(Value a, Value b) {
  a = intAbsValue(a);
  if (a.isNull()) return a;
  b = intAbsValue(b);
  if (b.isNull()) return b;
  while (intSign(b) != 0) {
    if (a.isSmallInt() && b.isSmallInt()) {
      int64_t x = a.asSmallInt(), y = b.asSmallInt();
      while (y != 0) {
        int64_t t = x % y;
        x = y;
        y = t;
      }
      return newInt(x);
    }
    Value r = binaryOp(a, b, BinOp::kRemainder);
    if (r.isNull()) return r;
    a = b;
    b = r;
  }
  return a;
}

Value math_gcd(Value* args) {
  Value items = args[1];
  Value g = Value::fromSmallInt(0);
  for (int64_t i = 0; i < tupleLength(items); ++i) {
    Value x = index(tupleItem(items, i));
    if (x.isNull()) return x;
    g = gcd2(g, x);
    if (g.isNull()) return g;
  }
  return g;
}

Value math_lcm(Value* args) {
  Value items = args[1];
  Value l = Value::fromSmallInt(1);
  for (int64_t i = 0; i < tupleLength(items); ++i) {
    Value x = index(tupleItem(items, i));
    if (x.isNull()) return x;
    if (intSign(x) == 0) {
      // Still check the remaining arguments are integers.
      for (int64_t j = i + 1; j < tupleLength(items); ++j) {
        if (index(tupleItem(items, j)).isNull()) return Value();
      }
      return Value::fromSmallInt(0);
    }
    Value g = gcd2(l, x);
    if (g.isNull()) return g;
    Value q = binaryOp(intAbsValue(x), g, BinOp::kFloorDivide);
    if (q.isNull()) return q;
    l = mul(l, q);
    if (l.isNull()) return l;
  }
  return l;
}

// perm(n, k) = n! / (n-k)!, comb = perm / k!; n and k non-negative ints.
bool combArgs(Value nv, Value kv, Value* n, Value* k) {
  *n = index(nv);
  if (n->isNull()) return false;
  *k = index(kv);
  if (k->isNull()) return false;
  if (intSign(*n) < 0) {
    raise(exc::ValueError, "n must be a non-negative integer");
    return false;
  }
  if (intSign(*k) < 0) {
    raise(exc::ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Value descendingProduct(Value n, Value k) {
  // n * (n-1) * ... * (n-k+1), k small enough to count.
  int64_t kk;
  if (!intToInt64(k, &kk)) return Value();
  Value acc = Value::fromSmallInt(1);
  Value term = n;
  for (int64_t i = 0; i < kk; ++i) {
    acc = mul(acc, term);
    if (acc.isNull()) return acc;
    term = binaryOp(term, Value::fromSmallInt(1), BinOp::kSubtract);
    if (term.isNull()) return term;
  }
  return acc;
}

Value math_perm(Value* args) {
  if (args[2].isNull() || isNone(args[2])) {
    Value a[2] = {args[0], args[1]};
    return math_factorial(a);
  }
  Value n, k;
  if (!combArgs(args[1], args[2], &n, &k)) return Value();
  int c = richCompareBool(k, n, kGt);
  if (c < 0) return Value();
  if (c) return Value::fromSmallInt(0);
  return descendingProduct(n, k);
}

Value math_comb(Value* args) {
  Value n, k;
  if (!combArgs(args[1], args[2], &n, &k)) return Value();
  int c = richCompareBool(k, n, kGt);
  if (c < 0) return Value();
  if (c) return Value::fromSmallInt(0);
  Value nk = binaryOp(n, k, BinOp::kSubtract);
  if (nk.isNull()) return nk;
  c = richCompareBool(nk, k, kLt);
  if (c < 0) return Value();
  if (c) k = nk;  // comb(n, k) == comb(n, n - k)
  int64_t kk;
  if (!intToInt64(k, &kk)) return Value();
  // Multiplicative formula: exact at every step.
  Value acc = Value::fromSmallInt(1);
  for (int64_t i = 0; i < kk; ++i) {
    Value term = binaryOp(n, newInt(i), BinOp::kSubtract);
    if (term.isNull()) return term;
    acc = mul(acc, term);
    if (acc.isNull()) return acc;
    acc = binaryOp(acc, newInt(i + 1), BinOp::kFloorDivide);
    if (acc.isNull()) return acc;
  }
  return acc;
}

// ---------------------------------------------------------------------------

#define X1(fname, fdoc) {.name = #fname, .signature = "($module, x, /)", .fn = math_##fname, .doc = fdoc}
const MethodDef kMathMethods[] = {
    X1(acos, "Return the arc cosine (measured in radians) of x."),
    X1(acosh, "Return the inverse hyperbolic cosine of x."),
    X1(asin, "Return the arc sine (measured in radians) of x."),
    X1(asinh, "Return the inverse hyperbolic sine of x."),
    X1(atan, "Return the arc tangent (measured in radians) of x."),
    X1(atanh, "Return the inverse hyperbolic tangent of x."),
    X1(cbrt, "Return the cube root of x."),
    X1(ceil, "Return the ceiling of x as an Integral."),
    X1(cos, "Return the cosine of x (measured in radians)."),
    X1(cosh, "Return the hyperbolic cosine of x."),
    X1(degrees, "Convert angle x from radians to degrees."),
    X1(erf, "Error function at x."),
    X1(erfc, "Complementary error function at x."),
    X1(exp, "Return e raised to the power of x."),
    X1(exp2, "Return 2 raised to the power of x."),
    X1(expm1, "Return exp(x)-1."),
    X1(fabs, "Return the absolute value of the float x."),
    X1(floor, "Return the floor of x as an Integral."),
    X1(frexp, "Return the mantissa and exponent of x, as pair (m, e)."),
    X1(gamma, "Gamma function at x."),
    X1(isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise."),
    X1(isinf, "Return True if x is a positive or negative infinity, and False otherwise."),
    X1(isnan, "Return True if x is a NaN (not a number), and False otherwise."),
    X1(lgamma, "Natural logarithm of absolute value of Gamma function at x."),
    X1(log10, "Return the base 10 logarithm of x."),
    X1(log1p, "Return the natural logarithm of 1+x (base e)."),
    X1(log2, "Return the base 2 logarithm of x."),
    X1(modf, "Return the fractional and integer parts of x."),
    X1(radians, "Convert angle x from degrees to radians."),
    X1(sin, "Return the sine of x (measured in radians)."),
    X1(sinh, "Return the hyperbolic sine of x."),
    X1(sqrt, "Return the square root of x."),
    X1(tan, "Return the tangent of x (measured in radians)."),
    X1(tanh, "Return the hyperbolic tangent of x."),
    X1(trunc, "Truncates the Real x to the nearest Integral toward 0."),
    X1(ulp, "Return the value of the least significant bit of the float x."),
    {.name = "factorial", .signature = "($module, n, /)", .fn = math_factorial,
     .doc = "Find n!.\n\nRaise a ValueError if x is negative or non-integral."},
    {.name = "isqrt", .signature = "($module, n, /)", .fn = math_isqrt,
     .doc = "Return the integer part of the square root of the input."},
    {.name = "atan2", .signature = "($module, y, x, /)", .fn = math_atan2,
     .doc = "Return the arc tangent (measured in radians) of y/x."},
    {.name = "copysign", .signature = "($module, x, y, /)", .fn = math_copysign,
     .doc = "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {.name = "fmod", .signature = "($module, x, y, /)", .fn = math_fmod, .doc = "Return fmod(x, y), according to platform C."},
    {.name = "remainder", .signature = "($module, x, y, /)", .fn = math_remainder,
     .doc = "Difference between x and the closest integer multiple of y."},
    {.name = "pow", .signature = "($module, x, y, /)", .fn = math_pow, .doc = "Return x**y (x to the power of y)."},
    {.name = "nextafter", .signature = "($module, x, y, /)", .fn = math_nextafter,
     .doc = "Return the next floating-point value after x towards y."},
    {.name = "ldexp", .signature = "($module, x, i, /)", .fn = math_ldexp, .doc = "Return x * (2**i)."},
    {.name = "isclose", .signature = "($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)", .fn = math_isclose,
     .doc = "Determine whether two floating point numbers are close in value."},
    {.name = "log", .signature = "($module, x, base=<unrepresentable>, /)", .fn = math_log, .flags = method_flags::kOptionalGroups | method_flags::kVarArgs,
     .doc = "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {.name = "fsum", .signature = "($module, seq, /)", .fn = math_fsum,
     .doc = "Return an accurate floating point sum of values in the iterable seq."},
    {.name = "hypot", .signature = "($module, *coordinates)", .fn = math_hypot,
     .doc = "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point."},
    {.name = "dist", .signature = "($module, p, q, /)", .fn = math_dist,
     .doc = "Return the Euclidean distance between two points p and q."},
    {.name = "prod", .signature = "($module, iterable, /, *, start=1)", .fn = math_prod,
     .doc = "Calculate the product of all the elements in the input iterable."},
    {.name = "gcd", .signature = "($module, *integers)", .fn = math_gcd, .doc = "Greatest Common Divisor."},
    {.name = "lcm", .signature = "($module, *integers)", .fn = math_lcm, .doc = "Least Common Multiple."},
    {.name = "comb", .signature = "($module, n, k, /)", .fn = math_comb,
     .doc = "Number of ways to choose k items from n items without repetition and without order."},
    {.name = "perm", .signature = "($module, n, k=None, /)", .fn = math_perm,
     .doc = "Number of ways to choose k items from n items without repetition and with order."},
};
#undef X1

bool math_init(Value module) {
  Value d = moduleDict(module);
  struct Constant {
    const char* name;
    double value;
  };
  const Constant constants[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", HUGE_VAL}, {"nan", NAN}};
  for (const Constant& c : constants) {
    Value v = newFloat(c.value);
    if (dictSet(d, internStr(c.name), v) < 0) return false;
  }
  return true;
}

const NativeModuleDef kMathModule = {
    .name = "math",
    .methods = kMathMethods,
    .init = math_init,
    .doc = "This module provides access to the mathematical functions\ndefined by the C standard.",
};
TERN_REGISTER_MODULE(kMathModule);

}  // namespace

}  // namespace tern
