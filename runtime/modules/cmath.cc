// The cmath module of CPython 3.11 over C99's complex functions
// (std::complex, whose special values follow C99 Annex G, the tables
// CPython's own cmath reproduces).
//
// Error rules: for a finite argument, a result with a NaN part is
// ValueError "math domain error"; a result with an infinite part is
// OverflowError "math range error" for the functions that can overflow (exp,
// cosh, sinh, rect) and ValueError "math domain error" at singularities
// (log(0), atanh(1), ...).
#include <cmath>
#include <complex>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

using Cx = std::complex<double>;

bool argComplex(Value v, Cx* out) {
  double re, im;
  if (!asComplexParts(v, &re, &im)) {
    if (errorPending() && errorMatches(exc::TypeError)) {
      clearError();
      raisef(exc::TypeError, "must be real number, not %s", typeNameOf(v).c_str());
    }
    return false;
  }
  *out = Cx(re, im);
  return true;
}

bool finite(Cx z) { return std::isfinite(z.real()) && std::isfinite(z.imag()); }

Value checked(Cx z, Cx r, bool can_overflow) {
  if (finite(z)) {
    if (std::isnan(r.real()) || std::isnan(r.imag())) return raise(exc::ValueError, "math domain error");
    if (std::isinf(r.real()) || std::isinf(r.imag())) {
      if (can_overflow) return raise(exc::OverflowError, "math range error");
      return raise(exc::ValueError, "math domain error");
    }
  }
  return newComplex(r.real(), r.imag());
}

#define TERN_CMATH_1(name, expr, overflow)    \
  Value cmath_##name(Value* args) {           \
    Cx z;                                     \
    if (!argComplex(args[1], &z)) return Value(); \
    return checked(z, expr, overflow);        \
  }

TERN_CMATH_1(acos, std::acos(z), false)
TERN_CMATH_1(acosh, std::acosh(z), false)
TERN_CMATH_1(asin, std::asin(z), false)
TERN_CMATH_1(asinh, std::asinh(z), false)
TERN_CMATH_1(atan, std::atan(z), false)
TERN_CMATH_1(atanh, std::atanh(z), false)
TERN_CMATH_1(cos, std::cos(z), true)
TERN_CMATH_1(cosh, std::cosh(z), true)
TERN_CMATH_1(exp, std::exp(z), true)
TERN_CMATH_1(log10, std::log10(z), false)
TERN_CMATH_1(sin, std::sin(z), true)
TERN_CMATH_1(sinh, std::sinh(z), true)
TERN_CMATH_1(sqrt, std::sqrt(z), false)
TERN_CMATH_1(tan, std::tan(z), true)
TERN_CMATH_1(tanh, std::tanh(z), true)
#undef TERN_CMATH_1

Value cmath_log(Value* args) {
  Cx z;
  if (!argComplex(args[1], &z)) return Value();
  Cx r = std::log(z);
  if (!args[2].isNull()) {
    Cx b;
    if (!argComplex(args[2], &b)) return Value();
    Cx lb = std::log(b);
    if (finite(b) && (std::isinf(lb.real()) || std::isnan(lb.real()))) {
      return raise(exc::ValueError, "math domain error");
    }
    if (lb == Cx(0.0, 0.0)) return raise(exc::ZeroDivisionError, "complex division by zero");
    Value num = checked(z, r, false);
    if (num.isNull()) return num;
    Value den = newComplex(lb.real(), lb.imag());
    return binaryOp(num, den, BinOp::kTrueDivide);
  }
  return checked(z, r, false);
}

Value cmath_phase(Value* args) {
  Cx z;
  if (!argComplex(args[1], &z)) return Value();
  return newFloat(std::atan2(z.imag(), z.real()));
}

Value cmath_polar(Value* args) {
  Cx z;
  if (!argComplex(args[1], &z)) return Value();
  double r;
  if (std::isinf(z.real()) || std::isinf(z.imag())) {
    r = HUGE_VAL;
  } else if (std::isnan(z.real()) || std::isnan(z.imag())) {
    r = NAN;
  } else {
    r = std::hypot(z.real(), z.imag());
    if (std::isinf(r)) return raise(exc::OverflowError, "math range error");
  }
  Value rv = newFloat(r);
  Value pv = newFloat(std::atan2(z.imag(), z.real()));
  return newTupleOf({rv, pv});
}

