// complex: a boxed pair of doubles.  Immutable; every complex is a
// ComplexObj (instances of subclasses too, with their own fields after it).
#pragma once

#include "runtime/objects/object.h"

namespace tern {

struct ComplexObj : Obj {
  double real;
  double imag;
};

inline ComplexObj* asComplex(Value v) { return static_cast<ComplexObj*>(v.asObject()); }
inline bool isComplex(Value v) { return !v.isSmallInt() && isInstance(v, types::complex_type); }

Value newComplex(double real, double imag);

// (ar + ai j) ** (br + bi j) with complex's semantics and errors
// (ZeroDivisionError "0.0 to a negative or complex power", OverflowError
// "complex exponentiation"); null on error.  float ** float with a negative
// base and a fractional exponent comes here.
Value complexPow(double ar, double ai, double br, double bi);

// complex(x) of Python for the runtime (the value of a number or string);
// false with an exception pending.
bool asComplexParts(Value v, double* real, double* imag);

}  // namespace tern
