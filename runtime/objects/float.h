// float: a boxed double.  Immutable; every float is a FloatObj (no tagging).
#pragma once

#include "runtime/objects/object.h"

namespace tern {

struct FloatObj : Obj {
  double value;
};

inline bool isFloat(Value v) { return !v.isSmallInt() && isInstance(v, types::float_type); }
inline double floatValue(Value v) { return static_cast<FloatObj*>(v.asObject())->value; }

Value newFloat(double d);
// float(x) for any x (__float__, __index__, str); null on error.
Value toFloat(Value v);
// The double value of an int or float (or anything with __float__/__index__);
// false on error.
bool asDouble(Value v, double* out);

}  // namespace tern