Value cmath_rect(Value* args) {
  double r, phi;
  if (!asDouble(args[1], &r) || !asDouble(args[2], &phi)) return Value();
  if (std::isfinite(r) && std::isinf(phi)) return raise(exc::ValueError, "math domain error");
  Cx z;
  if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
    z = Cx(r * std::cos(phi), r * std::sin(phi));
  } else if (phi == 0.0) {
    z = Cx(r, std::isnan(r) ? 0.0 : r * phi);
  } else {
    z = Cx(r * std::cos(phi), r * std::sin(phi));
  }
  if (std::isfinite(r) && std::isfinite(phi) && !finite(z)) return raise(exc::OverflowError, "math range error");
  return newComplex(z.real(), z.imag());
}

Value cmath_isfinite(Value* args) {
  Cx z;
  if (!argComplex(args[1], &z)) return Value();
  return Bool(finite(z));
}
Value cmath_isnan(Value* args) {
  Cx z;
  if (!argComplex(args[1], &z)) return Value();
  return Bool(std::isnan(z.real()) || std::isnan(z.imag()));
}
Value cmath_isinf(Value* args) {
  Cx z;
  if (!argComplex(args[1], &z)) return Value();
  return Bool(std::isinf(z.real()) || std::isinf(z.imag()));
}

Value cmath_isclose(Value* args) {
  Cx a, b;
  double rel, abs_tol;
  if (!argComplex(args[1], &a) || !argComplex(args[2], &b) || !asDouble(args[3], &rel) || !asDouble(args[4], &abs_tol)) {
    return Value();
  }
  if (rel < 0.0 || abs_tol < 0.0) return raise(exc::ValueError, "tolerances must be non-negative");
  if (a == b) return True();
  if (!finite(a) || !finite(b)) return False();
  double diff = std::abs(a - b);
  return Bool(diff <= rel * std::abs(b) || diff <= rel * std::abs(a) || diff <= abs_tol);
}

#define C1(fname, fdoc) {.name = #fname, .signature = "($module, z, /)", .fn = cmath_##fname, .doc = fdoc}
const MethodDef kCmathMethods[] = {
    C1(acos, "Return the arc cosine of z."),
    C1(acosh, "Return the inverse hyperbolic cosine of z."),
    C1(asin, "Return the arc sine of z."),
    C1(asinh, "Return the inverse hyperbolic sine of z."),
    C1(atan, "Return the arc tangent of z."),
    C1(atanh, "Return the inverse hyperbolic tangent of z."),
    C1(cos, "Return the cosine of z."),
    C1(cosh, "Return the hyperbolic cosine of z."),
    C1(exp, "Return the exponential value e**z."),
    C1(isfinite, "Return True if both the real and imaginary parts of z are finite, else False."),
    C1(isinf, "Checks if the real or imaginary part of z is infinite."),
    C1(isnan, "Checks if the real or imaginary part of z not a number (NaN)."),
    C1(log10, "Return the base-10 logarithm of z."),
    C1(phase, "Return argument, also known as the phase angle, of a complex."),
    C1(polar, "Convert a complex from rectangular coordinates to polar coordinates."),
    C1(sin, "Return the sine of z."),
    C1(sinh, "Return the hyperbolic sine of z."),
    C1(sqrt, "Return the square root of z."),
    C1(tan, "Return the tangent of z."),
    C1(tanh, "Return the hyperbolic tangent of z."),
    {.name = "log", .signature = "($module, x, base=<unrepresentable>, /)", .fn = cmath_log,
     .doc = "log(z[, base]) -> the logarithm of z to the given base."},
    {.name = "rect", .signature = "($module, r, phi, /)", .fn = cmath_rect,
     .doc = "Convert from polar coordinates to rectangular coordinates."},
    {.name = "isclose", .signature = "($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)", .fn = cmath_isclose,
     .doc = "Determine whether two complex numbers are close in value."},
};
#undef C1

bool cmath_init(Value module) {
  Value d = moduleDict(module);
  struct Constant {
    const char* name;
    double re, im;
    bool is_complex;
  };
  const Constant constants[] = {{"pi", M_PI, 0, false},     {"e", M_E, 0, false},        {"tau", 2 * M_PI, 0, false},
                                {"inf", HUGE_VAL, 0, false}, {"nan", NAN, 0, false},      {"infj", 0, HUGE_VAL, true},
                                {"nanj", 0, NAN, true}};
  for (const Constant& c : constants) {
    Value v = c.is_complex ? newComplex(c.re, c.im) : newFloat(c.re);
    if (dictSet(d, internStr(c.name), v) < 0) return false;
  }
  return true;
}

const NativeModuleDef kCmathModule = {
    .name = "cmath",
    .methods = kCmathMethods,
    .init = cmath_init,
    .doc = "This module provides access to mathematical functions for complex\nnumbers.",
};
TERN_REGISTER_MODULE(kCmathModule);

}  // namespace

}  // namespace tern
